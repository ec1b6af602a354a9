import { Receipt } from 'mppx'
import { describe, expect, it } from 'vitest'
import { client, getJson, prepare, useDevnet } from './support'

const devnet = useDevnet()
const url = () => `${devnet.url}/api/photo`
const balance = async (account = 'demo') => (await getJson(`${devnet.url}/devnet/credits/${account}`)).balance

describe('credits/charge', () => {
  it('pays with demo/4242 and deducts 5 credits', async () => {
    const before = await balance()
    const payment = await prepare(await fetch(url()), 'credits')
    const credential = await payment.createCredential({ account: 'demo', pin: '4242' })
    const res = await client.rawFetch(url(), payment.setCredential({}, credential))
    expect(res.status).toBe(200)
    expect(Receipt.fromResponse(res)).toMatchObject({ method: 'credits', reference: expect.stringMatching(/^credits_\d+$/) })
    expect(await balance()).toBe(before - 5)

    const replay = await client.rawFetch(url(), payment.setCredential({}, credential))
    expect(replay.status).toBe(402)
    expect(await balance()).toBe(before - 5)

    const stats = await getJson(`${devnet.url}/devnet/stats`)
    expect(stats.routes['GET /api/photo'].settled).toEqual({ credits: 1 })
    expect(stats.rails.credits).toMatchObject({ accepted: 1, settled: 1 })
  })

  it('refuses a wrong PIN with verification-failed', async () => {
    const payment = await prepare(await fetch(url()), 'credits')
    const credential = await payment.createCredential({ account: 'demo', pin: '0000' })
    const res = await client.rawFetch(url(), payment.setCredential({}, credential))
    expect(res.status).toBe(402)
    expect(await res.json()).toMatchObject({
      type: 'https://paymentauth.org/problems/verification-failed',
      detail: expect.stringContaining('wrong account or PIN'),
    })
  })

  it('refuses a balance that is too low with payment-insufficient', async () => {
    const payment = await prepare(await fetch(url()), 'credits')
    const credential = await payment.createCredential({ account: 'low', pin: '0000' })
    const res = await client.rawFetch(url(), payment.setCredential({}, credential))
    expect(res.status).toBe(402)
    expect((await res.json()).type).toBe('https://paymentauth.org/problems/payment-insufficient')
    expect(await balance('low')).toBe(3)
  })
})

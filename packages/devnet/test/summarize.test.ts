import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { client, getJson, prepare, useDevnet } from './support'

const devnet = useDevnet()
const url = () => `${devnet.url}/api/summarize`
const textA =
  'The Matterhorn is a mountain of the Alps. It straddles the border between Switzerland and Italy. ' +
  'Its summit is 4,478 metres high, making it one of the highest summits in the Alps. ' +
  'It was first climbed in 1865.'
const post = (body: string) => ({ method: 'POST', headers: { 'Content-Type': 'text/plain' }, body })

describe('POST /api/summarize (body-bound)', () => {
  it('accepts a credential only with the exact body it was issued for', async () => {
    const challenged = await client.rawFetch(url(), post(textA))
    expect(challenged.status).toBe(402)
    const payment = await prepare(challenged, 'credits', post(textA))
    const credential = await payment.createCredential({ account: 'demo', pin: '4242' })

    const swapped = await client.rawFetch(url(), payment.setCredential(post(`${textA} Appended.`), credential))
    expect(swapped.status).toBe(402)
    expect((await swapped.json()).type).toBe('https://paymentauth.org/problems/invalid-challenge')
    expect((await getJson(`${devnet.url}/devnet/credits/demo`)).balance).toBe(1000)

    const res = await client.rawFetch(url(), payment.setCredential(post(textA), credential))
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body).toEqual({
      summary:
        'The Matterhorn is a mountain of the Alps. It straddles the border between Switzerland and Italy. ' +
        'Its summit is 4,478 metres high, making it one of the highest summits in the Alps.',
      words: 38,
      bodySha256: createHash('sha256').update(textA).digest('hex'),
      bytes: Buffer.byteLength(textA),
    })
    expect((await getJson(`${devnet.url}/devnet/credits/demo`)).balance).toBe(990)
  })

  it('rejects an empty body before asking for payment', async () => {
    const res = await fetch(url(), { method: 'POST' })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ code: 'empty_body' })
  })
})

import { Receipt } from 'mppx'
import { describe, expect, it } from 'vitest'
import { getJson, payInvoice, useDevnet } from './support'

const devnet = useDevnet()
const url = () => `${devnet.url}/l402/fortune`

async function challenge() {
  const res = await fetch(url())
  expect(res.status).toBe(402)
  expect(await res.json()).toEqual({ error: 'payment required' })
  const header = res.headers.get('www-authenticate') ?? ''
  const match = /^L402 version="0", token="([A-Za-z0-9_-]+)", invoice="(lnbcrt[0-9a-z]+)"$/.exec(header)
  expect(match, header).not.toBeNull()
  return { token: match![1]!, invoice: match![2]! }
}

describe('GET /l402/fortune', () => {
  it('serves a fortune with a receipt for token:preimage, also under the LSAT scheme', async () => {
    const { token, invoice } = await challenge()
    expect(invoice).toMatch(/^lnbcrt500n1/)
    const paid = await payInvoice(devnet.url, invoice)

    const res = await fetch(url(), { headers: { Authorization: `L402 ${token}:${paid.body.preimage}` } })
    expect(res.status).toBe(200)
    expect((await res.json()).fortune).toEqual(expect.any(String))
    expect(Receipt.fromResponse(res)).toMatchObject({ method: 'lightning', reference: paid.body.paymentHash })

    const legacy = await fetch(url(), { headers: { Authorization: `LSAT ${token}:${paid.body.preimage}` } })
    expect(legacy.status).toBe(200)

    const stats = await getJson(`${devnet.url}/devnet/stats`)
    expect(stats.routes['GET /l402/fortune']).toEqual({
      challenges: 1,
      accepted: { lightning: 2 },
      settled: { lightning: 1 },
    })
  })

  it('refuses a wrong preimage and a forged token with a fresh challenge', async () => {
    const { token } = await challenge()
    const wrong = await fetch(url(), { headers: { Authorization: `L402 ${token}:${'00'.repeat(32)}` } })
    expect(wrong.status).toBe(402)
    expect(await wrong.json()).toMatchObject({ code: 'invalid_preimage' })
    expect(wrong.headers.get('www-authenticate')).toMatch(/^L402 /)

    const forged = `${token.slice(0, -4)}AAAA`
    const bad = await fetch(url(), { headers: { Authorization: `L402 ${forged}:${'00'.repeat(32)}` } })
    expect(bad.status).toBe(402)
    expect(await bad.json()).toMatchObject({ code: 'invalid_token' })
  })
})

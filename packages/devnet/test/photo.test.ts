import { Challenge, Receipt } from 'mppx'
import { describe, expect, it } from 'vitest'
import { getJson, invoiceOf, payInvoice, prepare, client, useDevnet } from './support'

const devnet = useDevnet()

describe('GET /api/photo', () => {
  it('offers lightning and credits in one 402, readable cross-origin', async () => {
    const res = await fetch(`${devnet.url}/api/photo`, { headers: { Origin: 'http://app.test' } })
    expect(res.status).toBe(402)
    expect(res.headers.get('access-control-allow-origin')).toBe('http://app.test')
    expect(res.headers.get('access-control-expose-headers')).toContain('WWW-Authenticate')
    expect(res.headers.get('access-control-expose-headers')).toContain('Payment-Receipt')

    const offers = Challenge.fromResponseList(res)
    const offered = offers.map((c) => [c.method, c.request.amount])
    expect(offered.slice(0, 2)).toEqual([
      ['lightning', '100'],
      ['credits', '5'],
    ])
    expect(offered).toContainEqual(['stripe', '50']) // US cents, by card
    expect(offers[0]!.description).toBe('A photo of the Matterhorn at dawn')
    expect(offers[0]!.expires).toBeDefined()
    expect(invoiceOf(offers[0]!)).toMatch(/^lnbcrt1u1/)
  })

  it('answers a CORS preflight', async () => {
    const res = await fetch(`${devnet.url}/api/photo`, { method: 'OPTIONS', headers: { Origin: 'http://app.test' } })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-headers')).toContain('Authorization')
    expect(res.headers.get('access-control-max-age')).toBe('600')
  })

  it('pays with Lightning, refuses a replay and a wrong preimage, and counts it', async () => {
    const url = `${devnet.url}/api/photo`
    const offersPer402 = Challenge.fromResponseList(await fetch(url)).length
    await fetch(`${devnet.url}/devnet/reset`, { method: 'POST' })

    const payment = await prepare(await fetch(url), 'lightning')
    const paid = await payInvoice(devnet.url, invoiceOf(payment.challenge))
    expect(paid.status).toBe(200)
    const credential = await payment.createCredential({ preimage: paid.body.preimage as string })

    const res = await client.rawFetch(url, payment.setCredential({}, credential))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('image/svg+xml')
    const svg = await res.text()
    expect(svg).toMatch(/^<svg[\s\S]*<\/svg>\n$/)
    expect(svg.length).toBeGreaterThan(2000)
    expect(svg.length).toBeLessThan(5000)
    expect(Receipt.fromResponse(res)).toMatchObject({ method: 'lightning', reference: paid.body.paymentHash })

    const replay = await client.rawFetch(url, payment.setCredential({}, credential))
    expect(replay.status).toBe(402)
    expect((await replay.json()).type).toBe('https://paymentauth.org/problems/verification-failed')

    const fresh = await prepare(await fetch(url), 'lightning')
    const wrong = await fresh.createCredential({ preimage: '00'.repeat(32) })
    const refused = await client.rawFetch(url, fresh.setCredential({}, wrong))
    expect(refused.status).toBe(402)
    expect(refused.headers.get('content-type')).toBe('application/problem+json')
    expect(await refused.json()).toMatchObject({
      type: 'https://paymentauth.org/problems/verification-failed',
      challengeId: expect.any(String),
    })
    const retry = Challenge.fromResponseList(refused)
    expect(retry).toHaveLength(1)
    expect(retry[0]!.id).not.toBe(fresh.challenge.id)

    const stats = await getJson(`${devnet.url}/devnet/stats`)
    expect(stats.routes['GET /api/photo']).toEqual({
      challenges: 2 * offersPer402 + 1 + 1, // two 402s with every offer, then one re-challenge per refused credential
      accepted: { lightning: 1 },
      settled: { lightning: 1 },
    })
    expect(stats.rails.lightning).toEqual({ challenges: 4, accepted: 1, settled: 1 })
  })

  it('answers unknown paths with JSON 404', async () => {
    const res = await fetch(`${devnet.url}/api/nope`)
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ code: 'not_found' })
  })
})

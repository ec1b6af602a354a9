import { readPaymentRequired } from '@mppkit/core'
import { describe, expect, it } from 'vitest'
import { getJson, useDevnet } from './support'

const devnet = useDevnet()
const content = (reader: string, post = 'welcome', extra = '') => `${devnet.url}/ucap/v1/content/devnet/${post}?reader=${reader}${extra}`
const pay = (checkoutUrl: string, card = '4242 4242 4242 4242') =>
  fetch(checkoutUrl, { method: 'POST', body: new URLSearchParams({ card, exp: '12 / 34', cvc: '123' }), redirect: 'manual' })

async function offersFor(reader: string, extra = '') {
  const response = await fetch(content(reader, 'welcome', extra))
  expect(response.status).toBe(402)
  const body = await response.json()
  return body as { offers: { tier_id: string; checkout_url: string; expires_at: string }[]; teaser: Record<string, unknown> }
}

describe('UCAP on the devnet', () => {
  it('402 with teaser and two tiers → hosted checkout with a test card → entitlement → 200, counted', async () => {
    await fetch(`${devnet.url}/devnet/reset`, { method: 'POST' })
    const first = await fetch(content('reader_a'))
    expect(first.status).toBe(402)
    const pr = await readPaymentRequired(first.clone())
    expect(pr.offers.map((o) => [o.id, o.amount.value, o.interval])).toEqual([
      ['ucap:premium', 1500n, 'month'],
      ['ucap:supporter', 500n, 'month'],
    ])
    const body = await first.json()
    expect(body).toMatchObject({ error: { code: 'payment_required' }, teaser: { title: 'Welcome to the Devnet Dispatch' }, publisher: { id: 'devnet' } })
    expect(JSON.stringify(body)).not.toContain('Nothing here cost real money') // the full text stays locked

    const page = await fetch(body.offers[1].checkout_url)
    const html = await page.text()
    expect(page.status).toBe(200)
    expect(html).toContain('mppkit devnet checkout — test card only, no real money moves')
    expect(html).toContain('$5.00 <small>/ month</small>')

    const paid = await pay(body.offers[1].checkout_url)
    expect(paid.status).toBe(303)
    expect(paid.headers.get('location')).toMatch(/^\/ucap\/checkout\/cs_[\w-]+\/done$/)
    const done = await fetch(new URL(paid.headers.get('location')!, devnet.url))
    expect(await done.text()).toContain('mppkit:handoff-return')

    const { entitlements } = await getJson(`${devnet.url}/ucap/v1/entitlements?reader=reader_a`)
    expect(entitlements).toEqual([expect.objectContaining({ publisher_id: 'devnet', tier_id: 'supporter', status: 'active', price: { amount: 500, currency: 'USD', interval: 'month' } })])
    const unlocked = await fetch(content('reader_a'))
    expect(unlocked.status).toBe(200)
    expect((await unlocked.json()).content.text).toContain('Nothing here cost real money')
    expect((await fetch(content('reader_b'))).status).toBe(402) // entitlements belong to their reader

    const stats = await getJson(`${devnet.url}/devnet/stats`)
    expect(stats.routes['GET /ucap/v1/content/devnet/welcome']).toEqual({ challenges: 4, accepted: { handoff: 1 }, settled: { handoff: 1 } })
    expect(stats.rails.handoff).toEqual({ challenges: 4, accepted: 1, settled: 1 })
  })

  it('redirects to a loopback return_url only; a declined card does not mint', async () => {
    const back = 'http://127.0.0.1:5173/handoff-return.html'
    const { offers } = await offersFor('reader_c', `&return_url=${encodeURIComponent(back)}`)
    const declined = await pay(offers[0]!.checkout_url, '4000 0000 0000 0002')
    expect(declined.status).toBe(402)
    expect(await declined.text()).toContain('Your card was declined')
    expect((await getJson(`${devnet.url}/ucap/v1/entitlements?reader=reader_c`)).entitlements).toEqual([])
    const paid = await pay(offers[0]!.checkout_url)
    expect(paid.headers.get('location')).toMatch(/^http:\/\/127\.0\.0\.1:5173\/handoff-return\.html\?ucap_session=cs_[\w-]+&status=paid$/)

    const evil = await offersFor('reader_d', `&return_url=${encodeURIComponent('https://evil.example/steal')}`)
    const elsewhere = await pay(evil.offers[0]!.checkout_url)
    expect(elsewhere.headers.get('location')).toMatch(/^\/ucap\/checkout\/cs_[\w-]+\/done$/)
  })

  it('checkout sessions expire: the page says so and paying is refused', async () => {
    await fetch(`${devnet.url}/devnet/config`, { method: 'POST', body: JSON.stringify({ challengeTtlSeconds: 0.2 }) })
    try {
      const { offers } = await offersFor('reader_e')
      await new Promise((r) => setTimeout(r, 300))
      const page = await fetch(offers[0]!.checkout_url)
      expect(page.status).toBe(410)
      expect(await page.text()).toContain('This checkout session expired')
      expect((await pay(offers[0]!.checkout_url)).status).toBe(410)
      expect((await getJson(`${devnet.url}/ucap/v1/entitlements?reader=reader_e`)).entitlements).toEqual([])
    } finally {
      await fetch(`${devnet.url}/devnet/config`, { method: 'POST', body: JSON.stringify({ challengeTtlSeconds: 300 }) })
    }
  })

  it('field-guide: one 402 carries UCAP offers and an MPP Lightning challenge', async () => {
    const response = await fetch(content('reader_f', 'field-guide'))
    expect(response.status).toBe(402)
    const pr = await readPaymentRequired(response)
    expect(pr.offers.map((o) => `${o.protocol}/${o.method}`)).toEqual(['mpp/lightning', 'ucap/checkout', 'ucap/checkout'])
    expect(pr.offers[0]!.amount).toMatchObject({ value: 120n, currency: 'btc' })
  })

  it('bad input gets a clear UCAP error', async () => {
    const noReader = await fetch(`${devnet.url}/ucap/v1/content/devnet/welcome`)
    expect(noReader.status).toBe(400)
    expect((await noReader.json()).error.code).toBe('reader_required')
    const missing = await fetch(content('r', 'nope'))
    expect(missing.status).toBe(404)
    expect((await missing.json()).error).toEqual({ code: 'content_not_found', message: 'No post devnet/nope.' })
    expect((await fetch(`${devnet.url}/ucap/checkout/cs_unknown`)).status).toBe(404)
    expect((await fetch(`${devnet.url}/ucap/v1/entitlements`, { method: 'POST' })).status).toBe(405)
  })
})

import { describe, expect, test } from 'vitest'
import { paymentHeader } from '../../test/challenges'
import { readPaymentRequired } from '../offers/detect'
import type { HandoffSource } from '../offers/offer'
import { handoffOffers, maxHandoffBodyBytes } from './offers'

// The 402 body from the UCAP spec (content-access.md), verbatim.
const specBody = {
  error: { code: 'payment_required', message: 'This content requires a subscription' },
  teaser: {
    title: 'Premium Article Title',
    excerpt: 'First 200 characters…',
    text: 'publisher-authored preview…',
    word_count: 150,
    format: 'text',
    author: 'Creator Name',
    published_at: '2026-02-01T10:00:00Z',
  },
  offers: [
    {
      tier_id: 'premium',
      tier_name: 'Premium',
      price: { amount: 1500, currency: 'USD', interval: 'month' },
      features: ['Full access to all premium posts', 'Early access to new content'],
      checkout_url: 'https://example.com/checkout/session_abc123',
    },
    {
      tier_id: 'supporter',
      tier_name: 'Supporter',
      price: { amount: 500, currency: 'USD', interval: 'month' },
      features: ['Access to members-only posts'],
      checkout_url: 'https://example.com/checkout/session_def456',
    },
  ],
  publisher: { id: 'my-newsletter', name: 'My Newsletter' },
}

const offer = (patch: Record<string, unknown>) => ({ ...specBody.offers[0], ...patch })
const withOffers = (...offers: unknown[]) => ({ ...specBody, offers })
const reasons = (body: unknown) => handoffOffers(body)!.rejected.map((r) => r.reason)

describe('UCAP 402 bodies', () => {
  test('the spec example: two tiers in cents, monthly, with features, teaser and publisher', () => {
    const found = handoffOffers(specBody)!
    expect(found.rejected).toEqual([])
    expect(found.teaser).toMatchObject({ title: 'Premium Article Title', author: 'Creator Name', wordCount: 150, publishedAt: '2026-02-01T10:00:00Z' })
    const [premium, supporter] = found.offers
    expect(premium).toMatchObject({
      id: 'ucap:premium',
      protocol: 'ucap',
      method: 'checkout',
      intent: 'subscription',
      amount: { value: 1500n, decimals: 2, currency: 'usd' },
      interval: 'month',
      label: 'Premium',
      recipient: 'my-newsletter',
      description: 'Premium · My Newsletter',
    })
    const source = premium!.source as HandoffSource
    expect(source).toMatchObject({
      protocol: 'ucap',
      checkoutUrl: 'https://example.com/checkout/session_abc123',
      tierId: 'premium',
      features: ['Full access to all premium posts', 'Early access to new content'],
      publisher: { id: 'my-newsletter', name: 'My Newsletter' },
      tiers: ['premium', 'supporter'],
    })
    expect(supporter!.amount.value).toBe(500n)
    expect(Object.isFrozen(premium)).toBe(true)
  })

  test('the MCP wrapper {status: "payment_required", offers} is read the same way', () => {
    const found = handoffOffers({ status: 'payment_required', offers: specBody.offers, message: 'Please click the checkout URL to subscribe' })!
    expect(found.offers.map((o) => o.id)).toEqual(['ucap:premium', 'ucap:supporter'])
  })

  test('the spec\'s ucp_plan_id example has no price: rejected, never guessed', () => {
    const found = handoffOffers({ offers: [{ tier_id: 'premium', checkout_url: 'https://ucp.example.com/checkout/session_abc', ucp_plan_id: 'plan_premium_monthly' }] })!
    expect(found.offers).toEqual([])
    expect(found.rejected).toEqual([{ protocol: 'ucap', method: 'checkout', reason: 'UCAP tier premium has no machine-readable price' }])
    const priced = handoffOffers({ offers: [offer({ ucp_plan_id: 'plan_premium_monthly' })] })!
    expect((priced.offers[0]!.source as HandoffSource).planId).toBe('plan_premium_monthly')
  })

  test.each([
    ['a float amount', offer({ price: { amount: 15.0001, currency: 'USD', interval: 'month' } }), 'UCAP tier premium: price amount must be whole minor units (cents), got 15.0001'],
    ['a negative amount', offer({ price: { amount: -1, currency: 'USD' } }), 'UCAP tier premium: price amount must be whole minor units (cents), got -1'],
    ['an amount in words', offer({ price: { amount: '$15', currency: 'USD' } }), 'UCAP tier premium: price amount must be whole minor units (cents), got "$15"'],
    ['no currency', offer({ price: { amount: 1500 } }), 'UCAP tier premium: price has no ISO 4217 currency'],
    ['a token for a currency', offer({ price: { amount: 1500, currency: 'USDC' } }), 'UCAP tier premium: price has no ISO 4217 currency'],
    ['an unknown interval', offer({ price: { amount: 1500, currency: 'USD', interval: 'fortnight' } }), 'UCAP tier premium: unknown billing interval "fortnight"'],
    ['no checkout_url', offer({ checkout_url: undefined }), 'UCAP offer has no checkout_url'],
    ['a checkout_url that is not text', offer({ checkout_url: 42 }), 'UCAP offer has no checkout_url'],
    ['no tier_id', offer({ tier_id: '' }), 'UCAP offer has no tier_id'],
    ['a bad expires_at', offer({ expires_at: 'soon' }), 'UCAP tier premium: expires_at is not a date'],
    ['not an object', 'premium', 'UCAP offer is not an object'],
  ])('an offer with %s is rejected with the reason', (_, bad, reason) => {
    expect(reasons(withOffers(bad, specBody.offers[1]))).toEqual([reason])
    expect(handoffOffers(withOffers(bad, specBody.offers[1]))!.offers.map((o) => o.id)).toEqual(['ucap:supporter'])
  })

  test('yen have no minor unit; expires_at becomes the offer expiry; junk features are dropped', () => {
    const [yen] = handoffOffers(withOffers(offer({ price: { amount: 1500, currency: 'jpy' }, expires_at: '2030-01-01T00:00:00Z', features: ['ok', 3, null, ' '] })))!.offers
    expect(yen!.amount).toEqual({ value: 1500n, decimals: 0, currency: 'jpy' })
    expect(yen!.interval).toBeUndefined()
    expect(yen!.intent).toBe('charge')
    expect(yen!.expires).toEqual(new Date('2030-01-01T00:00:00Z'))
    expect((yen!.source as HandoffSource).features).toEqual(['ok'])
  })

  test('a duplicate tier is rejected; bodies that are not UCAP are not read as offers', () => {
    expect(reasons(withOffers(specBody.offers[0], specBody.offers[0]))).toEqual(['duplicate tier Premium'])
    expect(handoffOffers({ error: 'payment required' })).toBeUndefined()
    expect(handoffOffers({ offers: [{ price: 1 }] })).toBeUndefined()
    expect(handoffOffers([specBody])).toBeUndefined()
    expect(handoffOffers(null)).toBeUndefined()
    // error.code alone says it is UCAP even when no offer is usable: the reasons are kept.
    expect(reasons({ error: { code: 'payment_required' }, offers: [{ tier_id: 'x' }] })).toEqual(['UCAP offer has no checkout_url'])
  })
})

describe('UCP / ACP checkout sessions', () => {
  const session = {
    ucp: { version: '2026-04-08', status: 'success' },
    id: 'chk_1234567890',
    status: 'requires_escalation',
    currency: 'USD',
    line_items: [{ id: 'li_1', item: { id: 'item_123', title: 'Red T-Shirt', price: 2500 }, quantity: 2 }],
    totals: [{ type: 'subtotal', amount: 5000 }, { type: 'tax', amount: 400 }, { type: 'total', amount: 5400 }],
    continue_url: 'https://merchant.com/checkout/checkout_abc123',
  }

  test('requires_escalation + continue_url is a hand-off for the total', () => {
    const [found] = handoffOffers(session)!.offers
    expect(found).toMatchObject({ id: 'ucp:chk_1234567890', protocol: 'ucp', amount: { value: 5400n, decimals: 2, currency: 'usd' }, description: 'Red T-Shirt' })
    expect((found!.source as HandoffSource).checkoutUrl).toBe('https://merchant.com/checkout/checkout_abc123')
  })

  test('no total, or another status: no offer', () => {
    expect(reasons({ ...session, totals: [{ type: 'subtotal', amount: 5000 }] })).toEqual(['checkout session chk_1234567890 has no total'])
    expect(reasons({ ...session, totals: [{ type: 'total', amount: 54.0001 }] })[0]).toMatch(/whole minor units/)
    expect(handoffOffers({ ...session, status: 'incomplete' })).toBeUndefined()
  })
})

describe('readPaymentRequired with a JSON body', () => {
  const respond = (body: unknown, headers: Record<string, string> = {}) =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), { status: 402, headers: { 'content-type': 'application/json', ...headers } })

  test('UCAP offers sit next to MPP challenges from the same response; the body stays readable', async () => {
    const header = paymentHeader({ id: 'ch_ln', method: 'lightning', request: { amount: '100', currency: 'BTC', methodDetails: { invoice: 'lnbcrt1u1x' } } })
    const response = respond(specBody, { 'www-authenticate': header })
    const pr = await readPaymentRequired(response)
    expect(pr.offers.map((o) => `${o.protocol}:${o.id}`)).toEqual(['mpp:ch_ln', 'ucap:ucap:premium', 'ucap:ucap:supporter'])
    expect(pr.teaser?.title).toBe('Premium Article Title')
    expect(pr.diagnostics).toEqual([])
    expect((await response.json()).publisher.id).toBe('my-newsletter')
  })

  test('application/ucap+json is read; malformed JSON, other types and oversized bodies are not', async () => {
    expect((await readPaymentRequired(respond(specBody, { 'content-type': 'application/ucap+json' }))).offers).toHaveLength(2)
    expect((await readPaymentRequired(respond('{"offers": [', {}))).offers).toEqual([])
    expect((await readPaymentRequired(respond(specBody, { 'content-type': 'text/plain' }))).offers).toEqual([])
    const padded = { ...specBody, padding: 'x'.repeat(maxHandoffBodyBytes) }
    expect((await readPaymentRequired(respond(padded))).offers).toEqual([])
    const ok = new Response(JSON.stringify(specBody), { status: 200, headers: { 'content-type': 'application/json' } })
    expect((await readPaymentRequired(ok)).offers).toEqual([])
  })
})

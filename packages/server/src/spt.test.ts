import { Challenge } from 'mppx'
import { describe, expect, it, vi } from 'vitest'
import { createSptHandler, formEncode, type StripeRawClient } from './spt'

const now = () => Math.floor(Date.now() / 1000)
const valid = () => ({ paymentMethod: 'pm_card_visa', amount: '75', currency: 'usd', networkId: 'internal', expiresAt: now() + 300 })

const post = (body: unknown, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
  new Request('http://app.test/spt', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) })

function fakeClient(answer: (params: Record<string, unknown>) => unknown = () => ({ id: 'spt_test_1' })) {
  const calls: Array<{ path: string; params: Record<string, unknown>; options?: Record<string, unknown> }> = []
  const stripe: StripeRawClient = {
    async rawRequest(_method, path, params, options) {
      calls.push({ path, params, options })
      return answer(params)
    },
  }
  return { stripe, calls }
}

describe('createSptHandler', () => {
  it('mints a token with usage limits matching the request', async () => {
    const { stripe, calls } = fakeClient()
    const handler = createSptHandler({ stripe })
    const body = { ...valid(), metadata: { order: '42' } }
    const res = await handler(post(body))
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ spt: 'spt_test_1' })
    expect(calls[0]!.path).toBe('/v1/test_helpers/shared_payment/granted_tokens')
    expect(calls[0]!.params).toEqual({
      payment_method: 'pm_card_visa',
      usage_limits: { currency: 'usd', max_amount: '75', expires_at: String(body.expiresAt) },
      seller_details: { network_id: 'internal' },
      metadata: { order: '42' },
    })
    expect(calls[0]!.options).toEqual({ apiVersion: '2026-07-29.preview' })
  })

  it.each([
    ['not an object', [1, 2], undefined],
    ['a missing payment method', { ...valid(), paymentMethod: undefined }, 'paymentMethod'],
    ['a payment method that is not pm_', { ...valid(), paymentMethod: 'tok_visa' }, 'paymentMethod'],
    ['a decimal amount', { ...valid(), amount: '0.75' }, 'amount'],
    ['a numeric amount', { ...valid(), amount: 75 }, 'amount'],
    ['a zero amount', { ...valid(), amount: '0' }, 'amount'],
    ['an upper-case currency', { ...valid(), currency: 'USD' }, 'currency'],
    ['an expiry in the past', { ...valid(), expiresAt: now() - 1 }, 'expiresAt'],
    ['an expiry days away', { ...valid(), expiresAt: now() + 86_400 * 3 }, 'expiresAt'],
    ['an expiry in milliseconds', { ...valid(), expiresAt: Date.now() + 60_000 }, 'expiresAt'],
    ['metadata that is not strings', { ...valid(), metadata: { a: 1 } }, 'metadata'],
    ['an unknown field', { ...valid(), customer: 'cus_1' }, 'customer'],
  ])('refuses %s with 400 and never calls Stripe', async (_name, body, field) => {
    const { stripe, calls } = fakeClient()
    const res = await createSptHandler({ stripe })(post(body))
    expect(res.status).toBe(400)
    const json = await res.json()
    expect(json).toMatchObject({ code: 'invalid_request', error: expect.any(String) })
    if (field) expect(json.field).toBe(field)
    expect(calls).toHaveLength(0)
  })

  it('refuses other methods, other content types and bad JSON', async () => {
    const handler = createSptHandler({ stripe: fakeClient().stripe })
    expect((await handler(new Request('http://app.test/spt'))).status).toBe(405)
    expect((await handler(post(valid(), { 'Content-Type': 'text/plain' }))).status).toBe(415)
    expect((await handler(post('{nope'))).status).toBe(400)
  })

  it('caps the amount per currency', async () => {
    const { stripe, calls } = fakeClient()
    const handler = createSptHandler({ stripe, maxAmount: { usd: 50 } })
    const res = await handler(post(valid()))
    expect(res.status).toBe(400)
    expect((await res.json()).code).toBe('amount_too_large')
    expect(calls).toHaveLength(0)
    expect((await handler(post({ ...valid(), amount: '50' }))).status).toBe(200)
  })

  describe('with challengeSecretKey', () => {
    const secretKey = 'test-secret-key-that-is-long-enough-0123456789'
    const challengeFor = (amount: string, key = secretKey, expires = new Date(Date.now() + 300_000).toISOString()) =>
      Challenge.serialize(
        Challenge.from(
          {
            realm: 'app.test',
            method: 'stripe',
            intent: 'charge',
            request: { amount, currency: 'usd', methodDetails: { networkId: 'internal', paymentMethodTypes: ['card'] } },
            expires,
            secretKey: key,
          },
        ),
      )

    it('accepts a token up to the challenge amount', async () => {
      const { stripe, calls } = fakeClient()
      const res = await createSptHandler({ stripe, challengeSecretKey: secretKey })(post({ ...valid(), challenge: challengeFor('75') }))
      expect(res.status).toBe(200)
      expect(calls).toHaveLength(1)
    })

    it('refuses more than the challenge asked, a forged or missing challenge', async () => {
      const { stripe, calls } = fakeClient()
      const handler = createSptHandler({ stripe, challengeSecretKey: secretKey })
      const over = await handler(post({ ...valid(), challenge: challengeFor('50') }))
      expect(over.status).toBe(400)
      expect((await over.json()).code).toBe('amount_too_large')
      const forged = await handler(post({ ...valid(), challenge: challengeFor('75', 'another-key-another-key-another-key-000') }))
      expect((await forged.json()).code).toBe('challenge_invalid')
      const missing = await handler(post(valid()))
      expect((await missing.json()).code).toBe('challenge_invalid')
      const outlives = await handler(post({ ...valid(), challenge: challengeFor('75', secretKey, new Date(Date.now() + 60_000).toISOString()) }))
      expect((await outlives.json()).error).toMatch(/outlive/)
      expect(calls).toHaveLength(0)
    })
  })

  it('maps Stripe errors to stable codes without leaking the key', async () => {
    const cases: Array<[unknown, number, string]> = [
      [{ type: 'StripeCardError', raw: { type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' } }, 402, 'card_declined'],
      [{ type: 'StripeAuthenticationError', statusCode: 401, raw: { type: 'invalid_request_error', message: 'Invalid API Key provided: sk_test_****1234' } }, 502, 'stripe_auth'],
      [{ type: 'StripeConnectionError', message: 'connect ECONNREFUSED' }, 502, 'stripe_unreachable'],
      [{ type: 'StripeInvalidRequestError', statusCode: 400, raw: { type: 'invalid_request_error', message: 'No such PaymentMethod', param: 'payment_method' } }, 400, 'invalid_request'],
      [new Error('boom sk_test_secret'), 502, 'stripe_error'],
    ]
    for (const [error, status, code] of cases) {
      const { stripe } = fakeClient(() => {
        throw error
      })
      const res = await createSptHandler({ stripe })(post(valid()))
      expect(res.status).toBe(status)
      const body = await res.json()
      expect(body.code).toBe(code)
      expect(JSON.stringify(body)).not.toMatch(/sk_test/)
    }
  })

  it('calls the Stripe API with the secret key (form encoded) when given one', async () => {
    const fetch = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => Response.json({ id: 'spt_from_api' }))
    const handler = createSptHandler({ secretKey: 'sk_test_abc', apiBase: 'http://127.0.0.1:1/', fetch: fetch as typeof globalThis.fetch })
    const res = await handler(post(valid()))
    expect(await res.json()).toEqual({ spt: 'spt_from_api' })
    const [url, init] = fetch.mock.calls[0]!
    expect(url).toBe('http://127.0.0.1:1/v1/test_helpers/shared_payment/granted_tokens')
    expect((init!.headers as Record<string, string>).Authorization).toBe('Bearer sk_test_abc')
    expect(String(init!.body)).toContain('usage_limits%5Bmax_amount%5D=75')

    const refused = createSptHandler({ secretKey: 'sk_test_bad', fetch: (async () => Response.json({ error: { type: 'invalid_request_error' } }, { status: 401 })) as typeof globalThis.fetch })
    expect((await (await refused(post(valid()))).json()).code).toBe('stripe_auth')
    const down = createSptHandler({ secretKey: 'sk_test_x', fetch: (async () => { throw new TypeError('fetch failed') }) as typeof globalThis.fetch })
    expect((await (await down(post(valid()))).json()).code).toBe('stripe_unreachable')
  })

  it('needs a client or a key', () => {
    expect(() => createSptHandler({} as never)).toThrow(/stripe/)
  })
})

describe('formEncode', () => {
  it('nests objects the way Stripe reads them', () => {
    expect(formEncode({ a: '1', b: { c: 'x y', d: { e: '2' } }, skip: undefined })).toBe('a=1&b%5Bc%5D=x%20y&b%5Bd%5D%5Be%5D=2')
  })
})

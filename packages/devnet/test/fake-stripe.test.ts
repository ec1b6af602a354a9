import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStripe, type StripeSetup } from '../src/stripe/setup'

let setup: StripeSetup
beforeAll(async () => {
  setup = await startStripe({ env: {} })
})
afterAll(() => setup?.close())

const spt = async (paymentMethod: string, maxAmount = 50) =>
  ((await setup.client.rawRequest('POST', '/v1/test_helpers/shared_payment/granted_tokens', {
    payment_method: paymentMethod,
    usage_limits: { currency: 'usd', max_amount: String(maxAmount), expires_at: String(Math.floor(Date.now() / 1000) + 60) },
  })) as unknown as { id: string }).id

describe('the offline Stripe double, through a real stripe-node client', () => {
  it('is offline unless both test keys are given, and refuses live keys', async () => {
    expect(setup.mode).toBe('offline')
    // Built, not written out, so the tree never holds anything that looks like a live key.
    const live = ['sk', 'live', 'x'].join('_')
    await expect(startStripe({ env: { STRIPE_SECRET_KEY: live, STRIPE_PUBLISHABLE_KEY: live.replace('sk', 'pk') } })).rejects.toThrow(/test mode/)
    await expect(startStripe({ env: { STRIPE_SECRET_KEY: 'sk_test_x' } })).rejects.toThrow(/both/)
  })

  it('honours idempotency keys: a replay returns the same PaymentIntent, other parameters are refused', async () => {
    const token = await spt('pm_card_visa')
    const params = { amount: 50, currency: 'usd', confirm: true, shared_payment_granted_token: token } as Stripe.PaymentIntentCreateParams
    const first = await setup.client.paymentIntents.create(params, { idempotencyKey: 'mpp_test_1' })
    const again = await setup.client.paymentIntents.create(params, { idempotencyKey: 'mpp_test_1' })
    expect(first.status).toBe('succeeded')
    expect(again.id).toBe(first.id)
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true')
    await expect(setup.client.paymentIntents.create({ ...params, amount: 40 }, { idempotencyKey: 'mpp_test_1' })).rejects.toMatchObject({ type: 'StripeIdempotencyError' })
    expect(setup.fake!.summary().paymentIntents.filter((pi) => pi.spt === token)).toHaveLength(1)
    // A used token cannot pay again under a new key.
    await expect(setup.client.paymentIntents.create(params, { idempotencyKey: 'mpp_test_2' })).rejects.toThrow(/already been used/)
  })

  it('declines Stripe’s test cards the way Stripe does, and caps by the token', async () => {
    for (const [pm, code] of [
      ['pm_card_chargeDeclined', 'card_declined'],
      ['pm_card_chargeDeclinedInsufficientFunds', 'card_declined'],
      ['pm_card_chargeDeclinedExpiredCard', 'expired_card'],
    ] as const) {
      const token = await spt(pm)
      await expect(setup.client.paymentIntents.create({ amount: 50, currency: 'usd', confirm: true, shared_payment_granted_token: token } as Stripe.PaymentIntentCreateParams)).rejects.toMatchObject({ type: 'StripeCardError', code })
    }
    const token = await spt('pm_card_visa', 50)
    await expect(setup.client.paymentIntents.create({ amount: 51, currency: 'usd', confirm: true, shared_payment_granted_token: token } as Stripe.PaymentIntentCreateParams)).rejects.toThrow(/at most 50/)
  })

  it('creates card payment methods from the form with the publishable key, and checks them', async () => {
    const post = (body: Record<string, string>, key = setup.publishableKey) =>
      fetch(`${setup.apiUrl}/v1/payment_methods`, { method: 'POST', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) })
    const card = { type: 'card', 'card[number]': '4242424242424242', 'card[exp_month]': '12', 'card[exp_year]': '2040', 'card[cvc]': '123' }
    const ok = await post(card)
    expect(await ok.json()).toMatchObject({ id: expect.stringMatching(/^pm_devnet/), card: { brand: 'visa', last4: '4242' }, livemode: false })
    expect((await post({ ...card, 'card[number]': '4242424242424241' })).status).toBe(402)
    expect((await post({ ...card, 'card[exp_year]': '2001' })).status).toBe(402)
    expect((await post(card, 'pk_test_wrong')).status).toBe(401)
    // The publishable key cannot mint tokens or charge.
    const charge = await fetch(`${setup.apiUrl}/v1/payment_intents`, { method: 'POST', headers: { Authorization: `Bearer ${setup.publishableKey}` } })
    expect(charge.status).toBe(401)
  })
})

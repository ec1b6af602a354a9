import { createHash, randomBytes } from 'node:crypto'

/**
 * An offline stand-in for the slice of Stripe's API that MPP card payments use, so devnet can run
 * mppx's real `stripe.charge` with a real stripe-node client and no network. It is a fake and says
 * so in every object (`livemode: false`, `devnet_fake: true`); real keys switch devnet to Stripe.
 *
 * - `POST /v1/payment_methods` (publishable or secret key): a card from Stripe's test numbers
 * - `POST /v1/test_helpers/shared_payment/granted_tokens`: a Shared Payment Token for a payment method
 * - `POST /v1/payment_intents` (confirm with `shared_payment_granted_token`): charges the token's
 *   card; Stripe's test cards decline as they do on Stripe; `Idempotency-Key` is honoured
 */

export const fakeSecretKey = 'sk_test_devnet_offline_stripe_double'
export const fakePublishableKey = 'pk_test_devnet_offline_stripe_double'

type Outcome = { kind: 'succeed' } | { kind: 'decline'; code: string; declineCode?: string; message: string }
type TestCard = { brand: string; outcome: Outcome }

const declined: Outcome = { kind: 'decline', code: 'card_declined', declineCode: 'generic_decline', message: 'Your card was declined.' }
const insufficient: Outcome = { kind: 'decline', code: 'card_declined', declineCode: 'insufficient_funds', message: 'Your card has insufficient funds.' }
const expired: Outcome = { kind: 'decline', code: 'expired_card', message: 'Your card has expired.' }

/** Stripe's documented test numbers (https://docs.stripe.com/testing) and what they do here. */
export const testCards: Readonly<Record<string, TestCard>> = {
  '4242424242424242': { brand: 'visa', outcome: { kind: 'succeed' } },
  '5555555555554444': { brand: 'mastercard', outcome: { kind: 'succeed' } },
  '4000000000000002': { brand: 'visa', outcome: declined },
  '4000000000009995': { brand: 'visa', outcome: insufficient },
  '4000000000000069': { brand: 'visa', outcome: expired },
}
/** Stripe's test payment method ids, usable without a form. */
const testPaymentMethods: Readonly<Record<string, string>> = {
  pm_card_visa: '4242424242424242',
  pm_card_mastercard: '5555555555554444',
  pm_card_chargeDeclined: '4000000000000002',
  pm_card_chargeDeclinedInsufficientFunds: '4000000000009995',
  pm_card_chargeDeclinedExpiredCard: '4000000000000069',
}

type PaymentMethod = { id: string; number: string; brand: string; last4: string; expMonth: number; expYear: number }
type GrantedToken = { id: string; paymentMethod: string; currency: string; maxAmount: number; expiresAt: number; used: boolean }
export type FakePaymentIntent = { id: string; amount: number; currency: string; status: 'succeeded' | 'requires_payment_method'; spt: string; route?: string | undefined; declineCode?: string | undefined }

export type FakeStripeApi = ReturnType<typeof createFakeStripeApi>

export function createFakeStripeApi(options: { secretKey?: string; publishableKey?: string } = {}) {
  const secretKey = options.secretKey ?? fakeSecretKey
  const publishableKey = options.publishableKey ?? fakePublishableKey
  const paymentMethods = new Map<string, PaymentMethod>()
  const tokens = new Map<string, GrantedToken>()
  const intents: FakePaymentIntent[] = []
  const idempotent = new Map<string, { fingerprint: string; status: number; body: unknown }>()
  const id = (prefix: string) => `${prefix}_devnet${randomBytes(9).toString('base64url').replace(/[-_]/g, 'x')}`

  for (const [pm, number] of Object.entries(testPaymentMethods)) paymentMethods.set(pm, cardMethod(pm, number, 12, new Date().getFullYear() + 3))

  function cardMethod(pmId: string, number: string, expMonth: number, expYear: number): PaymentMethod {
    return { id: pmId, number, brand: testCards[number]?.brand ?? 'visa', last4: number.slice(-4), expMonth, expYear }
  }

  async function handle(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url)
    if (request.method === 'OPTIONS') return new Response(null, { status: 204 })
    const key = /^Bearer\s+(\S+)$/i.exec(request.headers.get('Authorization') ?? '')?.[1]
    const params = parseForm(await request.text())
    const publicCall = request.method === 'POST' && pathname === '/v1/payment_methods'
    if (key !== secretKey && !(publicCall && key === publishableKey))
      return stripeError(401, { type: 'invalid_request_error', message: `Invalid API Key provided: ${key ? `${key.slice(0, 8)}****${key.slice(-4)}` : '(none)'}` })

    if (request.method === 'POST' && pathname === '/v1/payment_methods') return createPaymentMethod(params)
    if (request.method === 'POST' && pathname === '/v1/test_helpers/shared_payment/granted_tokens') return grantToken(params)
    if (request.method === 'POST' && pathname === '/v1/payment_intents') {
      const idempotencyKey = request.headers.get('Idempotency-Key')
      if (!idempotencyKey) return createPaymentIntent(params)
      const fingerprint = createHash('sha256').update(JSON.stringify(params)).digest('hex')
      const seen = idempotent.get(idempotencyKey)
      if (seen) {
        if (seen.fingerprint !== fingerprint)
          return stripeError(400, { type: 'idempotency_error', message: 'Keys for idempotent requests can only be used with the same parameters they were first used with.' })
        return Response.json(seen.body, { status: seen.status, headers: { 'Idempotent-Replayed': 'true', 'Idempotency-Key': idempotencyKey } })
      }
      const response = await createPaymentIntent(params)
      idempotent.set(idempotencyKey, { fingerprint, status: response.status, body: await response.clone().json() })
      return response
    }
    return stripeError(404, { type: 'invalid_request_error', message: `Unrecognized request URL (${request.method}: ${pathname}). The offline Stripe double only knows what MPP card payments use.` })
  }

  function createPaymentMethod(params: Params): Response {
    if (params.type !== 'card') return stripeError(400, { type: 'invalid_request_error', param: 'type', message: 'The offline Stripe double only creates card payment methods.' })
    const card = (params.card ?? {}) as Params
    const number = String(card.number ?? '').replace(/\s+/g, '')
    if (!/^\d{12,19}$/.test(number) || !luhn(number)) return stripeError(402, { type: 'card_error', code: 'incorrect_number', param: 'card[number]', message: 'Your card number is incorrect.' })
    const expMonth = Number(card.exp_month)
    const expYear = Number(card.exp_year)
    if (!Number.isInteger(expMonth) || expMonth < 1 || expMonth > 12) return stripeError(402, { type: 'card_error', code: 'invalid_expiry_month', param: 'card[exp_month]', message: "Your card's expiration month is invalid." })
    const now = new Date()
    if (!Number.isInteger(expYear) || expYear < now.getFullYear() || (expYear === now.getFullYear() && expMonth < now.getMonth() + 1))
      return stripeError(402, { type: 'card_error', code: 'invalid_expiry_year', param: 'card[exp_year]', message: "Your card's expiration year is invalid." })
    if (!/^\d{3,4}$/.test(String(card.cvc ?? ''))) return stripeError(402, { type: 'card_error', code: 'incorrect_cvc', param: 'card[cvc]', message: "Your card's security code is incorrect." })
    const pm = cardMethod(id('pm'), number, expMonth, expYear)
    paymentMethods.set(pm.id, pm)
    return Response.json(paymentMethodJson(pm))
  }

  function grantToken(params: Params): Response {
    const pm = paymentMethods.get(String(params.payment_method ?? ''))
    if (!pm) return stripeError(400, { type: 'invalid_request_error', code: 'resource_missing', param: 'payment_method', message: `No such PaymentMethod: '${String(params.payment_method ?? '')}'` })
    const limits = (params.usage_limits ?? {}) as Params
    const currency = String(limits.currency ?? '')
    const maxAmount = Number(limits.max_amount)
    const expiresAt = Number(limits.expires_at)
    if (!/^[a-z]{3}$/.test(currency)) return stripeError(400, { type: 'invalid_request_error', param: 'usage_limits[currency]', message: 'Invalid currency.' })
    if (!Number.isSafeInteger(maxAmount) || maxAmount <= 0) return stripeError(400, { type: 'invalid_request_error', param: 'usage_limits[max_amount]', message: 'Invalid max_amount.' })
    if (!Number.isSafeInteger(expiresAt) || expiresAt <= Date.now() / 1000) return stripeError(400, { type: 'invalid_request_error', param: 'usage_limits[expires_at]', message: 'expires_at must be in the future.' })
    const token: GrantedToken = { id: id('spt'), paymentMethod: pm.id, currency, maxAmount, expiresAt, used: false }
    tokens.set(token.id, token)
    return Response.json({
      id: token.id,
      object: 'shared_payment.granted_token',
      livemode: false,
      devnet_fake: true,
      payment_method_details: { type: 'card', card: { brand: pm.brand, last4: pm.last4 } },
      usage_limits: { currency, max_amount: maxAmount, expires_at: expiresAt },
    })
  }

  async function createPaymentIntent(params: Params): Promise<Response> {
    const amount = Number(params.amount)
    const currency = String(params.currency ?? '')
    if (!Number.isSafeInteger(amount) || amount <= 0) return stripeError(400, { type: 'invalid_request_error', param: 'amount', message: 'Invalid amount.' })
    const sptId = String(params.shared_payment_granted_token ?? '')
    const token = tokens.get(sptId)
    if (!token) return stripeError(400, { type: 'invalid_request_error', code: 'resource_missing', param: 'shared_payment_granted_token', message: `No such shared payment granted token: '${sptId.slice(0, 40)}'` })
    if (token.used) return stripeError(400, { type: 'invalid_request_error', param: 'shared_payment_granted_token', message: 'This shared payment granted token has already been used.' })
    if (token.expiresAt <= Date.now() / 1000) return stripeError(400, { type: 'invalid_request_error', param: 'shared_payment_granted_token', message: 'This shared payment granted token has expired.' })
    if (token.currency !== currency) return stripeError(400, { type: 'invalid_request_error', param: 'currency', message: `The shared payment granted token is limited to ${token.currency}.` })
    if (amount > token.maxAmount) return stripeError(400, { type: 'invalid_request_error', param: 'amount', message: `The shared payment granted token allows at most ${token.maxAmount}.` })
    const pm = paymentMethods.get(token.paymentMethod)!
    const outcome = testCards[pm.number]?.outcome ?? { kind: 'succeed' }
    const metadata = (params.metadata ?? {}) as Params
    const route = typeof metadata.devnet_route === 'string' ? metadata.devnet_route : undefined
    const pi: FakePaymentIntent = { id: id('pi'), amount, currency, spt: token.id, route, status: outcome.kind === 'succeed' ? 'succeeded' : 'requires_payment_method' }
    intents.push(pi)
    const json = { id: pi.id, object: 'payment_intent', amount, currency, status: pi.status, livemode: false, devnet_fake: true, payment_method: pm.id, metadata }
    if (outcome.kind === 'decline') {
      pi.declineCode = outcome.declineCode ?? outcome.code
      return stripeError(402, { type: 'card_error', code: outcome.code, decline_code: outcome.declineCode, message: outcome.message, payment_intent: json })
    }
    token.used = true
    return Response.json(json)
  }

  return {
    fetch: handle,
    secretKey,
    publishableKey,
    /** What happened, for /devnet/stripe and tests. Never card numbers. */
    summary: () => ({
      paymentMethods: paymentMethods.size - Object.keys(testPaymentMethods).length,
      sharedPaymentTokens: tokens.size,
      paymentIntents: intents.map((pi) => ({ ...pi })),
    }),
  }
}

function paymentMethodJson(pm: PaymentMethod) {
  return {
    id: pm.id,
    object: 'payment_method',
    type: 'card',
    livemode: false,
    devnet_fake: true,
    card: { brand: pm.brand, last4: pm.last4, exp_month: pm.expMonth, exp_year: pm.expYear },
  }
}

function stripeError(status: number, error: Record<string, unknown>): Response {
  return Response.json({ error: { ...error, doc_url: 'https://docs.stripe.com/testing' } }, { status, headers: { 'Request-Id': `req_devnet_${Date.now()}` } })
}

type Params = { [key: string]: string | Params }

/** Stripe's form encoding (`usage_limits[currency]=usd`) into nested objects. */
export function parseForm(body: string): Params {
  const out: Params = {}
  for (const [name, value] of new URLSearchParams(body)) {
    const path = name.replace(/\]/g, '').split('[')
    let node = out
    for (const [i, key] of path.entries()) {
      if (i === path.length - 1) node[key] = value
      else node = (typeof node[key] === 'object' ? node[key] : (node[key] = {})) as Params
    }
  }
  return out
}

function luhn(number: string): boolean {
  let sum = 0
  for (let i = 0; i < number.length; i++) {
    let d = Number(number[number.length - 1 - i])
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2
    sum += d
  }
  return sum % 10 === 0
}

import { Challenge } from 'mppx'

/**
 * The endpoint a browser checkout calls to turn a Stripe payment method (from Stripe Elements)
 * into a Shared Payment Token for one MPP `stripe/charge` challenge. Minting needs the Stripe
 * secret key, so it lives on the app's server; the browser only ever sees the `spt_…` id.
 *
 * It is a plain `(request: Request) => Promise<Response>`, so the same handler serves Node
 * (`Request.toNodeListener` from mppx/server), Next.js route handlers and Hono.
 */

/** The slice of a stripe-node client the handler uses (`new Stripe(key)` satisfies it). */
export type StripeRawClient = {
  rawRequest(method: 'POST', path: string, params: Record<string, unknown>, options?: Record<string, unknown>): Promise<unknown>
}

export type SptHandlerOptions = (
  | { /** A stripe-node client (recommended: you control retries, API version, proxies). */ stripe: StripeRawClient; secretKey?: never }
  | { /** A Stripe secret key; the handler calls the Stripe API with fetch. */ secretKey: string; stripe?: never }
) & {
  /**
   * The `secretKey` your mppx server signs challenges with. When set, every call must carry the
   * challenge it pays for; the handler checks its signature and refuses a token larger than the
   * challenge's amount, in another currency, for another network or outliving the challenge.
   */
  challengeSecretKey?: string | undefined
  /**
   * A hard cap per currency in minor units (`{ usd: 5000 }`), checked even when challenges are
   * verified. Without `challengeSecretKey`, this is the only bound on what a token may be for.
   */
  maxAmount?: Readonly<Record<string, number>> | undefined
  /** Longest token lifetime accepted, in seconds from now; default 1 hour. */
  maxLifetimeSeconds?: number | undefined
  /** Stripe API base for the `secretKey` path; default https://api.stripe.com (tests point it at a fake). */
  apiBase?: string | undefined
  /**
   * Stripe's path for minting. The default is the test helper Stripe documents for MPP
   * (`/v1/test_helpers/shared_payment/granted_tokens`); production uses the issuer-side API.
   */
  path?: string | undefined
  /** Sent as `Stripe-Version`; SPTs need a preview version. */
  apiVersion?: string | undefined
  fetch?: typeof fetch | undefined
}

/** What the browser sends: the fields mppx's `stripe.charge` client gives `createToken`. */
export type SptRequest = {
  paymentMethod: string
  amount: string
  currency: string
  networkId?: string | undefined
  expiresAt: number
  metadata?: Record<string, string> | undefined
  /** The serialized challenge (`Payment id=…`), required when `challengeSecretKey` is set. */
  challenge?: string | undefined
}

/** The stable error codes the endpoint answers with (`{ error, code }`); `error` is for people. */
export type SptErrorCode =
  | 'method_not_allowed'
  | 'unsupported_media_type'
  | 'invalid_request'
  | 'challenge_invalid'
  | 'amount_too_large'
  | 'card_declined'
  | 'stripe_auth'
  | 'stripe_error'
  | 'stripe_unreachable'

export const defaultSptPath = '/v1/test_helpers/shared_payment/granted_tokens'
/** mppx 0.11's preview API version, which knows `shared_payment_granted_token`. */
export const defaultStripeApiVersion = '2026-07-29.preview'

const maxBodyBytes = 16 * 1024

export function createSptHandler(options: SptHandlerOptions): (request: Request) => Promise<Response> {
  if (!options.stripe && !options.secretKey) throw new TypeError('createSptHandler needs `stripe` (a stripe-node client) or `secretKey`')
  const maxLifetime = options.maxLifetimeSeconds ?? 3600

  return async (request) => {
    if (request.method !== 'POST') return fail(405, 'method_not_allowed', 'Use POST.', { Allow: 'POST' })
    if (!/^application\/json\b/i.test(request.headers.get('Content-Type') ?? ''))
      return fail(415, 'unsupported_media_type', 'Send the token request as application/json.')
    const raw = await request.text()
    if (raw.length > maxBodyBytes) return fail(413, 'invalid_request', 'The token request is too large.')
    let body: unknown
    try {
      body = JSON.parse(raw)
    } catch {
      return fail(400, 'invalid_request', 'The token request is not valid JSON.')
    }
    const parsed = parseSptRequest(body, { now: Date.now() / 1000, maxLifetime })
    if ('error' in parsed) return fail(400, 'invalid_request', parsed.error, undefined, { field: parsed.field })
    const input = parsed.value

    const cap = options.maxAmount?.[input.currency]
    if (cap !== undefined && BigInt(input.amount) > BigInt(cap))
      return fail(400, 'amount_too_large', `A token for more than ${cap} ${input.currency.toUpperCase()} minor units is not allowed here.`)
    if (options.challengeSecretKey) {
      const problem = checkChallenge(input, options.challengeSecretKey)
      if (problem) return fail(400, problem.code, problem.message)
    }

    const params: Record<string, unknown> = {
      payment_method: input.paymentMethod,
      usage_limits: { currency: input.currency, max_amount: input.amount, expires_at: String(input.expiresAt) },
      ...(input.networkId ? { seller_details: { network_id: input.networkId } } : {}),
      ...(input.metadata ? { metadata: input.metadata } : {}),
    }
    try {
      const spt = options.stripe ? await mintWithClient(options.stripe, params, options) : await mintWithKey(options.secretKey!, params, options)
      if (typeof spt !== 'string' || !/^spt_\w+$/.test(spt)) return fail(502, 'stripe_error', 'Stripe answered without a token id.')
      return json(200, { spt })
    } catch (error) {
      const e = stripeErrorOf(error)
      if (e.type === 'card_error') return fail(402, 'card_declined', e.message ?? 'The card was declined.', undefined, { declineCode: e.declineCode ?? e.code })
      if (e.status === 401 || e.status === 403) return fail(502, 'stripe_auth', 'The token endpoint is misconfigured: Stripe refused its API key.')
      if (e.unreachable) return fail(502, 'stripe_unreachable', 'The token endpoint could not reach Stripe.')
      if (e.type === 'invalid_request_error' && e.status === 400)
        return fail(400, 'invalid_request', e.message ?? 'Stripe refused the token request.', undefined, e.param ? { field: e.param } : {})
      return fail(502, 'stripe_error', 'Stripe could not create the token.')
    }
  }
}

/** Strict input check: exact types, known fields only, Stripe-shaped ids, sane amounts and times. */
export function parseSptRequest(
  body: unknown,
  { now, maxLifetime }: { now: number; maxLifetime: number },
): { value: SptRequest } | { error: string; field?: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { error: 'Expected a JSON object.' }
  const o = body as Record<string, unknown>
  const known = new Set(['paymentMethod', 'amount', 'currency', 'networkId', 'expiresAt', 'metadata', 'challenge'])
  const unknown = Object.keys(o).find((k) => !known.has(k))
  if (unknown) return { error: `Unknown field "${unknown.slice(0, 40)}".`, field: unknown.slice(0, 40) }
  const { paymentMethod, amount, currency, networkId, expiresAt, metadata, challenge } = o
  if (typeof paymentMethod !== 'string' || !/^pm_\w{1,200}$/.test(paymentMethod))
    return { error: 'paymentMethod must be a Stripe payment method id (pm_…).', field: 'paymentMethod' }
  if (typeof amount !== 'string' || !/^[1-9]\d{0,11}$/.test(amount))
    return { error: 'amount must be a positive whole number of minor units, as a string.', field: 'amount' }
  if (typeof currency !== 'string' || !/^[a-z]{3}$/.test(currency)) return { error: 'currency must be a lower-case ISO code such as "usd".', field: 'currency' }
  if (networkId !== undefined && (typeof networkId !== 'string' || !/^[\w.-]{1,100}$/.test(networkId)))
    return { error: 'networkId must be a Stripe network profile id.', field: 'networkId' }
  if (typeof expiresAt !== 'number' || !Number.isInteger(expiresAt)) return { error: 'expiresAt must be a Unix time in seconds.', field: 'expiresAt' }
  if (expiresAt <= now) return { error: 'expiresAt is in the past.', field: 'expiresAt' }
  // A minute of slack for the browser's clock, which computed expiresAt.
  if (expiresAt > now + maxLifetime + 60) return { error: `expiresAt is more than ${maxLifetime} seconds away.`, field: 'expiresAt' }
  if (metadata !== undefined) {
    if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) return { error: 'metadata must be an object of strings.', field: 'metadata' }
    const entries = Object.entries(metadata)
    // Stripe's own limits: 50 keys, 40-character keys, 500-character values.
    if (entries.length > 50 || entries.some(([k, v]) => typeof v !== 'string' || k.length === 0 || k.length > 40 || v.length > 500))
      return { error: 'metadata must have at most 50 string values (keys ≤ 40, values ≤ 500 characters).', field: 'metadata' }
  }
  if (challenge !== undefined && (typeof challenge !== 'string' || challenge.length > 8192)) return { error: 'challenge must be the serialized challenge.', field: 'challenge' }
  return {
    value: {
      paymentMethod,
      amount,
      currency,
      networkId: networkId as string | undefined,
      expiresAt,
      metadata: metadata as Record<string, string> | undefined,
      challenge: challenge as string | undefined,
    },
  }
}

function checkChallenge(input: SptRequest, secretKey: string): { code: SptErrorCode; message: string } | undefined {
  if (!input.challenge) return { code: 'challenge_invalid', message: 'Send the challenge this token pays for.' }
  let challenge: Challenge.Challenge
  try {
    challenge = Challenge.deserialize(input.challenge)
  } catch {
    return { code: 'challenge_invalid', message: 'The challenge could not be read.' }
  }
  if (!Challenge.verify(challenge, { secretKey })) return { code: 'challenge_invalid', message: 'The challenge was not issued by this server.' }
  if (challenge.method !== 'stripe' || challenge.intent !== 'charge') return { code: 'challenge_invalid', message: 'The challenge is not a stripe/charge challenge.' }
  const request = challenge.request as { amount?: unknown; currency?: unknown; methodDetails?: { networkId?: unknown } }
  if (typeof request.amount !== 'string' || !/^\d+$/.test(request.amount)) return { code: 'challenge_invalid', message: 'The challenge has no amount.' }
  if (BigInt(input.amount) > BigInt(request.amount))
    return { code: 'amount_too_large', message: 'The token would allow more than the challenge asks for.' }
  if (String(request.currency).toLowerCase() !== input.currency) return { code: 'challenge_invalid', message: 'The currency differs from the challenge.' }
  if ((request.methodDetails?.networkId ?? undefined) !== input.networkId) return { code: 'challenge_invalid', message: 'The network differs from the challenge.' }
  if (challenge.expires) {
    const expires = Date.parse(challenge.expires) / 1000
    if (!(expires > Date.now() / 1000)) return { code: 'challenge_invalid', message: 'The challenge has expired.' }
    if (input.expiresAt > Math.ceil(expires)) return { code: 'challenge_invalid', message: 'The token would outlive the challenge.' }
  }
  return undefined
}

async function mintWithClient(stripe: StripeRawClient, params: Record<string, unknown>, options: SptHandlerOptions): Promise<unknown> {
  const result = (await stripe.rawRequest('POST', options.path ?? defaultSptPath, params, {
    apiVersion: options.apiVersion ?? defaultStripeApiVersion,
  })) as { id?: unknown }
  return result?.id
}

async function mintWithKey(secretKey: string, params: Record<string, unknown>, options: SptHandlerOptions): Promise<unknown> {
  const url = `${(options.apiBase ?? 'https://api.stripe.com').replace(/\/+$/, '')}${options.path ?? defaultSptPath}`
  let response: Response
  try {
    response = await (options.fetch ?? fetch)(url, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${secretKey}`,
        'Content-Type': 'application/x-www-form-urlencoded',
        'Stripe-Version': options.apiVersion ?? defaultStripeApiVersion,
      },
      body: formEncode(params),
    })
  } catch {
    throw { unreachable: true }
  }
  const data = (await response.json().catch(() => ({}))) as { id?: unknown; error?: Record<string, unknown> }
  if (!response.ok) throw { status: response.status, raw: data.error ?? {} }
  return data.id
}

/** Stripe's form encoding: `usage_limits[currency]=usd`. */
export function formEncode(params: Record<string, unknown>, prefix = ''): string {
  const parts: string[] = []
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue
    const name = prefix ? `${prefix}[${key}]` : key
    if (typeof value === 'object' && value !== null) parts.push(formEncode(value as Record<string, unknown>, name))
    else parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`)
  }
  return parts.filter(Boolean).join('&')
}

type StripeErrorInfo = { type?: string; code?: string; declineCode?: string; message?: string; param?: string; status?: number; unreachable?: boolean }

/** Reads a stripe-node StripeError or our own `{ status, raw }` alike. */
function stripeErrorOf(error: unknown): StripeErrorInfo {
  const e = (error ?? {}) as Record<string, any>
  const raw = (e.raw ?? {}) as Record<string, unknown>
  const str = (v: unknown) => (typeof v === 'string' ? v.slice(0, 200) : undefined)
  const type = str(raw.type) ?? str(e.rawType) ?? (e.type === 'StripeCardError' ? 'card_error' : undefined)
  return {
    type,
    code: str(raw.code) ?? str(e.code),
    declineCode: str(raw.decline_code) ?? str(e.decline_code),
    // Stripe's messages are written for people and never contain the key; others are not passed on.
    message: type ? str(raw.message) ?? str(e.message) : undefined,
    param: str(raw.param) ?? str(e.param),
    status: typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : undefined,
    unreachable: e.unreachable === true || e.type === 'StripeConnectionError',
  }
}

function json(status: number, body: unknown, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers } })
}

function fail(status: number, code: SptErrorCode, error: string, headers?: Record<string, string>, extra: Record<string, unknown> = {}): Response {
  return json(status, { error, code, ...extra }, headers)
}

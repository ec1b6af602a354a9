import { Challenge } from 'mppx'
import { RailError } from '../rail'
import { cardDeclineMessage } from './errors'

/** What mppx's `stripe.charge` hands `createToken` (plus the challenge, serialized for the server). */
export type SharedPaymentTokenParams = {
  paymentMethod: string
  /** Minor units, exactly as the challenge asked. */
  amount: string
  currency: string
  networkId: string | undefined
  /** Unix seconds; the challenge's expiry. */
  expiresAt: number
  metadata?: Record<string, string> | undefined
  challenge: Challenge.Challenge
}

/** The app's way to mint a Shared Payment Token: its endpoint's URL, or a function of its own. */
export type CreateSharedPaymentToken = string | URL | ((params: SharedPaymentTokenParams) => Promise<string>)

export type TokenEndpointOptions = {
  fetch?: typeof fetch | undefined
  /** How long to wait for the endpoint (ms); default 30 s. */
  timeoutMs?: number | undefined
}

const sptPattern = /^spt_\w{1,250}$/

/**
 * Asks the app's token endpoint (e.g. `@mppkit/server`'s `createSptHandler`) for a Shared Payment
 * Token. Every failure becomes a RailError a person can act on; nothing has been charged yet.
 */
export async function requestSharedPaymentToken(endpoint: string | URL, params: SharedPaymentTokenParams, options: TokenEndpointOptions = {}): Promise<string> {
  const body = JSON.stringify({
    paymentMethod: params.paymentMethod,
    amount: params.amount,
    currency: params.currency,
    networkId: params.networkId,
    expiresAt: params.expiresAt,
    metadata: params.metadata,
    // Lets the endpoint check the token against the challenge it pays for (see @mppkit/server).
    challenge: Challenge.serialize(params.challenge),
  })
  let response: Response
  try {
    response = await (options.fetch ?? globalThis.fetch)(String(endpoint), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body,
      credentials: 'same-origin',
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    })
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError'
    throw new RailError('unavailable', `The card service did not ${timedOut ? 'answer in time' : 'answer'} (its token endpoint is down or unreachable). Nothing was charged — try again later or pay another way.`)
  }
  const data = await readJson(response)
  if (response.ok) {
    const spt = data?.spt
    if (typeof spt !== 'string' || !sptPattern.test(spt))
      throw new RailError('unavailable', 'The card service answered without a payment token (its token endpoint is misconfigured). Nothing was charged.')
    return spt
  }
  throw tokenEndpointError(response.status, data)
}

/** Maps the endpoint's `{ error, code, declineCode }` answer (see @mppkit/server) to a RailError. */
export function tokenEndpointError(status: number, data: Record<string, unknown> | undefined): RailError {
  const code = typeof data?.code === 'string' ? data.code : undefined
  if (code === 'card_declined' || status === 402) {
    const declineCode = typeof data?.declineCode === 'string' ? data.declineCode : undefined
    return new RailError('rejected', cardDeclineMessage(declineCode))
  }
  if (status === 404 || status === 405)
    return new RailError('unavailable', `The card service is not set up on this site (its token endpoint answered ${status}). Nothing was charged.`)
  if (code === 'stripe_auth') return new RailError('unavailable', 'The card service is misconfigured (Stripe refused its key). Nothing was charged — pay another way.')
  if (code === 'amount_too_large' || code === 'challenge_invalid')
    return new RailError('mismatch', `The card service refused this price: ${safe(data?.error)} Nothing was charged.`)
  if (status >= 400 && status < 500)
    return new RailError('invalid-input', `The card service refused the request${data?.error ? `: ${safe(data.error)}` : ` (HTTP ${status}).`} Nothing was charged.`)
  return new RailError('unavailable', `The card service failed (HTTP ${status}). Nothing was charged — try again later or pay another way.`)
}

async function readJson(response: Response): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = await response.json()
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** The endpoint's text, shortened and stripped of anything that looks like a key or token. */
function safe(text: unknown): string {
  const s = typeof text === 'string' ? text : ''
  return s.replace(/\b(sk|rk|pk|spt|pm|pi)_\w+/g, '…').replace(/[0-9a-f]{32,}/gi, '…').slice(0, 160)
}

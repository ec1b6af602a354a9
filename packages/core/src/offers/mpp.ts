import { Challenge } from 'mppx'
import { AmountError, defaultDecimals, parseBaseUnits, parseDecimals, type Money } from '../amount'
import type { AuthChallenge } from './authenticate'
import type { Offer, RejectedOffer } from './offer'

const maxText = 500

/** Normalizes one `Payment` challenge. A malformed one becomes a RejectedOffer with the reason. */
export function mppOffer(auth: AuthChallenge): Offer | RejectedOffer {
  if (auth.broken) return { protocol: 'mpp', method: auth.params.method, reason: `malformed challenge: ${auth.broken}` }
  let challenge: Challenge.Challenge
  try {
    challenge = Challenge.deserialize(auth.text)
  } catch (error) {
    return { protocol: 'mpp', method: auth.params.method, reason: `malformed challenge: ${message(error)}` }
  }
  const request = challenge.request as Record<string, unknown>
  try {
    const amount = mppAmount(challenge.method, request)
    const expires = challenge.expires === undefined ? undefined : new Date(challenge.expires)
    if (expires && Number.isNaN(expires.getTime())) throw new AmountError('expires is not a date')
    const recipient = typeof request.recipient === 'string' ? request.recipient : undefined
    const description = challenge.description ?? (typeof request.description === 'string' ? request.description : undefined)
    return Object.freeze({
      id: challenge.id,
      protocol: 'mpp',
      method: challenge.method,
      intent: challenge.intent,
      amount,
      recipient,
      expires,
      description: description?.slice(0, maxText),
      realm: challenge.realm,
      request: Object.freeze({ ...request }),
      source: Object.freeze({ protocol: 'mpp', challenge, header: auth.text }),
    } satisfies Offer)
  } catch (error) {
    return { protocol: 'mpp', method: challenge.method, reason: message(error) }
  }
}

/** The amount a challenge asks for, from its request only. */
export function mppAmount(method: string, request: Record<string, unknown>): Money {
  const value = parseBaseUnits(request.amount)
  const rawCurrency = request.currency ?? (method === 'lightning' ? 'BTC' : undefined)
  if (typeof rawCurrency !== 'string' || !rawCurrency || rawCurrency.length > 100)
    throw new AmountError('The offer does not say which currency it is in')
  const currency = rawCurrency.toLowerCase()
  // Lightning amounts are satoshis whatever `decimals` says: the invoice is authoritative.
  // evm/charge (mppx) puts decimals in methodDetails.
  const details = request.methodDetails
  const rawDecimals = request.decimals ?? (typeof details === 'object' && details !== null ? (details as Record<string, unknown>).decimals : undefined)
  const decimals = method === 'lightning' ? 8 : parseDecimals(rawDecimals, defaultDecimals(currency) ?? -1)
  if (decimals < 0) throw new AmountError(`The offer does not say how many decimals ${rawCurrency} has`)
  if (method === 'lightning' && currency !== 'btc') throw new AmountError('Lightning offers must be in BTC')
  const symbol = typeof request.symbol === 'string' ? request.symbol.slice(0, 12) : undefined
  return { value, decimals, currency: /^0x/i.test(rawCurrency) ? rawCurrency : currency, symbol }
}

function message(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.length > 200 ? `${text.slice(0, 200)}…` : text
}

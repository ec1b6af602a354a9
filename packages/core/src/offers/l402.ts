import { readInvoiceHrp } from '../lightning/hrp'
import type { AuthChallenge } from './authenticate'
import type { Offer, RejectedOffer } from './offer'

/**
 * L402 (and its legacy name LSAT): `WWW-Authenticate: L402 version="0", token="…", invoice="…"`
 * (older servers say `macaroon=`). Paid with the Lightning rail; retried with
 * `Authorization: L402 <token>:<preimage>`.
 */
export function isL402Scheme(scheme: string): boolean {
  const s = scheme.toUpperCase()
  return s === 'L402' || s === 'LSAT'
}

export function l402Offer(auth: AuthChallenge, index: number): Offer | RejectedOffer {
  const reject = (reason: string): RejectedOffer => ({ protocol: 'l402', method: 'lightning', reason })
  if (auth.broken) return reject(`malformed challenge: ${auth.broken}`)
  const token = auth.params.token ?? auth.params.macaroon
  const invoice = auth.params.invoice
  if (!token || !invoice) return reject('L402 challenge without token and invoice')
  if (!/^[A-Za-z0-9+/=_-]+$/.test(token) || token.length > 16_384) return reject('L402 token is malformed')
  const version = auth.params.version
  if (version !== undefined && version !== '0') return reject(`L402 version ${version} is not supported`)
  let sats: bigint | undefined
  try {
    sats = readInvoiceHrp(invoice).sats
  } catch (error) {
    return reject((error as Error).message)
  }
  if (sats === undefined) return reject('L402 invoice has no amount')
  return Object.freeze({
    id: `l402:${index}`,
    protocol: 'l402',
    method: 'lightning',
    intent: 'charge',
    amount: { value: sats, decimals: 8, currency: 'btc' },
    request: Object.freeze({ amount: sats.toString(), currency: 'BTC', methodDetails: { invoice } }),
    source: Object.freeze({ protocol: 'l402', scheme: auth.scheme.toUpperCase() === 'LSAT' ? 'LSAT' : 'L402', token, invoice }),
  } satisfies Offer)
}

import type { Offer, RejectedOffer } from './offer'
import { samePayment, x402FromBody, x402FromHeader } from './x402'

/**
 * The x402 offers of a 402, minus those that repeat an MPP `evm` offer already found (same chain,
 * token, recipient and amount): a person sees one choice, and the MPP one is kept because its
 * challenge is bound to this request by the server's HMAC. Never throws; never consumes the body.
 */
export async function readX402(response: Response, mppOffers: readonly Offer[]): Promise<{ offers: Offer[]; rejected: RejectedOffer[] }> {
  if (response.status !== 402) return { offers: [], rejected: [] }
  const header = response.headers.get('payment-required')
  let results: Array<Offer | RejectedOffer> = []
  if (header) results = x402FromHeader(header)
  else if (/^application\/json\b/i.test(response.headers.get('content-type') ?? '')) results = x402FromBody(await response.clone().json().catch(() => undefined))
  const offers: Offer[] = []
  const rejected: RejectedOffer[] = []
  for (const result of results) {
    if (!('id' in result)) rejected.push(result)
    else if (!mppOffers.some((mpp) => mpp.protocol === 'mpp' && samePayment(mpp, result))) offers.push(result)
  }
  return { offers, rejected }
}

import { parseAuthenticate } from './authenticate'
import { mppOffer } from './mpp'
import type { Offer, PaymentRequired, RejectedOffer } from './offer'

/** `L402` or its legacy name `LSAT`. */
const isL402Scheme = (scheme: string) => /^(l402|lsat)$/i.test(scheme)

/** More offers than this in one 402 is abuse, not choice. */
export const maxOffers = 32

/**
 * Reads every offer a 402 carries — all MPP `Payment` challenges (not just the first) and L402 —
 * UCAP / UCP hosted checkouts from a JSON body, plus the problem details when the 402 answers a paid retry. Never throws and never consumes
 * the response body.
 */
export async function readPaymentRequired(response: Response): Promise<PaymentRequired> {
  const offers: Offer[] = []
  const rejected: RejectedOffer[] = []
  const diagnostics: string[] = []
  const header = response.headers.get('www-authenticate')
  let l402Index = 0
  const challenges = parseAuthenticate(header)
  // The L402 parser (and its invoice reader) loads only when a 402 carries an L402 challenge.
  const l402 = challenges.some((c) => isL402Scheme(c.scheme)) ? await import('./l402') : undefined
  for (const auth of challenges) {
    const scheme = auth.scheme.toLowerCase()
    let result: Offer | RejectedOffer | undefined
    if (scheme === 'payment') result = mppOffer(auth)
    else if (l402 && isL402Scheme(auth.scheme)) result = l402.l402Offer(auth, l402Index++)
    else if (auth.broken) result = { protocol: 'unknown', reason: `malformed header: ${auth.broken}` }
    if (!result) continue // another scheme (Bearer, Basic): not a way to pay
    if ('id' in result) {
      if (offers.length >= maxOffers) rejected.push({ protocol: result.protocol, method: result.method, reason: 'too many offers' })
      else if (offers.some((o) => o.id === result.id)) rejected.push({ protocol: result.protocol, method: result.method, reason: 'duplicate challenge id' })
      else offers.push(result)
    } else rejected.push(result)
  }
  // The x402 and hand-off parsers load only when a 402 could carry them (a PAYMENT-REQUIRED header
  // or a JSON body), so pages that never see one never download them.
  const json = /\bjson\b/i.test(response.headers.get('content-type') ?? '')
  if (response.status === 402 && (json || response.headers.has('payment-required'))) {
    // x402 (PAYMENT-REQUIRED header, or a v1 JSON body): an entry that repeats an MPP evm offer is dropped.
    const { readX402 } = await import('./x402-detect')
    const x402 = await readX402(response, offers)
    offers.push(...x402.offers.slice(0, Math.max(maxOffers - offers.length, 0)))
    rejected.push(...x402.rejected)
  }
  // UCAP (and UCP/ACP) say it in the JSON body: their hosted checkouts sit next to the MPP offers.
  const handoff = response.status === 402 && json ? await (await import('../handoff/offers')).readHandoffBody(response) : undefined
  for (const offer of handoff?.offers ?? []) {
    if (offers.length >= maxOffers) rejected.push({ protocol: offer.protocol, method: offer.method, reason: 'too many offers' })
    else if (offers.some((o) => o.id === offer.id)) rejected.push({ protocol: offer.protocol, method: offer.method, reason: 'duplicate offer id' })
    else offers.push(offer)
  }
  rejected.push(...(handoff?.rejected ?? []))
  if (response.status === 402 && header === null && response.type === 'cors' && !handoff?.offers.length)
    diagnostics.push(
      'The 402 has no readable WWW-Authenticate header. A cross-origin server must send Access-Control-Expose-Headers: WWW-Authenticate, Payment-Receipt.',
    )
  // Problem details (and their sentences for people) load only when the body is problem+json.
  const problem = /^application\/problem\+json\b/i.test(response.headers.get('content-type') ?? '')
    ? await (await import('../problems')).readProblem(response)
    : undefined
  return { offers, rejected, problem, status: response.status, diagnostics, teaser: handoff?.teaser }
}

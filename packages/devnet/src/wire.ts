import { Challenge, Receipt } from 'mppx'

/**
 * Reads which rails a response offered or was paid with, from its headers alone: the same view
 * a client has. Stats and the request log both use it, so they count what actually went out.
 */
export function railsOnTheWire(response: Response): { offered: string[]; paidWith?: string } {
  const offered: string[] = []
  if (response.status === 402) {
    const header = response.headers.get('WWW-Authenticate') ?? ''
    try {
      for (const challenge of Challenge.fromHeadersList(response.headers)) offered.push(challenge.method)
    } catch {
      // No Payment challenges (e.g. an L402-only 402).
    }
    for (const _ of header.matchAll(/(?:^|,\s*)(?:L402|LSAT)\s/g)) offered.push('lightning')
    // x402 offers are paid by the evm rail; a 402 offering MPP evm too counts it once.
    if (response.headers.has('PAYMENT-REQUIRED') && !offered.includes('evm')) offered.push('evm')
  }
  const receipt = response.ok ? response.headers.get('Payment-Receipt') : null
  if (receipt) {
    try {
      return { offered, paidWith: Receipt.deserialize(receipt).method }
    } catch {
      return { offered, paidWith: 'unknown' }
    }
  }
  return { offered }
}

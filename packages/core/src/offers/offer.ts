import type { Challenge } from 'mppx'
import type { Money } from '../amount'
import type { Problem } from '../problems'

export type Protocol = 'mpp' | 'l402'

/**
 * One way to pay for one resource, normalized across protocols.
 * `amount` comes only from the machine-readable request; `description` is display text and never
 * decides what is paid.
 */
export type Offer = {
  /** Unique within its PaymentRequired: the MPP challenge id, or `l402:<n>`. */
  readonly id: string
  readonly protocol: Protocol
  /** Payment method: `lightning`, `stripe`, `evm`, `tempo`, or a custom one. */
  readonly method: string
  readonly intent: string
  readonly amount: Money
  readonly recipient?: string | undefined
  readonly expires?: Date | undefined
  readonly description?: string | undefined
  readonly realm?: string | undefined
  /** The decoded method request (`methodDetails` and friends), frozen. */
  readonly request: Readonly<Record<string, unknown>>
  /** Protocol-specific original: an mppx Challenge for MPP, `{ token, invoice }` for L402. */
  readonly source: MppSource | L402Source
}

export type MppSource = {
  readonly protocol: 'mpp'
  readonly challenge: Challenge.Challenge
  /** The challenge exactly as the server sent it, handed back to mppx to build the credential. */
  readonly header: string
}
export type L402Source = {
  readonly protocol: 'l402'
  /** `L402` or the legacy `LSAT`; the retry uses the same scheme. */
  readonly scheme: 'L402' | 'LSAT'
  readonly token: string
  readonly invoice: string
}

/** An offer the server sent that cannot be paid, and why (shown to developers, not paid). */
export type RejectedOffer = {
  readonly protocol: Protocol | 'unknown'
  readonly method?: string | undefined
  readonly reason: string
}

/** A parsed 402 (or MCP payment error): everything needed to show a choice. */
export type PaymentRequired = {
  readonly offers: readonly Offer[]
  readonly rejected: readonly RejectedOffer[]
  /** Set when this 402 answered a paid retry (problem+json with fresh challenges). */
  readonly problem?: Problem | undefined
  readonly status: number
  /** Developer-facing hints, e.g. a CORS setting that hides the challenge header. */
  readonly diagnostics: readonly string[]
}

export function isExpired(offer: Pick<Offer, 'expires'>, now: number = Date.now()): boolean {
  return offer.expires !== undefined && offer.expires.getTime() <= now
}

/** The cheapest offer to headline ("Unlock for …"): the first one the server listed. */
export function headlineOffer(offers: readonly Offer[]): Offer | undefined {
  return offers[0]
}

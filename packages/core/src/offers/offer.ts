import type { Challenge } from 'mppx'
import type { Money } from '../amount'
import type { Problem } from '../problems'
import type { X402Source } from './x402'

/** `ucap`: a UCAP 402 offer (`offers[].checkout_url`); `ucp`: a UCP/ACP checkout session that needs the buyer (`continue_url`). */
export type Protocol = 'mpp' | 'l402' | 'ucap' | 'ucp' | 'x402'

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
  /** What the server calls this offer (a subscription tier's name): display only. */
  readonly label?: string | undefined
  /** Set for subscriptions: the amount is charged once per this period. */
  readonly interval?: BillingInterval | undefined
  /** Protocol-specific original: an mppx Challenge for MPP, `{ token, invoice }` for L402, the hosted checkout for UCAP/UCP. */
  readonly source: MppSource | L402Source | HandoffSource | X402Source
}

export type BillingInterval = 'day' | 'week' | 'month' | 'year'

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

/** A hosted checkout a person finishes in another tab (UCAP `checkout_url`, UCP/ACP `continue_url`). */
export type HandoffSource = {
  readonly protocol: 'ucap' | 'ucp'
  /** The checkout page exactly as the server sent it; checked by `checkHandoffUrl` before it opens. */
  readonly checkoutUrl: string
  /** UCAP `tier_id` (or the UCP session id). */
  readonly tierId?: string | undefined
  readonly tierName?: string | undefined
  readonly features: readonly string[]
  /** UCAP `ucp_plan_id`: the checkout is a UCP-hosted one. */
  readonly planId?: string | undefined
  readonly publisher?: { readonly id?: string | undefined; readonly name?: string | undefined } | undefined
  /** What the server shows while the content is locked. */
  readonly teaser?: HandoffTeaser | undefined
  /** Every tier this 402 offered: an active entitlement to any of them unlocks the content. */
  readonly tiers: readonly string[]
}

export type HandoffTeaser = {
  readonly title?: string | undefined
  readonly excerpt?: string | undefined
  readonly text?: string | undefined
  readonly author?: string | undefined
  readonly publishedAt?: string | undefined
  readonly wordCount?: number | undefined
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
  /** UCAP: what the server shows while the content is locked (from the 402 body). */
  readonly teaser?: HandoffTeaser | undefined
  /** Developer-facing hints, e.g. a CORS setting that hides the challenge header. */
  readonly diagnostics: readonly string[]
}

export function isHandoffSource(source: Offer['source']): source is HandoffSource {
  return source.protocol === 'ucap' || source.protocol === 'ucp'
}

export function isExpired(offer: Pick<Offer, 'expires'>, now: number = Date.now()): boolean {
  return offer.expires !== undefined && offer.expires.getTime() <= now
}

/** The cheapest offer to headline ("Unlock for …"): the first one the server listed. */
export function headlineOffer(offers: readonly Offer[]): Offer | undefined {
  return offers[0]
}

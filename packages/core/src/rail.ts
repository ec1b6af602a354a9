import type { Method } from 'mppx'
import type { Offer } from './offers/offer'
import type { Problem } from './problems'

/**
 * A rail pays some offers. Its core part (here) decides which offers it can pay and turns what
 * the person provided into a proof; the React part renders the panel that collects that input.
 *
 * The kit calls `pay` only after the policy passed the offer and the person acted, and at most
 * once per action: rails need not guard against double calls themselves.
 */
export type Rail<Input = unknown> = {
  readonly id: string
  /** What a person calls it: "Lightning", "Card". */
  readonly label: string
  /** mppx client methods that turn this rail's proof into an MPP credential (via `context`). */
  readonly methods?: readonly Method.AnyClient[] | undefined
  /**
   * True for rails whose `pay` only waits while a person pays on another page (hosted checkout):
   * nothing moves through this page, so the person may cancel the wait, and it has no time limit
   * of its own (the rail stops at the offer's expiry).
   */
  readonly waitsForPerson?: boolean | undefined
  accepts(offer: Offer): boolean
  /**
   * Why this rail will not pay an offer it accepts (e.g. a card price under Stripe's minimum), in
   * words for the person; shown beside the offer, which stays visible but cannot be chosen.
   */
  blockedReason?(offer: Offer): string | undefined
  /** A sentence for the person when the server refused this rail's payment (e.g. "Your card was declined."). */
  explainRefusal?(problem: Problem | undefined): string | undefined
  /** Moves the money (or signs for it) and returns the proof the offer's protocol needs. */
  pay(offer: Offer, input: Input, context: RailContext): Promise<RailProof>
}

export type RailContext = {
  readonly signal: AbortSignal
  /** The gated request (for rails that re-check it, e.g. a hand-off waiting for the entitlement). */
  readonly request?: { readonly url: string; readonly method: string; readonly init: RequestInit } | undefined
}

/** What a rail hands back: the mppx method `context` for MPP; `{ preimage }` for L402. */
export type RailProof = Readonly<Record<string, unknown>>

export type RailErrorCode = 'rejected' | 'invalid-input' | 'mismatch' | 'unavailable' | 'failed' | 'expired'

/**
 * A rail failure before anything was sent to the server. Its message is for a person and must
 * never contain a credential, preimage or token.
 */
export class RailError extends Error {
  override readonly name = 'RailError'
  constructor(
    readonly code: RailErrorCode,
    message: string,
  ) {
    super(message)
  }
}

import type { Method } from 'mppx'
import type { Offer } from './offers/offer'

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
  accepts(offer: Offer): boolean
  /** Moves the money (or signs for it) and returns the proof the offer's protocol needs. */
  pay(offer: Offer, input: Input, context: RailContext): Promise<RailProof>
}

export type RailContext = { readonly signal: AbortSignal }

/** What a rail hands back: the mppx method `context` for MPP; `{ preimage }` for L402. */
export type RailProof = Readonly<Record<string, unknown>>

export type RailErrorCode = 'rejected' | 'invalid-input' | 'mismatch' | 'unavailable' | 'failed'

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

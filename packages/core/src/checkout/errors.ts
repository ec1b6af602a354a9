import type { CheckoutState } from './machine'

/** `useMppFetch`/`kit.fetch` rejects with this when the person cancels. Nothing was paid after it. */
export class CheckoutCancelledError extends Error {
  override readonly name = 'CheckoutCancelledError'
  constructor(
    /** The state when cancelled; `uncertain` means a payment may have gone through. */
    readonly state: CheckoutState,
  ) {
    super(state.status === 'uncertain' ? 'Cancelled while a payment was unconfirmed.' : 'The payment was cancelled.')
  }
}

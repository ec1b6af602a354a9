import type { Stripe } from '@stripe/stripe-js'

/**
 * Where the card rail gets Stripe.js, the react-stripe-js way: a publishable key (`pk_…`), a
 * promise of a loaded Stripe instance, or a function returning one (called only when a card offer
 * is shown — the cheapest choice when a page may never need a card).
 */
export type StripeSource = string | Promise<Stripe | null> | (() => Promise<Stripe | null>)

/**
 * One Stripe.js per rail, loaded on first use. A key goes through `@stripe/stripe-js/pure`, which
 * injects js.stripe.com only when called (the default entry injects it at import). A failed load
 * is forgotten so the next time the offer is shown tries again.
 */
export function stripeLoader(source: StripeSource): () => Promise<Stripe | null> {
  let loading: Promise<Stripe | null> | undefined
  return () => {
    if (loading) return loading
    const started: Promise<Stripe | null> =
      typeof source === 'string'
        ? import('@stripe/stripe-js/pure').then(({ loadStripe }) => loadStripe(source))
        : typeof source === 'function'
          ? source()
          : source
    loading = started
    started.then(
      (stripe) => {
        if (!stripe && loading === started) loading = undefined
      },
      () => {
        if (loading === started) loading = undefined
      },
    )
    return started
  }
}

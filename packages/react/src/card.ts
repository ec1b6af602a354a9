// @mppkit/react/card — the card rail: MPP stripe/charge paid with Stripe's Payment Element and a
// Shared Payment Token from the app's endpoint. Neither Stripe.js nor react-stripe-js loads until
// a card offer is shown: the panel is lazy, and Stripe.js is fetched when the panel first renders.
import { cardRailCore, type CardInput, type CardRailOptions as CoreCardRailOptions } from '@mppkit/core/card'
import type { Appearance, StripePaymentElementOptions } from '@stripe/stripe-js'
import { createElement, lazy } from 'react'
import { stripeLoader, type StripeSource } from './card/stripe'
import type { RailPanelProps, ReactRail } from './rail'

export type { CardInput, CreateSharedPaymentToken, SharedPaymentTokenParams } from '@mppkit/core/card'
export { stripeLoader, type StripeSource } from './card/stripe'

export const CardPanel = lazy(() => import('./card/CardPanel'))

export type CardRailOptions = CoreCardRailOptions & {
  /** A publishable key (`pk_…`), a promise of a loaded Stripe, or a function that loads one. */
  stripe: StripeSource
  /** Merged over the appearance the kit derives from its theme. */
  appearance?: Appearance | undefined
  paymentElementOptions?: StripePaymentElementOptions | undefined
}

export function cardRail(options: CardRailOptions): ReactRail<CardInput> {
  const loadStripe = stripeLoader(options.stripe)
  const Panel = (props: RailPanelProps<CardInput>) =>
    createElement(CardPanel, { ...props, loadStripe, appearance: options.appearance, paymentElementOptions: options.paymentElementOptions })
  return { ...cardRailCore(options), Panel }
}

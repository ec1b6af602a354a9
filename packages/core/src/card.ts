// @mppkit/core/card — the card rail's core: MPP stripe/charge paid with a Stripe PaymentMethod,
// turned into a Shared Payment Token by the app's endpoint. No Stripe.js here (see @mppkit/react/card).
export { cardRailCore, isCardOffer, readCardOffer, type CardInput, type CardOffer, type CardRailOptions } from './card/rail'
export { fromStripeAmount, stripeDecimals, stripeMinimum, stripeMinimums, toStripeAmount } from './card/amount'
export { cardDeclineMessage, cardMessages, explainCardRefusal } from './card/errors'
export {
  requestSharedPaymentToken,
  tokenEndpointError,
  type CreateSharedPaymentToken,
  type SharedPaymentTokenParams,
  type TokenEndpointOptions,
} from './card/token'

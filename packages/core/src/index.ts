// @mppkit/core — offers, the checkout machine, policy, receipts and the rail contract. No React.
export {
  AmountError,
  defaultDecimals,
  formatMoney,
  isIsoCurrency,
  money,
  parseBaseUnits,
  parseDecimal,
  sats,
  shortAddress,
  toDecimalString,
  usd,
  type FormatOptions,
  type Money,
} from './amount'
export { parseAuthenticate, type AuthChallenge } from './offers/authenticate'
export { readPaymentRequired, maxOffers } from './offers/detect'
export { headlineOffer, isExpired, isHandoffSource, type BillingInterval, type HandoffSource, type HandoffTeaser, type L402Source, type MppSource, type Offer, type PaymentRequired, type Protocol, type RejectedOffer } from './offers/offer'
export { x402FromHeader, x402FromBody, chainOf, samePayment, type X402Source } from './offers/x402'
export { problemMessages, readProblem, toProblem, type Problem, type ProblemKind } from './problems'
export { createPolicy, memorySpendStore, type Policy, type PolicyConfig, type PolicyDecision, type PolicyRefusalCode, type SpendStore } from './policy'
export { memoryReceiptStore, readReceiptHeader, type PaymentReceipt, type ReceiptStore } from './receipts'
export { toPaidRequest, RequestBodyError, type PaidRequest } from './request'
export { RailError, type Rail, type RailContext, type RailErrorCode, type RailProof } from './rail'
export {
  finalStatuses,
  initialState,
  transition,
  type CheckoutError,
  type CheckoutErrorCode,
  type CheckoutEvent,
  type CheckoutState,
  type CheckoutStatus,
  type Choice,
} from './checkout/machine'
export { createCheckout, type Checkout, type CheckoutDeps } from './checkout/checkout'
export { CheckoutCancelledError } from './checkout/errors'
export { createAssetBook, withAssetName, type AssetBook, type AssetInfo } from './assets'
export { createMppKit, type CheckoutQueue, type MppKit, type MppKitConfig } from './kit'
export { HttpError, paidQueryOptions, type PaidQueryParameters } from './query'

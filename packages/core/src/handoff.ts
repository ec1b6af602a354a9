// @mppkit/core/handoff — the hosted-checkout hand-off (UCAP `checkout_url`, UCP/ACP `continue_url`):
// detection, URL safety rules, the poll schedule and the rail's core that waits for the entitlement.
export { handoffOffers, readHandoffBody, maxHandoffBodyBytes, type HandoffOffers } from './handoff/offers'
export { checkHandoffUrl, registrableDomain, maxHandoffUrlLength, type HandoffUrlCheck, type HandoffUrlOptions } from './handoff/url'
export { defaultPollSchedule, pollDelay, pollSchedule, retryAfterMs, type PollSchedule } from './handoff/backoff'
export { createHandoffWaiter, type HandoffWaiter, type HandoffWaitStatus, type WakeReason } from './handoff/waiter'
export {
  defaultHandoffChannel,
  handoffRailCore,
  handoffReturnMessage,
  isHandoffOffer,
  openCheckoutTab,
  type HandoffInput,
  type HandoffRailOptions,
} from './handoff/rail'
export type { BillingInterval, HandoffSource, HandoffTeaser } from './offers/offer'

// @mppkit/core/lightning — the Lightning rail's core (MPP lightning/charge and L402).
export { lightningCharge, invoicePrefixes, type LightningNetwork } from './lightning/method'
export {
  findWebLN,
  isLightningOffer,
  lightningChargeClient,
  lightningRailCore,
  type LightningInput,
  type LightningRailOptions,
  type WebLNProvider,
} from './lightning/rail'
export { readInvoiceHrp, InvoiceError, type InvoiceSummary } from './lightning/hrp'
export type { CheckedInvoice } from './lightning/invoice'

// @mppkit/core/lightning/invoice — BOLT11 decoding and checks, split out so it loads lazily.
export { checkInvoice, checkPreimage, decodeInvoice, type CheckedInvoice } from './lightning/invoice'

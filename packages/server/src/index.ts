// @mppkit/server — the server half a browser checkout needs: a Shared Payment Token endpoint for
// Stripe cards and CORS for mppx routes. Plain fetch handlers: Node, Next.js route handlers, Hono.
export {
  createSptHandler,
  defaultSptPath,
  defaultStripeApiVersion,
  parseSptRequest,
  type SptErrorCode,
  type SptHandlerOptions,
  type SptRequest,
  type StripeRawClient,
} from './spt'
export { paymentAllowHeaders, paymentExposeHeaders, withPaymentCors, type FetchHandler, type PaymentCorsOptions } from './cors'

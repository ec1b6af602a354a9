import { lightningCharge } from '@mppkit/core/lightning'
import { type Credential, Errors, Method, Receipt, Store } from 'mppx'
import { routeKey } from '../stats'
import { decodePaymentHash, type Invoice, type LightningNode, preimageMatches, isPreimageHex } from './node'

export type LightningServerOptions = {
  node: LightningNode
  /** Read per challenge so `POST /devnet/config` applies to the next invoice. */
  ttlSeconds: () => number
  /**
   * The BOLT11 memo for a route. mppx moves a route's `description` option to the challenge and
   * never shows it to the request hook, so the route table supplies the memo here instead.
   */
  memoFor: (route: string) => string | undefined
}

/**
 * `lightning/charge` on the server: each challenge carries a fresh regtest invoice, the credential
 * is its preimage. Failures are typed mppx errors so the client gets 402 problem+json plus a new
 * challenge; a plain Error would surface as 500 internal-payment-error.
 */
export function lightningChargeServer({ node, ttlSeconds, memoFor }: LightningServerOptions) {
  const redeemed = Store.memory({ keyPrefix: 'devnet:lightning:' })

  // mppx cannot infer `defaults` from the options object, so it is spelled out for the route types.
  return Method.toServer<typeof lightningCharge, { currency: string; methodDetails: { invoice: string } }>(lightningCharge, {
    // The shared schema requires methodDetails, but the invoice only exists once the request hook
    // runs; the empty placeholder lets routes omit it and is always replaced below.
    defaults: { currency: 'BTC', methodDetails: { invoice: '' } },

    async request({ request, credential, capturedRequest }) {
      const amountSats = Number(request.amount)
      if (!Number.isSafeInteger(amountSats) || amountSats <= 0)
        throw new Error(`lightning amount must be whole satoshis, got "${request.amount}"`)
      const route = capturedRequest ? routeKey(capturedRequest.method, capturedRequest.url.pathname) : 'unknown'
      const description = request.description ?? memoFor(route) ?? 'mppkit devnet payment'
      // This hook also runs on the paid retry. Keeping the credential's invoice there makes the
      // re-issued challenge (sent if verification fails) point at an invoice that can still be
      // paid; a spent or expired one gets replaced.
      const invoice =
        reusableInvoice(credential, { amountSats, route }) ??
        node.createInvoice({ amountSats, description, expirySeconds: ttlSeconds(), route })
      return {
        ...request,
        description,
        methodDetails: { invoice: invoice.invoice, paymentHash: invoice.paymentHash, network: node.network },
      }
    },

    // Split into validate (no side effects) and broadcast (claims the invoice): mppx runs both on
    // a paid request, and `mppx.validateCredential` can use the first alone.
    async validate({ credential }) {
      checkPreimage(credential.challenge.request.methodDetails, credential.payload.preimage)
      return {
        challenge: credential.challenge,
        credential,
        details: undefined,
        intent: 'charge' as const,
        method: 'lightning' as const,
        request: credential.challenge.request,
      }
    },

    async broadcast({ credential }) {
      const paymentHash = checkPreimage(credential.challenge.request.methodDetails, credential.payload.preimage)
      // One preimage pays for one request, however many challenges carried the same invoice.
      const fresh = await Store.tryClaim(redeemed, paymentHash, Date.now() + 86_400_000)
      if (!fresh) throw new Errors.VerificationFailedError({ reason: 'this invoice was already redeemed' })
      node.markRedeemed(paymentHash)
      return Receipt.from({
        method: 'lightning',
        reference: paymentHash,
        status: 'success',
        timestamp: new Date().toISOString(),
      })
    },
  })

  function reusableInvoice(
    credential: Credential.Credential | null | undefined,
    wanted: { amountSats: number; route: string },
  ): Invoice | undefined {
    if (credential?.challenge.method !== 'lightning') return undefined
    const details = credential.challenge.request.methodDetails as { invoice?: unknown } | undefined
    if (typeof details?.invoice !== 'string') return undefined
    // Only our own, still-payable invoice: the credential has not been HMAC-checked yet here.
    const invoice = node.findByInvoice(details.invoice)
    if (!invoice || invoice.redeemedAt || invoice.expiresAt <= Date.now()) return undefined
    if (invoice.amountSats !== wanted.amountSats || invoice.route !== wanted.route) return undefined
    return invoice
  }
}

/** Returns the payment hash the preimage unlocks, or throws a typed verification failure. */
function checkPreimage(details: { invoice: string; paymentHash?: string | undefined }, preimage: string): string {
  // The invoice is authoritative; `paymentHash` is a convenience that must agree with it.
  const paymentHash = decodePaymentHash(details.invoice)
  if (!paymentHash) throw new Errors.VerificationFailedError({ reason: 'the challenge invoice is not a valid BOLT11 invoice' })
  if (details.paymentHash !== undefined && details.paymentHash.toLowerCase() !== paymentHash)
    throw new Errors.VerificationFailedError({ reason: 'paymentHash does not match the invoice' })
  const normalized = preimage.toLowerCase()
  if (!isPreimageHex(normalized))
    throw new Errors.VerificationFailedError({ reason: 'the preimage must be 32 bytes as 64 hex characters' })
  if (!preimageMatches(normalized, paymentHash))
    throw new Errors.VerificationFailedError({ reason: 'the preimage does not match the payment hash' })
  return paymentHash
}

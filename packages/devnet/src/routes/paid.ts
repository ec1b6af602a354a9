import { createHash } from 'node:crypto'
import type { ConfigStore } from '../config'
import { photoSvg } from '../content/photo'
import { summarize, textOf } from '../content/summarize'
import { jsonError, json, text } from '../http'
import { fortuneResponse, type L402Gate } from '../l402'
import { servingRoute } from '../evm/server'
import type { PaymentServer } from '../payments'
import { paidRoutes } from './table'

export function createPaidRoutes({
  payments,
  config,
  l402,
  evm = false,
  card = false,
}: {
  payments: PaymentServer
  config: ConfigStore
  l402: L402Gate
  evm?: boolean
  /** Whether the stripe/charge method is registered (devnet started with its Stripe setup). */
  card?: boolean
}) {
  /** Options every offer shares. `scope` binds a credential to the route that issued it. */
  const offer = (route: { key: string; description: string }, amount: number, meta?: Record<string, string>) => ({
    amount: String(amount),
    description: route.description,
    expires: config.expiresAt(),
    scope: route.key,
    ...(meta ? { meta } : {}),
  })

  /**
   * The evm/charge offer (also answered as x402) when devnet runs its chain. The evm method is
   * registered only then, so mppx's compose types cannot see it: typed as an empty tuple.
   */
  const evmOffer = (route: { key: string; description: string; testUsd: string }, meta?: Record<string, string>) =>
    (evm ? [['evm/charge', { ...offer(route, 0, meta), amount: route.testUsd }]] : []) as []

  /**
   * The stripe/charge offer in USD (registered only with a Stripe setup, hence the same empty-tuple
   * typing as evm). The route rides along in the PaymentIntent's metadata for the fake's records.
   */
  const cardOffer = (route: { key: string; description: string }, cents: number, meta?: Record<string, string>) =>
    (card
      ? [['stripe/charge', { ...offer(route, 0, meta), amount: usdOf(cents), paymentIntentOptions: { metadata: { devnet_route: route.key } } }]]
      : []) as []

  return {
    async photo(request: Request): Promise<Response> {
      const route = paidRoutes.photo
      const result = await servingRoute(route.key, () =>
        payments.compose(
          ['lightning/charge', offer(route, route.lightningSats)],
          ['credits/charge', offer(route, route.credits)],
          ...evmOffer(route),
          ...cardOffer(route, config.get().cardPhotoCents ?? route.cardCents),
        )(request),
      )
      if (result.status === 402) return result.challenge
      return result.withReceipt(text(photoSvg, 'image/svg+xml; charset=utf-8'))
    },

    async summarize(request: Request): Promise<Response> {
      const route = paidRoutes.summarize
      // Read a clone: mppx may clone the request itself, which fails once a body is consumed.
      const bytes = new Uint8Array(await request.clone().arrayBuffer())
      if (bytes.length === 0) return jsonError(400, 'send the text to summarize as the request body', { code: 'empty_body' })

      // Body binding: mppx's route options cannot set the challenge's `digest` field, but `meta`
      // (sent as `opaque`) is covered by the challenge HMAC and compared against the route's
      // freshly computed value on the paid retry. A credential minted for other bytes therefore
      // fails with 402 invalid-challenge. Same `sha-256=<base64>` form as Content-Digest.
      const digest = `sha-256=${createHash('sha256').update(bytes).digest('base64')}`
      const result = await servingRoute(route.key, () =>
        payments.compose(
          ['lightning/charge', offer(route, route.lightningSats, { digest })],
          ['credits/charge', offer(route, route.credits, { digest })],
          ...evmOffer(route, { digest }),
          ...cardOffer(route, route.cardCents, { digest }),
        )(request),
      )
      if (result.status === 402) return result.challenge

      const { summary, words } = summarize(textOf(bytes, request.headers.get('Content-Type')))
      const bodySha256 = createHash('sha256').update(bytes).digest('hex')
      return result.withReceipt(json({ summary, words, bodySha256, bytes: bytes.length }))
    },

    fortune(request: Request): Response {
      const route = paidRoutes.fortune
      return l402(request, { key: route.key, sats: route.lightningSats, memo: route.description }, fortuneResponse)
    },
  }
}

/** Whole cents → the decimal string mppx's route options take (`50` → `'0.50'`), without floats. */
function usdOf(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`
}

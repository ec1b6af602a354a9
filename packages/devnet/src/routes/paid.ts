import { createHash } from 'node:crypto'
import type { ConfigStore } from '../config'
import { photoSvg } from '../content/photo'
import { summarize, textOf } from '../content/summarize'
import { jsonError, json, text } from '../http'
import { fortuneResponse, type L402Gate } from '../l402'
import type { PaymentServer } from '../payments'
import { paidRoutes } from './table'

export function createPaidRoutes({ payments, config, l402 }: { payments: PaymentServer; config: ConfigStore; l402: L402Gate }) {
  /** Options every offer shares. `scope` binds a credential to the route that issued it. */
  const offer = (route: { key: string; description: string }, amount: number, meta?: Record<string, string>) => ({
    amount: String(amount),
    description: route.description,
    expires: config.expiresAt(),
    scope: route.key,
    ...(meta ? { meta } : {}),
  })

  return {
    async photo(request: Request): Promise<Response> {
      const route = paidRoutes.photo
      const result = await payments.compose(
        ['lightning/charge', offer(route, route.lightningSats)],
        ['credits/charge', offer(route, route.credits)],
      )(request)
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
      const result = await payments.compose(
        ['lightning/charge', offer(route, route.lightningSats, { digest })],
        ['credits/charge', offer(route, route.credits, { digest })],
      )(request)
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

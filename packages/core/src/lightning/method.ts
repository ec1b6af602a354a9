import { Method } from 'mppx'
// zod/mini as a namespace import (the same zod mppx uses): esbuild can tree-shake it, while `z` re-exported
// from 'mppx' makes esbuild keep all of zod, locales included (~85 KB gzip).
import * as z from 'zod/mini'

/**
 * The MPP `lightning/charge` method (spec: paymentauth.org Lightning charge).
 * mppx has no Lightning support, so the wire format is defined here once and shared by
 * the browser rail (`Method.toClient`) and any server (`Method.toServer`, e.g. devnet).
 *
 * `amount` is in satoshis. `methodDetails.invoice` is authoritative; `paymentHash` and
 * `network` are conveniences that must agree with it. The credential is the preimage.
 */
export const lightningCharge = Method.from({
  name: 'lightning',
  intent: 'charge',
  schema: {
    credential: {
      payload: z.object({ preimage: z.string() }),
    },
    request: z.object({
      amount: z.string(),
      currency: z.optional(z.string()),
      description: z.optional(z.string()),
      methodDetails: z.object({
        invoice: z.string(),
        paymentHash: z.optional(z.string()),
        network: z.optional(z.string()),
      }),
    }),
  },
})

export { invoicePrefixes, type LightningNetwork } from './networks'

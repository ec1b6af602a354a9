import { Method, z } from 'mppx'

/**
 * `credits/charge`: a made-up payment method that proves mppkit's extension point. A client
 * pays with an account name and PIN; the devnet deducts whole credits from that account.
 *
 * This file only imports `mppx`, so browser code (the example app's credits rail) can import it
 * from `@mppkit/devnet/credits` and build its client with `Method.toClient(creditsCharge, …)`.
 */
export const creditsCharge = Method.from({
  name: 'credits',
  intent: 'charge',
  schema: {
    credential: {
      payload: z.object({ account: z.string(), pin: z.string() }),
    },
    request: z.object({
      /** Whole credits, as a decimal string. */
      amount: z.string(),
      currency: z.literal('credits'),
      /** Credits are whole units; said explicitly so clients never guess. */
      decimals: z.literal(0),
      description: z.optional(z.string()),
      methodDetails: z.optional(z.object({ issuer: z.literal('devnet') })),
    }),
  },
})

/** The devnet's demo account (shown in the example app's credits panel). */
export const demoCreditsAccount = { account: 'demo', pin: '4242', startBalance: 1_000 } as const

/** An account too poor for any paid route, so "insufficient funds" can be shown without draining demo. */
export const lowCreditsAccount = { account: 'low', pin: '0000', startBalance: 3 } as const

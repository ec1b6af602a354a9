import { createSptHandler } from '@mppkit/server'
import { stripe } from 'mppx/server'
import Stripe from 'stripe'
import type { ConfigStore } from '../config'
import { json, text } from '../http'
import { devnetSecretKey } from '../payments'
import { routeKey, type Stats } from '../stats'
import type { StripeSetup } from './setup'
import { fakeStripeJs } from './stripe-js'

/**
 * Card payments on devnet: mppx's real `stripe.charge` server method with a real stripe-node
 * client (pointed at the offline fake or at Stripe test mode), the Shared Payment Token endpoint
 * the browser calls (built with @mppkit/server), and the fake Stripe.js for offline runs.
 */
export function createCardPayments({ setup, config, stats }: { setup: StripeSetup; config: ConfigStore; stats: Stats }) {
  const method = stripe.charge({
    client: setup.client,
    currency: 'usd',
    decimals: 2,
    // A Stripe Business Network profile id; the fake accepts any, real Stripe needs yours.
    networkId: setup.mode === 'offline' ? 'devnet-offline' : (process.env.STRIPE_NETWORK_ID ?? 'internal'),
    paymentMethodTypes: ['card'],
    onPaymentSuccess({ input }) {
      // The PaymentIntent succeeded: money moved (test money). Counted per route, like Lightning.
      stats.settled(input ? routeKey(input.method, new URL(input.url).pathname) : 'unknown', 'stripe')
    },
  })
  /**
   * mppx does not offer a card under Stripe's minimum. `cardOfferBelowMinimum` makes devnet offer
   * it anyway, as a server built without mppx might, so the kit's own check can be seen.
   */
  const cardMethod: typeof method = {
    ...method,
    canOffer: async (context) => (config.get().cardOfferBelowMinimum ? true : ((await method.canOffer?.(context)) ?? true)),
  }

  const mint = createSptHandler({ stripe: setup.client, challengeSecretKey: devnetSecretKey })
  // What an endpoint with a wrong or revoked key does (Stripe answers 401).
  const misconfigured = createSptHandler(
    setup.mode === 'offline'
      ? { stripe: new Stripe('sk_test_devnet_wrong_key', { host: new URL(setup.apiUrl!).hostname, port: Number(new URL(setup.apiUrl!).port), protocol: 'http', maxNetworkRetries: 0 }) }
      : { secretKey: 'sk_test_devnet_wrong_key' },
  )

  return {
    method: cardMethod,

    /** Route options for one card offer: a decimal amount in USD, tagged with the route for the fake's records. */
    offer: (route: { key: string }, usd: string) => ({ amount: usd, paymentIntentOptions: { metadata: { devnet_route: route.key } } }),

    /** `POST /devnet/stripe/spt`: the token endpoint the example's card rail calls. */
    async spt(request: Request): Promise<Response> {
      const state = config.get().sptEndpoint
      if (state === 'down') return text('upstream unavailable', 'text/plain; charset=utf-8', { status: 503 })
      return state === 'misconfigured' ? misconfigured(request) : mint(request)
    },

    /** `GET /devnet/stripe.js`: the fake Stripe.js (offline only). */
    stripeJs(): Response {
      if (setup.mode !== 'offline' || !setup.apiUrl) return json({ error: 'devnet uses real Stripe.js: STRIPE_PUBLISHABLE_KEY is set' }, { status: 404 })
      return text(fakeStripeJs(setup.apiUrl), 'application/javascript; charset=utf-8', { headers: { 'Cache-Control': 'no-store' } })
    },

    /** `GET /devnet/stripe`: what the example needs to set up its card rail, and the fake's records. */
    info(request: Request): Response {
      const { origin } = new URL(request.url)
      return json({
        mode: setup.mode,
        publishableKey: setup.publishableKey,
        stripeJs: setup.mode === 'offline' ? `${origin}/devnet/stripe.js` : null,
        tokenEndpoint: `${origin}/devnet/stripe/spt`,
        ...(setup.fake ? setup.fake.summary() : {}),
      })
    },
  }
}

export type CardPayments = ReturnType<typeof createCardPayments>

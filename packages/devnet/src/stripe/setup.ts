import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Request as NodeRequest } from 'mppx/server'
import Stripe from 'stripe'
import { createFakeStripeApi, type FakeStripeApi } from './fake-api'

/**
 * Where devnet's card payments go. Offline (the default): a fake Stripe API on its own 127.0.0.1
 * port, which a real stripe-node client talks to over HTTP exactly as it would to api.stripe.com.
 * Online: with STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY (test mode) set, real Stripe.
 */
export type StripeSetup = {
  readonly mode: 'offline' | 'online'
  readonly publishableKey: string
  readonly secretKey: string
  /** stripe-node, pointed at the fake or at Stripe. */
  readonly client: Stripe
  /** The fake API's base URL (offline only); the fake Stripe.js creates payment methods there. */
  readonly apiUrl?: string | undefined
  readonly fake?: FakeStripeApi | undefined
  close(): Promise<void>
}

export type StripeSetupOptions = {
  /** Defaults to process.env; tests pass `{}` to force offline. */
  env?: Record<string, string | undefined>
  /** Port for the fake API (0 = any free port). */
  port?: number
}

export async function startStripe(options: StripeSetupOptions = {}): Promise<StripeSetup> {
  const env = options.env ?? process.env
  const secretKey = env.STRIPE_SECRET_KEY
  const publishableKey = env.STRIPE_PUBLISHABLE_KEY
  if (secretKey || publishableKey) {
    if (!secretKey?.startsWith('sk_test_') || !publishableKey?.startsWith('pk_test_'))
      throw new Error('devnet: set both STRIPE_SECRET_KEY (sk_test_…) and STRIPE_PUBLISHABLE_KEY (pk_test_…); devnet only uses Stripe test mode')
    return { mode: 'online', publishableKey, secretKey, client: new Stripe(secretKey, { maxNetworkRetries: 0 }), close: async () => {} }
  }

  const fake = createFakeStripeApi()
  const server = createServer(
    NodeRequest.toNodeListener(async (request) => {
      const response = await fake.fetch(request)
      // The fake Stripe.js on the example's page calls /v1/payment_methods cross-origin.
      const headers = new Headers(response.headers)
      headers.set('Access-Control-Allow-Origin', request.headers.get('Origin') ?? '*')
      headers.set('Access-Control-Allow-Headers', 'Authorization, Content-Type, Idempotency-Key, Stripe-Version')
      headers.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS')
      return new Response(response.body, { status: response.status, headers })
    }),
  )
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const client = new Stripe(fake.secretKey, { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0 })
  return {
    mode: 'offline',
    publishableKey: fake.publishableKey,
    secretKey: fake.secretKey,
    client,
    apiUrl: `http://127.0.0.1:${port}`,
    fake,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}

import { createConfig } from './config'
import { isPreflight, preflightResponse, withCors } from './cors'
import { createCreditsLedger } from './credits/ledger'
import type { EvmChain } from './evm/chain'
import { createEvmRoutes } from './evm/routes'
import { jsonError } from './http'
import { createL402 } from './l402'
import { createLightningNode } from './lightning/node'
import { createTestWallet } from './lightning/wallet'
import { createMcpRoutes } from './mcp'
import { createPaymentServer, devnetSecretKey } from './payments'
import { createDevnetRoutes } from './routes/devnet'
import { createPaidRoutes } from './routes/paid'
import { createStats, routeKey } from './stats'
import { createCardPayments } from './stripe/card'
import { createUcapRoutes, createUcapStore } from './ucap'
import type { StripeSetup } from './stripe/setup'
import { railsOnTheWire } from './wire'

export type DevnetAppOptions = {
  log?: boolean
  /** A running local EVM chain (see startEvmChain): adds evm/charge + x402 offers and the EVM test wallet. */
  evm?: EvmChain | undefined
  /** Stripe for card offers (see startStripe: the offline fake, or test mode with real keys). */
  stripe?: StripeSetup | undefined
}

type Handler = (request: Request) => Response | Promise<Response>

/**
 * The whole devnet as one fetch handler (`Request → Response`), independent of node:http so it
 * can be mounted anywhere. Each call builds fresh state: two devnets never share balances.
 */
export function createDevnetApp(options: DevnetAppOptions = {}) {
  const config = createConfig()
  const stats = createStats()
  const node = createLightningNode()
  const wallet = createTestWallet(node, stats)
  const ledger = createCreditsLedger()
  const card = options.stripe ? createCardPayments({ setup: options.stripe, config, stats }) : undefined
  const payments = createPaymentServer({ node, ledger, stats, config, evm: options.evm, card: card?.method })
  const l402 = createL402({ node, secretKey: devnetSecretKey, ttlSeconds: () => config.get().challengeTtlSeconds })

  const paid = createPaidRoutes({ payments, config, l402, evm: !!options.evm, card: !!card })
  const evm = options.evm ? createEvmRoutes({ chain: options.evm, payments, config }) : undefined
  const devnet = createDevnetRoutes({ config, stats, node, wallet, ledger })
  const mcp = createMcpRoutes({ node, ledger, stats, config, payments })
  const ucap = createUcapRoutes({ store: createUcapStore(), config, stats, payments })

  /** Paid routes: their 402s and receipts feed the stats. */
  const paidRoutes: Record<string, Handler> = {
    'GET /api/photo': paid.photo,
    'POST /api/summarize': paid.summarize,
    'GET /l402/fortune': paid.fortune,
    ...(evm ? { 'GET /x402/quote': evm.quote } : {}),
  }
  const devnetRoutes: Record<string, Handler> = {
    'GET /devnet/health': devnet.health,
    'GET /devnet/stats': devnet.stats,
    'POST /devnet/reset': devnet.reset,
    'GET /devnet/config': devnet.getConfig,
    'POST /devnet/config': devnet.setConfig,
    'POST /devnet/lightning/pay': devnet.pay,
    'GET /devnet/lightning/wallet': devnet.walletBalance,
    'GET /devnet/webln.js': devnet.webln,
    'GET /devnet/wallet': devnet.walletPage,
    ...(evm ? { 'GET /devnet/evm': evm.info, 'POST /devnet/evm/rpc': evm.rpc, 'GET /devnet/evm-wallet.js': evm.walletScript } : {}),
    ...(card ? { 'GET /devnet/stripe': card.info, 'GET /devnet/stripe.js': card.stripeJs, 'POST /devnet/stripe/spt': card.spt } : {}),
  }
  const knownPaths = new Set([...Object.keys(paidRoutes), ...Object.keys(devnetRoutes)].map((k) => k.split(' ')[1]))

  async function route(request: Request, pathname: string): Promise<Response> {
    const key = routeKey(request.method, pathname)
    const paidHandler = paidRoutes[key]
    if (paidHandler) {
      const response = await paidHandler(request)
      const { offered, paidWith } = railsOnTheWire(response)
      for (const rail of offered) stats.challenge(key, rail)
      if (paidWith) stats.accepted(key, paidWith)
      return response
    }
    const handler = devnetRoutes[key]
    if (handler) return handler(request)

    const account = /^\/devnet\/credits\/([^/]+)$/.exec(pathname)?.[1]
    if (account !== undefined && request.method === 'GET') return devnet.credits(decodeURIComponent(account))
    const evmAddress = /^\/devnet\/evm\/balance\/([^/]+)$/.exec(pathname)?.[1]
    if (evm && evmAddress !== undefined && request.method === 'GET') return evm.balance(decodeURIComponent(evmAddress))

    if (pathname.startsWith('/ucap/')) {
      const ucapResponse = await ucap(request, pathname)
      if (ucapResponse) return ucapResponse
    }

    const mcpResponse = mcp(request, pathname)
    if (mcpResponse) return mcpResponse

    if (knownPaths.has(pathname)) return jsonError(405, `${request.method} is not allowed on ${pathname}`, { code: 'method_not_allowed' })
    return jsonError(404, `no route for ${request.method} ${pathname}`, { code: 'not_found' })
  }

  async function fetch(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url)
    if (isPreflight(request)) return preflightResponse(request)
    let response: Response
    try {
      response = await route(request, pathname)
    } catch (error) {
      console.error(`devnet: ${request.method} ${pathname} failed:`, error)
      response = jsonError(500, 'internal devnet error', { code: 'internal' })
    }
    if (options.log) {
      // Method, path, status and rail only: never a credential, preimage or Authorization value.
      const { offered, paidWith } = railsOnTheWire(response)
      console.log(`${request.method} ${pathname} ${response.status} ${paidWith ?? (offered.join('+') || '-')}`)
    }
    return withCors(request, response)
  }

  return { fetch, state: { config, stats, node, wallet, ledger } }
}

export type DevnetApp = ReturnType<typeof createDevnetApp>

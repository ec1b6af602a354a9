import type { ConfigStore } from '../config'
import type { CreditsLedger } from '../credits/ledger'
import type { LightningNode } from '../lightning/node'
import type { PaymentServer } from '../payments'
import type { Stats } from '../stats'
import { createMcpEndpoint } from './endpoint'
import { createLinkPayments, mcpStatsKey } from './links'
import { createMcpPaymentServer } from './mpp'
import { createMcpX402 } from './x402'

export { mcpTools } from './tools'
export { mcpStatsKey }

/** devnet's MCP server (`/mcp`) and the payment page its links point to (`/mcp/pay/:id`). */
export function createMcpRoutes(deps: {
  node: LightningNode
  ledger: CreditsLedger
  stats: Stats
  config: ConfigStore
  /** devnet's HTTP payment server; its evm/charge (when the chain runs) pays the x402 tool. */
  payments?: PaymentServer | undefined
}) {
  let origin = 'http://127.0.0.1:8402'
  const links = createLinkPayments({ stats: deps.stats, baseUrl: () => origin })
  const endpoint = createMcpEndpoint({ links, mpp: createMcpPaymentServer(deps), x402: createMcpX402(deps) })

  /** Answers `/mcp` and `/mcp/pay/:id`; undefined for any other path. */
  return function route(request: Request, pathname: string): Promise<Response> | Response | undefined {
    if (pathname === '/mcp') {
      // Links point back at the address the client reached devnet on (always loopback).
      origin = new URL(request.url).origin
      return endpoint(request)
    }
    const payment = /^\/mcp\/pay\/([A-Za-z0-9_]+)$/.exec(pathname)?.[1]
    if (payment && (request.method === 'GET' || request.method === 'POST')) return links.handle(request, payment)
    return undefined
  }
}

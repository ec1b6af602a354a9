import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'
import { servingRoute } from '../evm/server'
import type { PaymentServer } from '../payments'
import type { ConfigStore } from '../config'
import type { Stats } from '../stats'
import { mcpStatsKey } from './links'

const tool = 'x402_quote'
const description = 'A market quote, paid with x402 over MCP'
const x402PaymentMetaKey = 'x402/payment'
const x402ResponseMetaKey = 'x402/payment-response'

/**
 * x402 over MCP (x402 `specs/transports-v2/mcp.md`): the demand is an `isError` result whose
 * `structuredContent` is the PaymentRequired object; the payment comes back as an object in
 * `_meta["x402/payment"]` and the settlement leaves in the result's `_meta["x402/payment-response"]`.
 * With devnet's chain running, mppx's evm/charge issues and settles it (TestUSD really moves);
 * without one the tool still answers with a demand nobody can pay.
 */
export function createMcpX402({ payments, stats, config }: { payments?: PaymentServer | undefined; stats: Stats; config: ConfigStore }) {
  const key = mcpStatsKey(tool)
  const handler = (payments as unknown as Record<string, ((options: object) => (r: Request) => Promise<PaidResult>) | undefined> | undefined)?.['evm/charge']

  return async function quote(extra: { _meta?: Record<string, unknown> }): Promise<CallToolResult> {
    if (!handler) return demand(offlineDemand)
    const payment = extra._meta?.[x402PaymentMetaKey]
    const headers = new Headers()
    if (payment !== undefined) headers.set('PAYMENT-SIGNATURE', encodeBase64(JSON.stringify(payment)))
    const request = new Request(`http://devnet.mcp/${tool}`, { headers })
    const result = await servingRoute(key, () => handler({ amount: '0.02', description, expires: config.expiresAt() })(request))
    if (result.status === 402) {
      const header = result.challenge.headers.get('PAYMENT-REQUIRED')
      if (!header) throw new Error('evm/charge sent no PAYMENT-REQUIRED header')
      stats.challenge(key, 'evm')
      return demand(JSON.parse(decodeBase64(header)) as Record<string, unknown>)
    }
    const settled = result.withReceipt(new Response('{}')).headers.get('PAYMENT-RESPONSE')
    stats.accepted(key, 'evm')
    return {
      content: [{ type: 'text', text: `TUSD/USD bid 0.9998, ask 1.0002 at ${new Date().toISOString()}` }],
      _meta: settled ? { [x402ResponseMetaKey]: JSON.parse(decodeBase64(settled)) } : {},
    }
  }
}

type PaidResult = { status: 402; challenge: Response } | { status: 200; withReceipt(response: Response): Response }

const demand = (paymentRequired: Record<string, unknown>): CallToolResult => ({
  isError: true,
  structuredContent: paymentRequired,
  content: [{ type: 'text', text: JSON.stringify(paymentRequired) }],
})

/** Without a chain: a well-formed demand for a token on a chain that is not running. */
const offlineDemand = {
  x402Version: 2,
  error: 'payment required',
  resource: { url: `mcp://devnet/${tool}`, description, mimeType: 'application/json' },
  accepts: [
    { scheme: 'exact', network: 'eip155:31337', amount: '10000', asset: '0x5FbDB2315678afecb367f032d93F642f64180aa3', payTo: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', maxTimeoutSeconds: 60, extra: { name: 'TestUSD', version: '1' } },
  ],
}

const encodeBase64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')
const decodeBase64 = (text: string) => Buffer.from(text, 'base64').toString('utf8')

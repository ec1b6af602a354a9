import { Transport as McpTransport } from 'mppx/mcp-sdk/server'
import { Mppx } from 'mppx/server'
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'
import type { ConfigStore } from '../config'
import type { CreditsLedger } from '../credits/ledger'
import { creditsChargeServer } from '../credits/server'
import { lightningChargeServer } from '../lightning/method'
import type { LightningNode } from '../lightning/node'
import { devnetSecretKey, realm } from '../payments'
import type { Stats } from '../stats'
import { mcpStatsKey } from './links'

const forecastTool = 'premium_forecast'
const description = 'A 3-day forecast from the mppkit devnet'

/**
 * MPP over MCP with mppx's own MCP SDK transport: the challenge is the McpError mppx builds
 * (-32042, or -32043 with a fresh challenge after a refused credential), the credential arrives in
 * `_meta["org.paymentauth/credential"]` and the receipt leaves in the result's `_meta`.
 */
export function createMcpPaymentServer(deps: { node: LightningNode; ledger: CreditsLedger; stats: Stats; config: ConfigStore }) {
  // mppx's transport captures every MCP call as `mcp://request/sdk`; naming the tool instead lets
  // invoices and settlements be counted under the tool that asked for them.
  const sdk = McpTransport.mcpSdk()
  const transport = {
    ...sdk,
    captureRequest: (input: ToolInput) => ({ ...sdk.captureRequest!(input as never), method: 'MCP', url: new URL(`mcp://devnet/${input.tool}`) }),
  } as typeof sdk
  const mppx = Mppx.create({
    realm,
    secretKey: devnetSecretKey,
    transport,
    methods: [
      lightningChargeServer({ node: deps.node, ttlSeconds: () => deps.config.get().challengeTtlSeconds, memoFor: () => description }),
      creditsChargeServer({ ledger: deps.ledger, stats: deps.stats }),
    ],
  })
  const key = mcpStatsKey(forecastTool)

  return {
    async forecast(args: Record<string, unknown>, extra: { _meta?: Record<string, unknown> }): Promise<CallToolResult> {
      const offer = (amount: number) => ({ amount: String(amount), description, expires: deps.config.expiresAt(), scope: key })
      const input: ToolInput = { _meta: extra._meta, tool: forecastTool }
      const result = await mppx.compose(['lightning/charge', offer(100)], ['credits/charge', offer(5)])(input as never)
      if (result.status === 402) {
        const challenge = result.challenge as unknown as Error & { data?: { challenges?: { method: string }[] } }
        for (const c of challenge.data?.challenges ?? []) deps.stats.challenge(key, c.method)
        throw challenge
      }
      const city = typeof args.city === 'string' && args.city ? args.city.slice(0, 60) : 'Zermatt'
      const paid = result.withReceipt({ content: [{ type: 'text', text: `${city}: sunny 21°C, cloudy 17°C, snow showers 9°C.` }] }) as CallToolResult
      const receipt = paid._meta?.['org.paymentauth/receipt'] as { method?: string } | undefined
      deps.stats.accepted(key, receipt?.method ?? 'unknown')
      return paid
    },
  }
}

type ToolInput = { _meta?: Record<string, unknown> | undefined; tool: string }

export type McpPaymentServer = ReturnType<typeof createMcpPaymentServer>

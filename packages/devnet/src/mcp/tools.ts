import { randomUUID } from 'node:crypto'
import { ElicitResultSchema, McpError, type CallToolResult, type Tool } from '@modelcontextprotocol/sdk/types.js'
import { mcpStatsKey, type LinkPayment, type LinkPayments } from './links'
import type { McpPaymentServer } from './mpp'

/**
 * devnet's paid MCP tools: one priced through mppx's MCP transport (every MPP rail devnet has),
 * and one per PayMCP mode (TWO_STEP, RESUBMIT, ELICITATION, PROGRESS), one behind URL-mode
 * elicitation, and one that answers with x402 over MCP. The PayMCP shapes follow PayMCP 0.8
 * (Python/TS) as recorded in research/handoff-protocols.md; the code is devnet's own.
 */
export const mcpTools = {
  forecast: 'premium_forecast',
  twoStep: 'report_two_step',
  twoStepConfirm: 'confirm_report_two_step_payment',
  resubmit: 'report_resubmit',
  elicitation: 'report_elicitation',
  progress: 'report_progress',
  url: 'report_url_elicitation',
  x402: 'x402_quote',
} as const

/** PayMCP's `_meta.price` (TS shape): a decimal in the major unit. The server's claim. */
const reportPrice = { amount: 0.5, currency: 'USD' } as const
const reportPriceText = { amount: '0.50', currency: 'USD' }
export const forecastPrice = { lightningSats: 100, credits: 5 } as const

/** What a tool handler gets from the SDK (the request's `_meta` added). */
type Extra = {
  signal: AbortSignal
  _meta?: Record<string, unknown> & { progressToken?: string | number }
  sendNotification: (notification: { method: string; params?: Record<string, unknown> }) => Promise<void>
  sendRequest: (request: { method: string; params?: Record<string, unknown> }, schema: typeof ElicitResultSchema, options?: { signal?: AbortSignal; timeout?: number }) => Promise<{ action: string }>
}

export type ToolDeps = {
  links: LinkPayments
  mpp: McpPaymentServer
  /** For URL-mode elicitation: does this session's client accept URL elicitations? */
  clientAcceptsUrl: () => boolean
  /** x402 over MCP (see x402.ts). */
  x402: (extra: { _meta?: Record<string, unknown> }) => Promise<CallToolResult>
  pollMs?: number
}

const topicSchema = { type: 'object', properties: { topic: { type: 'string', description: 'What the report is about' } } } as const

export function listTools(): Tool[] {
  return [
    {
      name: mcpTools.forecast,
      description: `A 3-day forecast for a city. Paid per call with MPP over MCP (${forecastPrice.lightningSats} sats Lightning or ${forecastPrice.credits} credits).`,
      inputSchema: { type: 'object', properties: { city: { type: 'string' } } },
    },
    { name: mcpTools.twoStep, description: 'A market report (PayMCP TWO_STEP).', inputSchema: topicSchema },
    {
      name: mcpTools.twoStepConfirm,
      description: `Confirms payment and returns the ${mcpTools.twoStep} result.`,
      inputSchema: { type: 'object', properties: { payment_id: { type: 'string' } }, required: ['payment_id'] },
      _meta: { price: reportPrice },
    },
    {
      name: mcpTools.resubmit,
      description: 'A market report (PayMCP RESUBMIT). Call again with payment_id after paying.',
      inputSchema: { type: 'object', properties: { ...topicSchema.properties, payment_id: { type: 'string' } } },
      _meta: { price: reportPrice },
    },
    { name: mcpTools.elicitation, description: 'A market report (PayMCP ELICITATION).', inputSchema: topicSchema, _meta: { price: reportPrice } },
    { name: mcpTools.progress, description: 'A market report (PayMCP PROGRESS).', inputSchema: topicSchema, _meta: { price: reportPrice } },
    { name: mcpTools.url, description: 'A market report paid on a page opened through URL-mode elicitation.', inputSchema: topicSchema, _meta: { price: reportPrice } },
    { name: mcpTools.x402, description: 'A price quote paid with x402 over MCP (TestUSD on the devnet chain).', inputSchema: { type: 'object', properties: { symbol: { type: 'string' } } } },
  ]
}

const report = (topic: unknown, payment: LinkPayment): CallToolResult & { annotations: unknown } => ({
  content: [{ type: 'text', text: `Report on ${typeof topic === 'string' && topic ? topic.slice(0, 80) : 'the market'}: demand is up 12% week over week; supply is flat.` }],
  // PayMCP TS marks a paid result like this.
  annotations: { payment: { status: 'paid', payment_id: payment.id } },
})
const text = (value: string, extra: Record<string, unknown> = {}): CallToolResult => ({ content: [{ type: 'text', text: value }], ...extra })

export async function callTool(name: string, args: Record<string, unknown>, extra: Extra, deps: ToolDeps): Promise<CallToolResult> {
  const { links } = deps
  const pollMs = deps.pollMs ?? 200
  const openLinkMessage = (payment: LinkPayment) => `To continue, please pay ${payment.amount} ${payment.currency} at:\n${links.urlFor(payment)}`

  switch (name) {
    case mcpTools.forecast:
      return deps.mpp.forecast(args, extra)

    case mcpTools.twoStep: {
      const payment = links.create(name, 'paymcp', reportPriceText)
      pendingArgs.set(payment.id, args)
      const body = { message: openLinkMessage(payment), payment_url: links.urlFor(payment), payment_id: payment.id, next_step: mcpTools.twoStepConfirm }
      return text(JSON.stringify(body))
    }
    case mcpTools.twoStepConfirm: {
      const payment = links.get(args.payment_id)
      if (!payment || payment.tool !== mcpTools.twoStep || payment.status === 'delivered') return text('Unknown or expired payment_id.', { isError: true })
      if (payment.status !== 'paid') return text("Payment status is pending, expected 'paid'.", { isError: true })
      links.deliver(payment)
      return report(pendingArgs.get(payment.id)?.topic, payment)
    }

    case mcpTools.resubmit: {
      if (args.payment_id === undefined) {
        const payment = links.create(name, 'paymcp', reportPriceText)
        return text(
          `Payment required to execute this tool.\nFollow the link to complete payment and retry with payment_id.\n\nPayment link: ${links.urlFor(payment)}\nPayment ID: ${payment.id}`,
          { isError: true },
        )
      }
      const payment = links.get(args.payment_id)
      if (!payment || payment.tool !== name || payment.status === 'delivered') return text('Unknown or expired payment_id.', { isError: true })
      if (payment.status !== 'paid') return text(`Payment is not confirmed yet.\nAsk user to complete payment and retry.\nPayment ID: ${payment.id}`, { isError: true })
      links.deliver(payment)
      return report(args.topic, payment)
    }

    case mcpTools.elicitation: {
      const payment = links.create(name, 'paymcp', reportPriceText)
      for (let attempt = 0; attempt < 5; attempt++) {
        const answer = await extra.sendRequest(
          {
            method: 'elicitation/create',
            params: {
              message: openLinkMessage(payment),
              elicitationId: randomUUID(),
              paymentId: payment.id,
              paymentUrl: links.urlFor(payment),
              requestedSchema: { type: 'object', properties: {}, required: [] },
            },
          },
          ElicitResultSchema,
          { signal: extra.signal, timeout: 15 * 60_000 },
        )
        if (answer.action !== 'accept') return text('Payment canceled by user.', { status: 'canceled', payment_url: links.urlFor(payment) })
        if (payment.status === 'paid') {
          links.deliver(payment)
          return report(args.topic, payment)
        }
      }
      return text(JSON.stringify({ status: 'pending', message: 'Payment not yet received. Open the link and try again.', payment_id: payment.id, payment_url: links.urlFor(payment), next_step: name }))
    }

    case mcpTools.progress: {
      const token = extra._meta?.progressToken
      if (token === undefined) return text('This tool reports its payment link through progress notifications; call it with a progressToken.', { isError: true })
      const payment = links.create(name, 'paymcp', reportPriceText)
      const started = Date.now()
      let message = openLinkMessage(payment)
      for (let tick = 0; payment.status === 'pending'; tick++) {
        if (extra.signal.aborted) return text('Cancelled.', { isError: true })
        if (Date.now() - started > 15 * 60_000) return text('Payment timed out.', { isError: true })
        if (tick % 5 === 0) await extra.sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress: Math.min(tick, 99), total: 100, message } })
        message = `Waiting for payment… (${Math.round((Date.now() - started) / 1000)}s elapsed):\n ${links.urlFor(payment)}`
        await sleep(pollMs, extra.signal)
      }
      await extra.sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress: 100, total: 100, message: 'Payment received — running tool…' } })
      links.deliver(payment)
      return report(args.topic, payment)
    }

    case mcpTools.url: {
      if (!deps.clientAcceptsUrl()) return text('This client does not accept URL-mode elicitation.', { isError: true })
      const payment = links.create(name, 'url-elicitation', reportPriceText)
      const elicitationId = randomUUID()
      const answer = await extra.sendRequest(
        { method: 'elicitation/create', params: { mode: 'url', elicitationId, url: links.urlFor(payment), message: `Pay ${payment.amount} ${payment.currency} to run ${name}.` } },
        ElicitResultSchema,
        { signal: extra.signal, timeout: 15 * 60_000 },
      )
      if (answer.action !== 'accept') return text('The payment was declined.', { isError: true })
      // Consent is not completion: wait until the page is paid, then say so and answer.
      while (payment.status === 'pending') {
        if (extra.signal.aborted) return text('Cancelled.', { isError: true })
        await sleep(pollMs, extra.signal)
      }
      await extra.sendNotification({ method: 'notifications/elicitation/complete', params: { elicitationId } })
      links.deliver(payment)
      return report(args.topic, payment)
    }

    case mcpTools.x402:
      return deps.x402(extra)
  }
  throw new McpError(-32602, `Tool ${name} not found`)
}

const pendingArgs = new Map<string, Record<string, unknown>>()

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true })
  })
}

export { mcpStatsKey }

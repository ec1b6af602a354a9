import { randomUUID } from 'node:crypto'
import { text } from '../http'
import type { Stats } from '../stats'

/**
 * Payment links for the PayMCP-shaped tools and URL-mode elicitation: a payment id, a page that
 * "pays" it (fake money, and the page says so) and the status the tools poll. A minimal stand-in
 * for a hosted checkout such as Stripe Checkout.
 */
export type LinkPayment = {
  readonly id: string
  readonly tool: string
  readonly rail: 'paymcp' | 'url-elicitation'
  /** Decimal in the major unit, as PayMCP prices are ("0.50"). */
  readonly amount: string
  readonly currency: string
  status: 'pending' | 'paid' | 'delivered'
}

export const mcpStatsKey = (tool: string) => `MCP /${tool}`

export function createLinkPayments({ stats, baseUrl }: { stats: Stats; baseUrl: () => string }) {
  const payments = new Map<string, LinkPayment>()

  return {
    create(tool: string, rail: LinkPayment['rail'], price: { amount: string; currency: string }): LinkPayment {
      const payment: LinkPayment = { id: `pay_${randomUUID().replaceAll('-', '')}`, tool, rail, ...price, status: 'pending' }
      payments.set(payment.id, payment)
      stats.challenge(mcpStatsKey(tool), rail)
      return payment
    },
    urlFor: (payment: LinkPayment) => `${baseUrl()}/mcp/pay/${payment.id}`,
    get: (id: unknown) => (typeof id === 'string' ? payments.get(id) : undefined),
    /** The tool ran for this payment: counted once, and the id cannot be used again. */
    deliver(payment: LinkPayment) {
      if (payment.status !== 'paid') return false
      payment.status = 'delivered'
      stats.accepted(mcpStatsKey(payment.tool), payment.rail)
      return true
    },
    /** `GET /mcp/pay/:id` shows the page, `POST` pays. */
    handle(request: Request, id: string): Response {
      const payment = payments.get(id)
      if (!payment) return page('Unknown payment', '<p>This payment link is unknown or expired.</p>', 404)
      if (request.method === 'POST' && payment.status === 'pending') {
        payment.status = 'paid'
        stats.settled(mcpStatsKey(payment.tool), payment.rail)
      }
      if (payment.status !== 'pending')
        return page('Paid', `<p data-testid="paid">Paid ${escape(payment.amount)} ${escape(payment.currency)} for <code>${escape(payment.tool)}</code>.</p><p>You can close this tab and go back to the chat.</p>`)
      return page(
        'Pay',
        `<p>The tool <code>${escape(payment.tool)}</code> costs <strong>${escape(payment.amount)} ${escape(payment.currency)}</strong>.</p>
<form method="post"><button type="submit" data-testid="pay">Pay ${escape(payment.amount)} ${escape(payment.currency)} (fake)</button></form>`,
      )
    },
  }
}

export type LinkPayments = ReturnType<typeof createLinkPayments>

function page(title: string, body: string, status = 200): Response {
  return text(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title} · mppkit devnet</title>
<style>body{font:16px system-ui;max-width:32rem;margin:3rem auto;padding:0 1rem;color-scheme:light dark}.fake{background:#fde68a;color:#000;padding:.5rem;border-radius:.4rem}button{font:inherit;padding:.6rem 1rem}</style></head>
<body><p class="fake">mppkit devnet — a fake payment page. No real money moves.</p><h1>${title}</h1>${body}</body></html>`,
    'text/html; charset=utf-8',
    { status, headers: { 'Cache-Control': 'no-store' } },
  )
}

function escape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

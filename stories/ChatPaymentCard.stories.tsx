import '@mppkit/react/chat.css'
import { createMppKit } from '@mppkit/core'
import { createMcpPayments, type McpToolClient, type PaidToolCall, type PaidToolCallStatus } from '@mppkit/core/mcp'
import { ChatPaymentCard } from '@mppkit/react/chat'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { Challenge } from 'mppx'
import { expect, waitFor } from 'storybook/test'
import { Kit } from './support/env'
import { storyRails } from './support/rails'
import { createStoryServer, photoUrl } from './support/server'
import { until as checkoutUntil } from './support/scenes'
import { dark, mobile } from './support/story'

/**
 * The chat payment card in each state. An in-story MCP "server" (a scripted `callTool`) answers
 * like devnet's tools do; MPP over MCP is backed by the stories' paid API, so its challenges are
 * real mppx challenges and the credential is really verified.
 */
const server = 'tools.example.com'
const link = 'https://pay.example.com/c/pay_7f3a9c'
const report = { content: [{ type: 'text', text: 'Report on tea: demand is up 12% week over week.' }], annotations: { payment: { status: 'paid', payment_id: 'pay_7f3a9c' } } }
const twoStep = { content: [{ type: 'text', text: JSON.stringify({ message: `To continue, please pay 0.50 USD at:\n${link}`, payment_url: link, payment_id: 'pay_7f3a9c', next_step: 'confirm_report_payment' }) }] }
const tools = [{ name: 'report' }, { name: 'confirm_report_payment', _meta: { price: { amount: 0.5, currency: 'USD' } } }, { name: 'report_url', _meta: { price: { amount: 0.5, currency: 'USD' } } }]
const x402 = { x402Version: 2, resource: { url: 'mcp://tools.example.com/quote' }, accepts: [{ scheme: 'exact', network: 'eip155:8453', amount: '20000', asset: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913', payTo: '0x209693Bc6afc0C5328bA36FaF03C514EF312287C', extra: { name: 'USD Coin', version: '2' } }] }

async function mppChallenges() {
  const http = createStoryServer({ offers: [{ kind: 'lightning', sats: 100 }, { kind: 'credits', amount: '50' }] })
  const response = await http.fetch(photoUrl)
  return { http, challenges: response.headers.get('www-authenticate')!.split(/,\s*(?=Payment )/).map((h) => Challenge.deserialize(h)) }
}

type World = { kit: ReturnType<typeof createMppKit>; rails: ReturnType<typeof storyRails>; call: PaidToolCall }

async function world(tool: string, drive?: (call: PaidToolCall, w: Omit<World, 'call'>) => Promise<void>): Promise<World> {
  const { http, challenges } = await mppChallenges()
  const rails = storyRails(http.wallet)
  const kit = createMppKit({ rails })
  const client: McpToolClient = {
    async callTool(params) {
      if (params.name === 'premium_forecast') {
        const credential = params._meta?.['org.paymentauth/credential']
        if (!credential) throw Object.assign(new Error('Payment Required'), { code: -32042, data: { httpStatus: 402, challenges } })
        // The in-story server checks the Lightning preimage against the challenge's payment hash.
        const { challenge, payload } = credential as { challenge: { id: string; request: { methodDetails?: { paymentHash?: string } } }; payload: { preimage?: string } }
        const hash = challenge.request.methodDetails?.paymentHash
        if (!hash || (await sha256Hex(payload.preimage ?? '')) !== hash) throw Object.assign(new Error('Verification failed'), { code: -32043, data: { httpStatus: 402, challenges } })
        const receipt = { method: 'lightning', reference: hash, status: 'success', timestamp: '2026-03-14T09:26:53.000Z', challengeId: challenge.id }
        return { content: [{ type: 'text', text: 'Bern: sunny 21°C' }], _meta: { 'org.paymentauth/receipt': receipt } }
      }
      if (params.name === 'report') return twoStep
      if (params.name === 'confirm_report_payment') return report
      if (params.name === 'quote') return { isError: true, structuredContent: x402, content: [] }
      if (params.name === 'report_url') throw Object.assign(new Error('URL elicitation required'), { code: -32042, data: { elicitations: [{ mode: 'url', elicitationId: 'e1', url: link, message: 'Pay 0.50 USD to continue.' }] } })
      return { content: [{ type: 'text', text: 'free' }] }
    },
  }
  const payments = createMcpPayments({ client, server, endpoint: `https://${server}/mcp`, kit, tools })
  const call = payments.callTool(tool, {})
  await until(call, (s) => s !== 'running')
  await drive?.(call, { kit, rails })
  return { kit, rails, call }
}

async function sha256Hex(hex: string): Promise<string> {
  const bytes = Uint8Array.from(hex.match(/../g) ?? [], (b) => Number.parseInt(b, 16))
  return [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('')
}

function until(call: PaidToolCall, test: (s: PaidToolCallStatus) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (test(call.getState().status)) return resolve()
    const stop = call.subscribe(() => test(call.getState().status) && (stop(), resolve()))
  })
}

const story = (tool: string, status: PaidToolCallStatus, drive?: Parameters<typeof world>[1], extra: StoryObj = {}): StoryObj => ({
  loaders: [async () => ({ world: await world(tool, drive) })],
  render: (_args, { loaded }) => {
    const { kit, rails, call } = loaded.world as World
    return (
      <Kit kit={kit} rails={rails}>
        <div style={{ maxWidth: 480 }}>
          <ChatPaymentCard call={call} />
        </div>
      </Kit>
    )
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-mppkit-part="chat-card"]')).toHaveAttribute('data-state', status))
  },
  ...extra,
})

const meta = { title: 'Chat/ChatPaymentCard', component: ChatPaymentCard, tags: ['autodocs'] } satisfies Meta<typeof ChatPaymentCard>
export default meta

const approve = async (call: PaidToolCall) => call.approve()

export const MppAsking = story('premium_forecast', 'asking')
export const MppPaying = story('premium_forecast', 'paying', async (call) => {
  call.approve()
  await until(call, (s) => s === 'paying')
  const checkout = call.getState().checkout!
  await checkoutUntil(checkout, 'choosing')
  checkout.choose(checkout.getState().choices.find((c) => c.rail === 'lightning')!.offer.id)
})
export const MppPaid = story('premium_forecast', 'done', async (call) => {
  call.approve()
  await until(call, (s) => s === 'paying')
  const checkout = call.getState().checkout!
  await checkoutUntil(checkout, 'choosing')
  checkout.choose(checkout.getState().choices.find((c) => c.rail === 'lightning')!.offer.id)
  checkout.submit({ via: 'webln' })
  await until(call, (s) => s === 'done')
})
export const PayMcpAsking = story('report', 'asking')
export const PayMcpLink = story('report', 'waiting', approve)
export const PayMcpPaid = story('report', 'done', async (call) => {
  call.approve()
  call.confirmPaid()
  await until(call, (s) => s === 'done')
})
export const UrlElicitation = story('report_url', 'waiting', approve)
export const X402NoWalletRail = story('quote', 'asking')
export const Declined = story('report', 'declined', async (call) => call.decline())
export const DarkMppAsking = story('premium_forecast', 'asking', undefined, dark)
export const DarkPayMcpLink = story('report', 'waiting', approve, dark)
export const MobilePayMcpLink = story('report', 'waiting', approve, mobile)

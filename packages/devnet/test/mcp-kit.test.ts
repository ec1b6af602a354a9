import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js'
import { createPolicy, memoryReceiptStore } from '@mppkit/core'
import { lightningRailCore } from '@mppkit/core/lightning'
import { createMcpPayments, type PaidToolCall, type PaidToolCallStatus } from '@mppkit/core/mcp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDevnet, type RunningDevnet } from '../src'

// The kit's MCP controller against devnet's real MCP server: what the chat card drives.
let devnet: RunningDevnet
beforeAll(async () => {
  devnet = await startDevnet({ port: 0, evm: false })
})
afterAll(() => devnet?.close())

const stats = async () => (await (await fetch(`${devnet.url}/devnet/stats`)).json()) as { routes: Record<string, { challenges: number; accepted: Record<string, number>; settled: Record<string, number> }> }

async function setup() {
  const client = new Client({ name: 'test', version: '0' }, { capabilities: { elicitation: { form: {}, url: {} } } })
  await client.connect(new StreamableHTTPClientTransport(new URL(`${devnet.url}/mcp`)))
  const webln = {
    enable: async () => {},
    sendPayment: async (invoice: string) => (await (await fetch(`${devnet.url}/devnet/lightning/pay`, { method: 'POST', body: JSON.stringify({ invoice }) })).json()) as { preimage: string },
  }
  const payments = createMcpPayments({
    client: client as never,
    server: 'devnet',
    endpoint: `${devnet.url}/mcp`,
    kit: { rails: [lightningRailCore({ webln: () => webln })], policy: createPolicy(), receipts: memoryReceiptStore() },
    tools: (await client.listTools()).tools,
    allowLoopbackHttp: true,
  })
  client.setRequestHandler(ElicitRequestSchema, (request) => payments.handleElicitation(request.params) as never)
  return { client, payments }
}

const until = (call: PaidToolCall, status: PaidToolCallStatus) =>
  new Promise<void>((resolve, reject) => {
    const check = () => {
      const s = call.getState()
      if (s.status === status) return resolve()
      if (s.status === 'failed') reject(new Error(s.error))
    }
    call.subscribe(check)
    check()
  })

describe('createMcpPayments against devnet', () => {
  it('MPP: asks, pays nothing before approval, pays Lightning once, returns result and server receipt', async () => {
    const { client, payments } = await setup()
    const call = payments.callTool('premium_forecast', { city: 'Chur' })
    await until(call, 'asking')
    expect(call.getState().offers?.offers.map((o) => `${o.method}:${o.amount.value}`)).toEqual(['lightning:100', 'credits:5'])
    expect((await stats()).routes['MCP /premium_forecast']?.settled ?? {}).toEqual({})

    call.approve()
    await until(call, 'paying')
    const checkout = call.getState().checkout!
    await new Promise<void>((r) => (checkout.getState().status === 'choosing' ? r() : checkout.subscribe(() => checkout.getState().status === 'choosing' && r())))
    const lightning = checkout.getState().choices.find((c) => c.rail === 'lightning')!
    expect(checkout.getState().choices.find((c) => c.offer.method === 'credits')?.blocked).toBeTruthy() // no credits rail here
    checkout.choose(lightning.offer.id)
    checkout.submit({ via: 'webln' })
    checkout.submit({ via: 'webln' }) // a double click pays once
    const outcome = await call.outcome
    expect(outcome).toMatchObject({ status: 'done', receipt: { kind: 'mpp', method: 'lightning', fromServer: true, status: 'success' } })
    expect(JSON.stringify(outcome.status === 'done' && outcome.result)).toContain('Chur')
    const route = (await stats()).routes['MCP /premium_forecast']!
    expect(route.accepted).toEqual({ lightning: 1 })
    expect(route.settled).toEqual({ lightning: 1 })
    await client.close()
  })

  it('MPP: decline tells the caller "declined" and pays nothing', async () => {
    const { client, payments } = await setup()
    const before = (await stats()).routes['MCP /premium_forecast']?.settled ?? {}
    const call = payments.callTool('premium_forecast', {})
    await until(call, 'asking')
    call.decline()
    expect(await call.outcome).toEqual({ status: 'declined' })
    expect((await stats()).routes['MCP /premium_forecast']?.settled ?? {}).toEqual(before)
    await client.close()
  })

  it('PayMCP TWO_STEP, RESUBMIT, ELICITATION, PROGRESS and URL elicitation: link after approval, result after paying', async () => {
    const { client, payments } = await setup()
    for (const tool of ['report_two_step', 'report_resubmit', 'report_elicitation', 'report_progress', 'report_url_elicitation']) {
      const call = payments.callTool(tool, { topic: tool })
      await until(call, 'asking')
      const state = call.getState()
      expect(state.link, tool).toMatchObject({ ok: true, host: new URL(devnet.url).host })
      expect(call.getState().price?.money, tool).toEqual({ value: 50n, decimals: 2, currency: 'usd' })
      call.approve()
      await until(call, 'waiting')
      if (tool === 'report_two_step' || tool === 'report_resubmit') {
        call.confirmPaid() // too early: the server says pending, the card waits again
        await until(call, 'waiting')
        await new Promise((r) => setTimeout(r, 50))
        expect(call.getState().status, tool).toBe('waiting')
      }
      const href = (state.link as { href: string }).href
      await fetch(href, { method: 'POST' })
      if (tool !== 'report_progress' && tool !== 'report_url_elicitation') call.confirmPaid()
      const outcome = await call.outcome
      expect(outcome.status, tool).toBe('done')
      expect(JSON.stringify(outcome.status === 'done' && outcome.result), tool).toContain(`Report on ${tool}`)
      const route = (await stats()).routes[`MCP /${tool}`]!
      expect(route.accepted, tool).toEqual({ [tool === 'report_url_elicitation' ? 'url-elicitation' : 'paymcp']: 1 })
    }
    await client.close()
  })

  it('x402: shown, never paid without a wallet rail; decline', async () => {
    const { client, payments } = await setup()
    const call = payments.callTool('x402_quote', {})
    await until(call, 'asking')
    expect(call.getState().prompt?.kind).toBe('x402')
    call.approve() // no rail: nothing happens
    expect(call.getState().status).toBe('asking')
    call.decline()
    expect(await call.outcome).toEqual({ status: 'declined' })
    await client.close()
  })
})

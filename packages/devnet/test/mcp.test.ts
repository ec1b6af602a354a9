import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { ElicitRequestSchema, McpError } from '@modelcontextprotocol/sdk/types.js'
import { Credential, Method, z } from 'mppx'
import { Mppx, Transport } from 'mppx/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { creditsCharge, startDevnet, type RunningDevnet } from '../src'

let devnet: RunningDevnet
beforeAll(async () => {
  devnet = await startDevnet({ port: 0, evm: false })
})
afterAll(() => devnet?.close())

const stats = async () => (await (await fetch(`${devnet.url}/devnet/stats`)).json()) as { routes: Record<string, { challenges: number; accepted: Record<string, number>; settled: Record<string, number> }> }
const payPage = (url: string) => fetch(url, { method: 'POST' })

async function connect(onElicit?: (params: Record<string, unknown>) => Promise<{ action: 'accept' | 'decline' }>) {
  const client = new Client({ name: 'test', version: '0' }, { capabilities: { elicitation: { form: {}, url: {} } } })
  client.setRequestHandler(ElicitRequestSchema, async (request) => (onElicit ? onElicit(request.params as Record<string, unknown>) : { action: 'decline' }))
  await client.connect(new StreamableHTTPClientTransport(new URL(`${devnet.url}/mcp`)))
  return client
}
const textOf = (result: unknown) => ((result as { content: { text: string }[] }).content[0]!.text)

describe('devnet MCP server', () => {
  it('lists paid tools with PayMCP _meta.price', async () => {
    const client = await connect()
    const { tools } = await client.listTools()
    expect(tools.find((t) => t.name === 'report_resubmit')?._meta).toEqual({ price: { amount: 0.5, currency: 'USD' } })
    await client.close()
  })

  it('MPP over MCP: -32042 with lightning and credits challenges; a credits credential in _meta pays once', async () => {
    const client = await connect()
    const error = await client.callTool({ name: 'premium_forecast', arguments: { city: 'Bern' } }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(McpError)
    const { code, data } = error as McpError & { data: { challenges: { method: string; request: { amount: string } }[] } }
    expect(code).toBe(-32042)
    expect(data.challenges.map((c) => `${c.method}:${c.request.amount}`)).toEqual(['lightning:100', 'credits:5'])

    const mppx = Mppx.create({
      polyfill: false,
      transport: Transport.mcp(),
      methods: [Method.toClient(creditsCharge, { context: z.object({ account: z.string(), pin: z.string() }), createCredential: async ({ challenge, context }) => Credential.serialize({ challenge, payload: context }) })],
    })
    const rpcError = { jsonrpc: '2.0', id: 1, error: { code, message: 'Payment Required', data: { ...data, challenges: data.challenges.filter((c) => c.method === 'credits') } } }
    const payment = await (mppx as any).preparePayment(rpcError)
    const credential = await payment.createCredential({ account: 'demo', pin: '4242' })
    const retry = payment.setCredential({ method: 'tools/call', params: { name: 'premium_forecast', arguments: { city: 'Bern' } } }, credential)
    const result = await client.callTool(retry.params)
    expect(textOf(result)).toContain('Bern')
    expect(result._meta?.['org.paymentauth/receipt']).toMatchObject({ method: 'credits', status: 'success' })

    // The same credential again is refused with -32043 and a fresh challenge.
    const replay = await client.callTool(retry.params).catch((e: unknown) => e)
    expect((replay as McpError).code).toBe(-32043)
    expect((replay as McpError & { data: { challenges: unknown[] } }).data.challenges.length).toBeGreaterThan(0)
    const route = (await stats()).routes['MCP /premium_forecast']!
    expect(route.accepted).toEqual({ credits: 1 })
    expect(route.settled).toEqual({ credits: 1 })
    await client.close()
  })

  it('PayMCP TWO_STEP: link, confirm before paying is pending, confirm after pays once', async () => {
    const client = await connect()
    const first = JSON.parse(textOf(await client.callTool({ name: 'report_two_step', arguments: { topic: 'tea' } })))
    expect(first).toMatchObject({ payment_url: expect.stringContaining('/mcp/pay/'), payment_id: expect.any(String), next_step: 'confirm_report_two_step_payment' })
    const early = await client.callTool({ name: first.next_step, arguments: { payment_id: first.payment_id } })
    expect(textOf(early)).toMatch(/pending/)
    expect((await payPage(first.payment_url)).status).toBe(200)
    const paid = await client.callTool({ name: first.next_step, arguments: { payment_id: first.payment_id } })
    expect(textOf(paid)).toContain('Report on tea')
    const again = await client.callTool({ name: first.next_step, arguments: { payment_id: first.payment_id } })
    expect(textOf(again)).toBe('Unknown or expired payment_id.')
    expect((await stats()).routes['MCP /report_two_step']).toEqual({ challenges: 1, accepted: { paymcp: 1 }, settled: { paymcp: 1 } })
    await client.close()
  })

  it('PayMCP RESUBMIT: isError text with the link; the same tool with payment_id answers', async () => {
    const client = await connect()
    const first = await client.callTool({ name: 'report_resubmit', arguments: { topic: 'salt' } })
    expect(first.isError).toBe(true)
    const [, url, id] = /Payment link: (\S+)\nPayment ID: (\S+)/.exec(textOf(first))!
    await payPage(url!)
    const paid = await client.callTool({ name: 'report_resubmit', arguments: { topic: 'salt', payment_id: id } })
    expect(textOf(paid)).toContain('Report on salt')
    await client.close()
  })

  it('PayMCP ELICITATION: an empty form whose message carries the link; accept after paying', async () => {
    const seen: Record<string, unknown>[] = []
    const client = await connect(async (params) => {
      seen.push(params)
      await payPage(/https?:\/\/\S+/.exec(String(params.message))![0])
      return { action: 'accept' }
    })
    const result = await client.callTool({ name: 'report_elicitation', arguments: { topic: 'oil' } })
    expect(textOf(result)).toContain('Report on oil')
    expect(seen).toHaveLength(1)
    expect(seen[0]!.requestedSchema).toEqual({ type: 'object', properties: {}, required: [] })
    await client.close()
  })

  it('PayMCP PROGRESS: the link arrives in progress messages; the call answers once paid', async () => {
    const client = await connect()
    let paying: Promise<unknown> | undefined
    const result = await client.callTool({ name: 'report_progress', arguments: { topic: 'gold' } }, undefined, {
      onprogress: ({ message }) => {
        const url = message && /https?:\/\/\S+/.exec(message)?.[0]
        if (url && !paying) paying = payPage(url)
      },
    })
    expect(textOf(result)).toContain('Report on gold')
    await client.close()
  })

  it('URL-mode elicitation: consent, pay on the page, then the result', async () => {
    const client = await connect(async (params) => {
      expect(params.mode).toBe('url')
      setTimeout(() => void payPage(String(params.url)), 50)
      return { action: 'accept' }
    })
    const result = await client.callTool({ name: 'report_url_elicitation', arguments: { topic: 'tin' } })
    expect(textOf(result)).toContain('Report on tin')
    await client.close()
  })

  it('x402 over MCP: isError with structuredContent x402Version + accepts', async () => {
    const client = await connect()
    const result = await client.callTool({ name: 'x402_quote', arguments: {} })
    expect(result.isError).toBe(true)
    expect(result.structuredContent).toMatchObject({ x402Version: 2, accepts: [expect.objectContaining({ scheme: 'exact', amount: '10000' })] })
    await client.close()
  })
})

import type { McpPayments } from './call'
import type { McpToolClient } from './mpp'

/**
 * Connects the official MCP SDK client to a Streamable HTTP endpoint, declaring form and URL
 * elicitation so PayMCP and URL-mode payment prompts reach the cards. The SDK is an optional peer
 * dependency, loaded only here.
 */
export async function connectMcp(options: { url: string; name?: string; version?: string }): Promise<{
  client: McpToolClient & { close(): Promise<void> }
  tools: { name: string; description?: string; _meta?: unknown }[]
  /** Routes the server's elicitation requests to the calls' payment cards. */
  answerElicitationsWith(payments: McpPayments): void
}> {
  const [{ Client }, { StreamableHTTPClientTransport }, { ElicitRequestSchema }] = await Promise.all([
    import('@modelcontextprotocol/sdk/client/index.js'),
    import('@modelcontextprotocol/sdk/client/streamableHttp.js'),
    import('@modelcontextprotocol/sdk/types.js'),
  ])
  const client = new Client({ name: options.name ?? 'mppkit', version: options.version ?? '0.1.0' }, { capabilities: { elicitation: { form: {}, url: {} } } })
  await client.connect(new StreamableHTTPClientTransport(new URL(options.url)))
  const { tools } = await client.listTools()
  return {
    client: client as unknown as McpToolClient & { close(): Promise<void> },
    tools,
    answerElicitationsWith(payments) {
      client.setRequestHandler(ElicitRequestSchema, async (request) => (await payments.handleElicitation(request.params)) as never)
    },
  }
}

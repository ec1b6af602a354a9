import { randomUUID } from 'node:crypto'
import { Server } from '@modelcontextprotocol/sdk/server/index.js'
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js'
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js'
import { jsonError } from '../http'
import type { LinkPayments } from './links'
import type { McpPaymentServer } from './mpp'
import { callTool, listTools, type ToolDeps } from './tools'

/**
 * `POST /mcp` (and `GET`/`DELETE` for a session's stream): the official MCP SDK's Streamable HTTP
 * transport, one server per session so elicitation answers reach the call that asked.
 */
export function createMcpEndpoint(deps: { links: LinkPayments; mpp: McpPaymentServer; x402: ToolDeps['x402']; pollMs?: number }) {
  const sessions = new Map<string, WebStandardStreamableHTTPServerTransport>()

  function newSession(): WebStandardStreamableHTTPServerTransport {
    const server = new Server({ name: 'mppkit-devnet', version: '0.1.0' }, { capabilities: { tools: {} } })
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => void sessions.set(id, transport),
      onsessionclosed: (id) => void sessions.delete(id),
    })
    server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: listTools() }))
    server.setRequestHandler(CallToolRequestSchema, (request, extra) =>
      callTool(request.params.name, (request.params.arguments ?? {}) as Record<string, unknown>, { ...extra, _meta: request.params._meta } as never, {
        links: deps.links,
        mpp: deps.mpp,
        x402: deps.x402,
        clientAcceptsUrl: () => !!server.getClientCapabilities()?.elicitation?.url,
        pollMs: deps.pollMs,
      }),
    )
    void server.connect(transport)
    return transport
  }

  return async function handle(request: Request): Promise<Response> {
    const sessionId = request.headers.get('mcp-session-id')
    if (sessionId) {
      const transport = sessions.get(sessionId)
      if (!transport) return jsonError(404, 'unknown or closed MCP session', { code: 'unknown_session' })
      return transport.handleRequest(request)
    }
    if (request.method !== 'POST') return jsonError(400, 'start a session with an initialize request', { code: 'no_session' })
    const transport = newSession()
    // server.connect is synchronous up to transport.start(); give it a turn before the first request.
    await Promise.resolve()
    return transport.handleRequest(request)
  }
}

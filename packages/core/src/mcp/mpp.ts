import { Challenge, Receipt } from 'mppx'
import { Mppx, Transport } from 'mppx/client'
import type { CheckoutDeps, PaymentPreparer } from '../checkout/checkout'
import { readPaymentRequired } from '../offers/detect'
import type { PaymentRequired } from '../offers/offer'
import type { Rail } from '../rail'
import { credentialMetaKey, detectMcpError, detectMcpResult, receiptMetaKey, x402PaymentMetaKey, type McpChallenge, type X402PaymentRequired } from './detect'

/** x402 over MCP answers a settled payment in the result's `_meta` under this key. */
export const x402ResponseMetaKey = 'x402/payment-response'

/**
 * MPP over MCP reuses the HTTP checkout (offers, policy, rails, the machine) unchanged: the MCP
 * challenges become a 402 the checkout reads, and the checkout's "paid retry" becomes the same
 * `tools/call` with `_meta["org.paymentauth/credential"]`, attached by mppx's MCP transport.
 */

/** The challenges as the 402 an HTTP server would have sent (one `Payment` challenge each). */
export function challengesAs402(challenges: readonly McpChallenge[], problem?: unknown): Response {
  const headers = new Headers()
  for (const challenge of challenges) {
    try {
      headers.append('www-authenticate', Challenge.serialize(challenge as unknown as Challenge.Challenge))
    } catch {
      // A challenge mppx cannot serialize cannot be paid; the others still can.
    }
  }
  const hasProblem = typeof problem === 'object' && problem !== null
  if (hasProblem) headers.set('content-type', 'application/problem+json')
  return new Response(hasProblem ? JSON.stringify(problem) : null, { status: 402, headers })
}

/** An x402-over-MCP demand as the x402 v2 402 an HTTP server would have sent. */
export function x402As402(paymentRequired: X402PaymentRequired): Response {
  return new Response(null, { status: 402, headers: { 'payment-required': encodeBase64(JSON.stringify(paymentRequired)) } })
}

export async function readMcpOffers(challenges: readonly McpChallenge[], problem?: unknown): Promise<PaymentRequired> {
  return readPaymentRequired(challengesAs402(challenges, problem))
}

/** The slice of the MCP SDK's `Client` a paid call uses. */
export type McpToolClient = {
  callTool(
    params: { name: string; arguments?: Record<string, unknown>; _meta?: Record<string, unknown> },
    resultSchema?: undefined,
    options?: { signal?: AbortSignal; timeout?: number; resetTimeoutOnProgress?: boolean; onprogress?: (progress: { progress: number; total?: number; message?: string }) => void },
  ): Promise<unknown>
}

export type ToolCallParams = { readonly name: string; readonly arguments: Record<string, unknown> }

/**
 * Checkout dependencies whose "fetch" is the MCP tool call. `onResult` receives the paid call's
 * result (the checkout itself only sees a Response).
 */
export function mcpCheckoutDeps(options: {
  client: McpToolClient
  rails: readonly Rail[]
  policy: CheckoutDeps['policy']
  receipts: CheckoutDeps['receipts']
  timeoutMs?: number
  onResult: (result: Record<string, unknown>) => void
}): CheckoutDeps {
  const methods = options.rails.flatMap((r) => r.methods ?? [])
  const mcpMppx = Mppx.create({ polyfill: false, transport: Transport.mcp(), methods })
  // x402 has no MCP transport in mppx: its HTTP transport builds the PAYMENT-SIGNATURE, and the
  // call below moves that payload (decoded, as an object) to `_meta["x402/payment"]`.
  const httpMppx = Mppx.create({ polyfill: false, acceptPaymentPolicy: 'never', methods })

  const preparer: PaymentPreparer = {
    async preparePayment(response, { request }) {
      if (response.headers.has('payment-required')) return httpMppx.preparePayment(response, { request }) as ReturnType<PaymentPreparer['preparePayment']>
      const challenge = Challenge.deserialize(response.headers.get('www-authenticate') ?? '')
      const error = { jsonrpc: '2.0', id: 0, error: { code: -32042, message: 'Payment Required', data: { httpStatus: 402, challenges: [challenge] } } }
      const prepared = await (mcpMppx as unknown as PreparesMcp).preparePayment(error)
      return {
        createCredential: (context?: unknown) => prepared.createCredential(context),
        setCredential(init, credential) {
          const params = JSON.parse(String(init.body)) as ToolCallParams
          const withCredential = prepared.setCredential({ method: 'tools/call', params }, credential)
          return { ...init, body: JSON.stringify(withCredential.params) }
        },
      }
    },
  }

  async function callAsFetch(_url: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const params = JSON.parse(String(init?.body ?? '{}')) as ToolCallParams & { _meta?: Record<string, unknown> }
    const x402Payment = new Headers(init?.headers).get('payment-signature')
    if (x402Payment) params._meta = { ...params._meta, [x402PaymentMetaKey]: JSON.parse(decodeBase64(x402Payment)) }
    try {
      const result = (await options.client.callTool(params, undefined, { signal: init?.signal ?? undefined, timeout: options.timeoutMs })) as Record<string, unknown>
      const demand = detectMcpResult(result)
      if (demand?.kind === 'x402') return x402As402(demand.paymentRequired) // refused, with what it still wants
      const headers = new Headers({ 'content-type': 'application/json' })
      const settlement = result._meta && typeof result._meta === 'object' ? (result._meta as Record<string, unknown>)[x402ResponseMetaKey] : undefined
      if (settlement && typeof settlement === 'object') headers.set('payment-response', encodeBase64(JSON.stringify(settlement)))
      const receipt = readMcpReceipt(result)
      if (receipt) {
        try {
          headers.set('payment-receipt', Receipt.serialize(receipt as unknown as Receipt.Receipt))
        } catch {
          // An unreadable receipt is shown as "not from the server", never invented.
        }
      }
      if (params._meta?.[credentialMetaKey] !== undefined || x402Payment) options.onResult(result)
      return new Response(JSON.stringify(result), { status: 200, headers })
    } catch (error) {
      const prompt = detectMcpError(error)
      if (prompt?.kind === 'mpp') return challengesAs402(prompt.challenges, prompt.problem)
      if (isJsonRpcError(error)) return new Response(JSON.stringify({ message: error.message }), { status: 500 })
      throw error // no answer: the checkout treats it as "you may have paid"
    }
  }

  return { rails: options.rails, policy: options.policy, receipts: options.receipts, mppx: preparer, fetch: callAsFetch as typeof fetch, timeoutMs: options.timeoutMs ?? 60_000 }
}

type PreparesMcp = {
  preparePayment(response: unknown): Promise<{
    createCredential(context?: unknown): Promise<string>
    setCredential(request: { method: string; params: ToolCallParams }, credential: string): { params: Record<string, unknown> }
  }>
}

/** The receipt in a paid result's `_meta`, if the server sent one. */
export function readMcpReceipt(result: unknown): Readonly<Record<string, unknown>> | undefined {
  const meta = (result as { _meta?: unknown } | null)?._meta
  const receipt = typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>)[receiptMetaKey] : undefined
  return typeof receipt === 'object' && receipt !== null ? (receipt as Record<string, unknown>) : undefined
}

function isJsonRpcError(error: unknown): error is { code: number; message: string } {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'number'
}


function encodeBase64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)))
}
function decodeBase64(text: string): string {
  return new TextDecoder().decode(Uint8Array.from(atob(text.trim()), (c) => c.charCodeAt(0)))
}

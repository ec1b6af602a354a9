/**
 * Recognizes payment prompts in what an MCP server sends: JSON-RPC errors, tool results,
 * elicitation requests and progress notifications. Every prompt is recognized from the shape of
 * its data, never from an error code alone (-32042 means both "payment required" in MPP and
 * "URL elicitation required" in MCP 2025-11-25), and nothing here reads model-written text.
 */

/** An MPP challenge as MPP-over-MCP sends it (`request` is a plain object, not base64). */
export type McpChallenge = {
  readonly id: string
  readonly realm?: string
  readonly method: string
  readonly intent: string
  readonly request: Readonly<Record<string, unknown>>
  readonly expires?: string
  readonly description?: string
  readonly [key: string]: unknown
}

export type X402PaymentRequired = {
  readonly x402Version: number
  readonly accepts: readonly X402Requirement[]
  readonly resource?: unknown
  readonly error?: unknown
}
export type X402Requirement = {
  readonly scheme: string
  readonly network: string
  readonly amount?: string
  readonly maxAmountRequired?: string
  readonly asset?: string
  readonly payTo?: string
  readonly [key: string]: unknown
}

export type McpPaymentPrompt =
  /** MPP over MCP: -32042 (or -32043 after a refused credential) with `data.challenges`. */
  | { readonly kind: 'mpp'; readonly challenges: readonly McpChallenge[]; readonly refused: boolean; readonly problem?: unknown }
  /** MCP URL-mode elicitation (2025-11-25), as a server request or inside a -32042 error. */
  | { readonly kind: 'url-elicitation'; readonly url: string; readonly message?: string | undefined; readonly elicitationId?: string | undefined; readonly from: 'request' | 'error' }
  /** PayMCP TWO_STEP / DYNAMIC_TOOLS: pay at the link, then call `confirmTool` with `confirmArguments`. */
  | { readonly kind: 'paymcp-two-step'; readonly paymentUrl: string; readonly paymentId: string; readonly confirmTool: string; readonly confirmArguments: Readonly<Record<string, unknown>> }
  /** PayMCP RESUBMIT: pay at the link, then call the same tool again with `payment_id`. */
  | { readonly kind: 'paymcp-resubmit'; readonly paymentUrl: string; readonly paymentId: string }
  /** PayMCP: the payment exists but is not received yet. */
  | { readonly kind: 'paymcp-pending'; readonly paymentUrl: string; readonly paymentId?: string | undefined }
  /** PayMCP ELICITATION: a form-mode elicitation with an empty schema whose message carries the link. */
  | { readonly kind: 'paymcp-elicitation'; readonly paymentUrl: string; readonly paymentId?: string | undefined; readonly message: string }
  /** PayMCP PROGRESS: the call stays open while progress messages carry the link. */
  | { readonly kind: 'paymcp-progress'; readonly paymentUrl: string; readonly message: string }
  /** x402 over MCP: `structuredContent` (or PayMCP's `error.data`) with `x402Version` + `accepts`. */
  | { readonly kind: 'x402'; readonly paymentRequired: X402PaymentRequired }

export const mcpPaymentRequiredCode = -32042
export const mcpPaymentVerificationFailedCode = -32043
export const credentialMetaKey = 'org.paymentauth/credential'
export const receiptMetaKey = 'org.paymentauth/receipt'
export const paymentRequiredMetaKey = 'org.paymentauth/payment-required'
export const x402PaymentMetaKey = 'x402/payment'

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const nonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.trim() !== ''

/** A JSON-RPC error a `tools/call` failed with (the MCP SDK's McpError has this shape). */
export function detectMcpError(error: unknown): McpPaymentPrompt | null {
  if (!isObject(error) && !(error instanceof Error)) return null
  const { code, data } = error as { code?: unknown; data?: unknown }
  if (!isObject(data)) return null
  if (code === mcpPaymentRequiredCode || code === mcpPaymentVerificationFailedCode) {
    const mpp = mppFromData(data, code === mcpPaymentVerificationFailedCode)
    if (mpp) return mpp
  }
  if (code === mcpPaymentRequiredCode && Array.isArray(data.elicitations)) {
    const first = data.elicitations.map((e) => urlElicitation(e, 'error')).find((p) => p !== null)
    if (first) return first
  }
  return null
}

/** A `tools/call` result (`CallToolResult`), including PayMCP's non-standard top-level keys. */
export function detectMcpResult(result: unknown): McpPaymentPrompt | null {
  if (!isObject(result)) return null
  const meta = isObject(result._meta) ? result._meta : undefined
  if (meta && isObject(meta[paymentRequiredMetaKey])) {
    const mpp = mppFromData(meta[paymentRequiredMetaKey] as Json, false)
    if (mpp) return mpp
  }
  const body = resultBody(result)

  const x402 = x402From(body) ?? x402From(isObject(body.error) ? body.error.data : undefined) ?? x402From(body.data)
    ?? x402From(isObject(result.error) ? result.error.data : undefined)
  if (x402 && result.isError === true) return { kind: 'x402', paymentRequired: x402 }

  // PayMCP TS also copies the fields to top-level `structured_content` / `data`.
  for (const candidate of [body, result.structured_content, result.data, result]) {
    if (!isObject(candidate)) continue
    const paymentUrl = candidate.payment_url
    const paymentId = candidate.payment_id
    if (!nonEmptyString(paymentUrl) || !isHttpUrl(paymentUrl)) continue
    if (nonEmptyString(paymentId) && nonEmptyString(candidate.next_step) && isToolName(candidate.next_step))
      return { kind: 'paymcp-two-step', paymentUrl, paymentId, confirmTool: candidate.next_step, confirmArguments: { payment_id: paymentId } }
    if (nonEmptyString(paymentId) && nonEmptyString(candidate.next_tool) && isToolName(candidate.next_tool))
      return { kind: 'paymcp-two-step', paymentUrl, paymentId, confirmTool: candidate.next_tool, confirmArguments: {} }
    if (candidate.status === 'pending') return { kind: 'paymcp-pending', paymentUrl, paymentId: nonEmptyString(paymentId) ? paymentId : undefined }
  }

  if (result.isError === true) {
    const text = firstText(result)
    const match = text ? /Payment link:[ \t]*(\S+)[ \t]*\r?\n[ \t]*Payment ID:[ \t]*(\S+)/.exec(text) : null
    if (match && isHttpUrl(match[1]!)) return { kind: 'paymcp-resubmit', paymentUrl: match[1]!, paymentId: match[2]! }
  }
  return null
}

/** The params of an `elicitation/create` request from the server. */
export function detectMcpElicitation(params: unknown): McpPaymentPrompt | null {
  if (!isObject(params)) return null
  if (params.mode === 'url') return urlElicitation(params, 'request')
  if (params.mode !== undefined && params.mode !== 'form') return null
  // PayMCP asks with an empty form: nothing to fill in, the link is the whole point. A form that
  // asks for fields is an ordinary form even if its message mentions a URL.
  const schema = params.requestedSchema
  const emptySchema = schema === undefined || (isObject(schema) && (!isObject(schema.properties) || Object.keys(schema.properties).length === 0))
  if (!emptySchema || typeof params.message !== 'string') return null
  const paymentUrl = nonEmptyString(params.paymentUrl) && isHttpUrl(params.paymentUrl) ? params.paymentUrl : firstUrl(params.message)
  if (!paymentUrl) return null
  return {
    kind: 'paymcp-elicitation',
    paymentUrl,
    paymentId: nonEmptyString(params.paymentId) ? params.paymentId : undefined,
    message: params.message,
  }
}

/**
 * A progress notification's message during a call. Only a tool that declares a price can ask for
 * payment this way; a link in an unpriced tool's progress is just a link.
 */
export function detectMcpProgress(message: unknown, tool: { priced: boolean }): McpPaymentPrompt | null {
  if (!tool.priced || typeof message !== 'string') return null
  const paymentUrl = firstUrl(message)
  return paymentUrl ? { kind: 'paymcp-progress', paymentUrl, message } : null
}

function mppFromData(data: Json, refused: boolean): McpPaymentPrompt | null {
  if (!Array.isArray(data.challenges)) return null
  const challenges = data.challenges.filter(isMcpChallenge)
  if (challenges.length === 0) return null
  return { kind: 'mpp', challenges, refused, ...(data.problem !== undefined ? { problem: data.problem } : {}) }
}

function isMcpChallenge(value: unknown): value is McpChallenge {
  return isObject(value) && nonEmptyString(value.id) && nonEmptyString(value.method) && nonEmptyString(value.intent) && isObject(value.request)
}

function urlElicitation(value: unknown, from: 'request' | 'error'): McpPaymentPrompt | null {
  if (!isObject(value) || value.mode !== 'url' || !nonEmptyString(value.url) || !isHttpUrl(value.url)) return null
  return {
    kind: 'url-elicitation',
    url: value.url,
    message: typeof value.message === 'string' ? value.message : undefined,
    elicitationId: nonEmptyString(value.elicitationId) ? value.elicitationId : undefined,
    from,
  }
}

function x402From(value: unknown): X402PaymentRequired | null {
  if (!isObject(value)) return null
  const version = value.x402Version
  if (version !== 1 && version !== 2) return null
  if (!Array.isArray(value.accepts) || value.accepts.length === 0) return null
  const accepts = value.accepts.filter((a): a is X402Requirement => isObject(a) && nonEmptyString(a.scheme) && nonEmptyString(a.network))
  return accepts.length > 0 ? { ...(value as Json), x402Version: version, accepts } : null
}

/** `structuredContent`, else the first text block parsed as JSON, else `{}`. */
function resultBody(result: Json): Json {
  if (isObject(result.structuredContent)) return result.structuredContent
  const text = firstText(result)
  if (text && text.trimStart().startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(text)
      if (isObject(parsed)) return parsed
    } catch {
      // not JSON: plain text
    }
  }
  return {}
}

function firstText(result: Json): string | undefined {
  const content = Array.isArray(result.content) ? result.content : []
  const block = content.find((c) => isObject(c) && c.type === 'text' && typeof c.text === 'string') as { text: string } | undefined
  return block?.text
}

const isToolName = (name: string) => /^[A-Za-z0-9_.\-/]{1,128}$/.test(name)

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}

/** The first http(s) URL in a text, without trailing punctuation. */
export function firstUrl(text: string): string | undefined {
  const match = /\bhttps?:\/\/[^\s<>"'`]+/i.exec(text)
  const url = match?.[0].replace(/[).,;:!?\]]+$/, '')
  return url && isHttpUrl(url) ? url : undefined
}

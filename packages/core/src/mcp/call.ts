import { createCheckout, type Checkout } from '../checkout/checkout'
import type { PaymentRequired } from '../offers/offer'
import type { Policy } from '../policy'
import type { Rail } from '../rail'
import type { PaymentReceipt, ReceiptStore } from '../receipts'
import { toPaidRequest } from '../request'
import { detectMcpElicitation, detectMcpError, detectMcpProgress, detectMcpResult, type McpPaymentPrompt } from './detect'
import { checkPaymentLink, openPaymentLink, type PaymentLink, type RefusedLink } from './link'
import { readPaymentRequired } from '../offers/detect'
import { challengesAs402, mcpCheckoutDeps, readMcpOffers, x402As402, readMcpReceipt, type McpToolClient } from './mpp'
import { readToolPrice, type ClaimedPrice } from './price'

/**
 * One `tools/call` that may ask to be paid, from the first call to its result. It holds every
 * behaviour of the chat payment card; the card only renders `getState()` and calls the actions.
 *
 *   running → asking → paying (MPP checkout) | waiting (link, elicitation, progress) → done
 *                 └────────────── declined | failed ─────────────────────────────────┘
 *
 * Nothing is paid and no link is opened before the person approves; a link opens only from
 * `openLink()`, which the card calls from a click.
 */
export type PaidToolCallStatus = 'running' | 'asking' | 'paying' | 'waiting' | 'confirming' | 'done' | 'declined' | 'failed'

export type PaidToolCallState = {
  readonly status: PaidToolCallStatus
  readonly prompt?: McpPaymentPrompt | undefined
  /** The payment link, checked; shown in full before it can be opened. */
  readonly link?: PaymentLink | RefusedLink | undefined
  readonly linkOpened: boolean
  /**
   * The price the server advertises in `_meta.price` (the tool's, or for TWO_STEP the confirm
   * tool's). A claim, shown as such; the challenge or payment page says what is actually paid.
   */
  readonly price?: ClaimedPrice | undefined
  /** MPP and x402: the offers read from the challenges (amounts from the challenges only). */
  readonly offers?: PaymentRequired | undefined
  /** MPP after approval: the checkout that pays, rendered with the kit's rail panels. */
  readonly checkout?: Checkout | undefined
  /** A note for the person (e.g. "payment not received yet"). */
  readonly notice?: string | undefined
  readonly result?: Readonly<Record<string, unknown>> | undefined
  readonly receipt?: ToolReceipt | undefined
  readonly error?: string | undefined
}

/** What the card shows after payment: the server's receipt, or PayMCP's payment confirmation. */
export type ToolReceipt = {
  readonly kind: 'mpp' | 'x402' | 'paymcp' | 'url'
  readonly reference: string
  readonly method?: string | undefined
  readonly status: string
  readonly fromServer: boolean
  readonly payment?: PaymentReceipt | undefined
}

export type PaidToolOutcome =
  | { readonly status: 'done'; readonly result: Readonly<Record<string, unknown>>; readonly receipt?: ToolReceipt | undefined }
  | { readonly status: 'declined' }
  | { readonly status: 'failed'; readonly message: string }

export type PaidToolCall = {
  readonly id: string
  readonly server: string
  readonly tool: string
  readonly arguments: Readonly<Record<string, unknown>>
  getState(): PaidToolCallState
  subscribe(listener: () => void): () => void
  approve(): void
  decline(): void
  /** Opens the checked payment link in a new tab. Call only from a click. */
  openLink(): void
  /** "I've paid": confirm tool, resubmit, or accept the elicitation. */
  confirmPaid(): void
  readonly outcome: Promise<PaidToolOutcome>
}

export type McpPaymentsConfig = {
  client: McpToolClient
  /** How the card names the server (its host, or a configured name). */
  server: string
  /** The MCP endpoint; its origin is what the policy's per-origin limits use. */
  endpoint: string
  kit: { readonly rails: readonly Rail[]; readonly policy: Policy; readonly receipts: ReceiptStore }
  /** Tools as `tools/list` returned them, for `_meta.price`. */
  tools?: readonly { name: string; _meta?: unknown }[] | undefined
  /** Allow http:// payment links on 127.0.0.1/localhost (devnet only). */
  allowLoopbackHttp?: boolean | undefined
  timeoutMs?: number | undefined
}

export type ElicitationAnswer = { action: 'accept' | 'decline' | 'cancel'; content?: Record<string, unknown> }

export type McpPayments = {
  callTool(name: string, args?: Record<string, unknown>): PaidToolCall
  /**
   * A call someone else already made (an AI SDK tool part, an assistant-ui tool result): starts
   * from its result or JSON-RPC error, and continues (confirm, resubmit, pay) through this client.
   */
  continueCall(name: string, args: Record<string, unknown>, answer: { result: unknown } | { error: unknown }): PaidToolCall
  /** The client's `elicitation/create` handler: routes the request to the call it belongs to. */
  handleElicitation(params: unknown): Promise<ElicitationAnswer>
  setTools(tools: readonly { name: string; _meta?: unknown }[]): void
}

let nextCallId = 0

export function createMcpPayments(config: McpPaymentsConfig): McpPayments {
  let tools = config.tools ?? []
  const running: Call[] = []

  function callTool(name: string, args: Record<string, unknown> = {}): PaidToolCall {
    return createCall(name, args).api
  }

  type Call = { api: PaidToolCall; elicit(prompt: McpPaymentPrompt): Promise<ElicitationAnswer> }

  function createCall(name: string, args: Record<string, unknown>, answer?: { result: unknown } | { error: unknown }): Call {
    const priceOf = (tool: string) => readToolPrice(tools.find((t) => t.name === tool)?._meta)
    const price = priceOf(name)
    let state: PaidToolCallState = { status: 'running', linkOpened: false, price }
    const listeners = new Set<() => void>()
    const set = (patch: Partial<PaidToolCallState>) => {
      state = { ...state, ...patch }
      for (const l of listeners) l()
    }
    let settle!: (outcome: PaidToolOutcome) => void
    const outcome = new Promise<PaidToolOutcome>((resolve) => (settle = resolve))
    const finish = (o: PaidToolOutcome) => {
      const index = running.indexOf(call)
      if (index >= 0) running.splice(index, 1)
      if (o.status === 'done') set({ status: 'done', result: o.result, receipt: o.receipt ?? state.receipt })
      else if (o.status === 'declined') set({ status: 'declined' })
      else set({ status: 'failed', error: o.message })
      settle(o)
    }
    const abort = new AbortController()
    /** What "I've paid" does for the current prompt. */
    let continueAfterPayment: (() => void) | undefined
    let answerElicitation: ((answer: ElicitationAnswer) => void) | undefined
    let paymentId: string | undefined

    const showPrompt = (prompt: McpPaymentPrompt, status: PaidToolCallStatus = 'asking') => {
      const url = 'paymentUrl' in prompt ? prompt.paymentUrl : prompt.kind === 'url-elicitation' ? prompt.url : undefined
      if ('paymentId' in prompt && prompt.paymentId) paymentId = prompt.paymentId
      set({ status, prompt, link: url ? checkPaymentLink(url, { allowLoopbackHttp: config.allowLoopbackHttp }) : undefined, notice: undefined })
    }

    async function send(toolName: string, toolArgs: Record<string, unknown>, watchProgress: boolean, known?: { result: unknown } | { error: unknown }) {
      try {
        if (known && 'error' in known) throw known.error
        const result = (known ? known.result : await config.client.callTool({ name: toolName, arguments: toolArgs }, undefined, {
          signal: abort.signal,
          timeout: config.timeoutMs ?? 15 * 60_000,
          resetTimeoutOnProgress: true,
          onprogress: watchProgress ? onProgress : undefined,
        })) as Record<string, unknown>
        await onResult(result)
      } catch (error) {
        if (abort.signal.aborted) return finish({ status: 'declined' })
        const prompt = detectMcpError(error)
        if (prompt?.kind === 'mpp') {
          set({ offers: await readMcpOffers(prompt.challenges, prompt.problem) })
          return showPrompt(prompt)
        }
        if (prompt?.kind === 'url-elicitation') {
          continueAfterPayment = () => void send(name, args, true)
          return showPrompt(prompt)
        }
        finish({ status: 'failed', message: safeMessage(error) })
      }
    }

    function onProgress(progress: { message?: string }) {
      if (state.status !== 'running' && state.status !== 'waiting') return
      const prompt = detectMcpProgress(progress.message, { priced: price !== undefined })
      if (prompt && !state.prompt) showPrompt(prompt)
    }

    async function onResult(result: Record<string, unknown>) {
      const prompt = detectMcpResult(result)
      if (!prompt && state.status === 'confirming' && result.isError === true) {
        // "Payment status is pending", "Payment is not confirmed yet": the server's own words.
        set({ status: 'waiting', notice: serverText(result) ?? 'The server has not accepted the payment yet.' })
        return
      }
      if (!prompt) {
        const receipt = toolReceipt(result, paymentId, state)
        return finish({ status: 'done', result, receipt })
      }
      if (prompt.kind === 'x402') set({ offers: await readPaymentRequired(x402As402(prompt.paymentRequired)) })
      if (prompt.kind === 'paymcp-pending') {
        // Asked too early: keep the same link and let the person try again.
        set({ status: 'waiting', notice: 'The server has not received the payment yet. Finish paying on the payment page, then continue.' })
        return
      }
      // PayMCP TWO_STEP advertises the price on the confirm tool.
      if (prompt.kind === 'paymcp-two-step' && !state.price) set({ price: priceOf(prompt.confirmTool) })
      if (prompt.kind === 'paymcp-two-step') continueAfterPayment = () => void send(prompt.confirmTool, { ...prompt.confirmArguments }, false)
      else if (prompt.kind === 'paymcp-resubmit') continueAfterPayment = () => void send(name, { ...args, payment_id: prompt.paymentId }, false)
      if (state.status === 'confirming' && state.prompt?.kind === prompt.kind) {
        set({ status: 'waiting', notice: 'The server has not received the payment yet. Finish paying on the payment page, then continue.' })
        return
      }
      showPrompt(prompt)
    }

    const api: PaidToolCall = {
      id: `tool_call_${(nextCallId++).toString(36)}`,
      server: config.server,
      tool: name,
      arguments: args,
      getState: () => state,
      subscribe(listener) {
        listeners.add(listener)
        return () => void listeners.delete(listener)
      },
      approve() {
        const prompt = state.prompt
        if (state.status !== 'asking' || !prompt) return
        if (prompt.kind === 'mpp' || prompt.kind === 'x402') {
          // Only a rail that can pay one of the offers (a wallet rail for x402) gets past here.
          if (!state.offers?.offers.some((o) => config.kit.rails.some((r) => r.accepts(o)))) return
          return void startCheckout()
        }
        if (prompt.kind === 'url-elicitation' && prompt.from === 'request') answerElicitation?.({ action: 'accept' }) // consent to open; the server waits for completion
        set({ status: 'waiting' })
      },
      decline() {
        if (state.status === 'done' || state.status === 'declined' || state.status === 'failed') return
        state.checkout?.cancel()
        if (answerElicitation) {
          answerElicitation({ action: 'decline' })
          answerElicitation = undefined
        }
        abort.abort()
        finish({ status: 'declined' })
      },
      openLink() {
        if ((state.status !== 'waiting' && state.status !== 'confirming') || !state.link?.ok) return
        openPaymentLink(state.link)
        if (!state.linkOpened) set({ linkOpened: true })
      },
      confirmPaid() {
        if (state.status !== 'waiting' || !state.prompt) return
        const kind = state.prompt.kind
        if (kind === 'paymcp-elicitation') {
          set({ status: 'confirming', notice: undefined })
          answerElicitation?.({ action: 'accept' })
          answerElicitation = undefined
          return
        }
        if (continueAfterPayment) {
          set({ status: 'confirming', notice: undefined })
          continueAfterPayment()
        }
      },
      outcome,
    }

    async function startCheckout() {
      const request = await toPaidRequest(config.endpoint, { method: 'POST', body: JSON.stringify({ name, arguments: args }) })
      let paidResult: Record<string, unknown> | undefined
      const deps = mcpCheckoutDeps({
        client: config.client,
        rails: config.kit.rails,
        policy: config.kit.policy,
        receipts: config.kit.receipts,
        timeoutMs: config.timeoutMs,
        onResult: (r) => (paidResult = r),
      })
      const prompt = state.prompt
      if (prompt?.kind !== 'mpp' && prompt?.kind !== 'x402') return
      const first = prompt.kind === 'mpp' ? challengesAs402(prompt.challenges, prompt.problem) : x402As402(prompt.paymentRequired)
      const checkout = createCheckout(request, deps, { first })
      set({ status: 'paying', checkout })
      checkout.subscribe(() => {
        const s = checkout.getState()
        if (s.status === 'paid' && state.status === 'paying') {
          const result = paidResult ?? {}
          const server = readMcpReceipt(result)
          finish({
            status: 'done',
            result,
            receipt: {
              kind: prompt.kind,
              reference: String(server?.reference ?? s.receipt?.reference ?? ''),
              method: s.receipt?.method,
              status: String(server?.status ?? s.receipt?.status ?? 'success'),
              fromServer: server !== undefined,
              payment: s.receipt,
            },
          })
        }
      })
      checkout.result.catch(() => {
        if (state.status === 'paying') finish({ status: 'declined' })
      })
      checkout.start()
    }

    const call: Call = {
      api,
      elicit(prompt) {
        return new Promise<ElicitationAnswer>((resolve) => {
          answerElicitation = resolve
          showPrompt(prompt)
        })
      },
    }
    running.push(call)
    void send(name, args, true, answer)
    return call
  }

  return {
    callTool,
    continueCall: (name, args, answer) => createCall(name, args, answer).api,
    setTools(next) {
      tools = next
    },
    async handleElicitation(params) {
      const prompt = detectMcpElicitation(params)
      // Elicitations arrive during a call; the card of the newest running call answers it. A form
      // that is not a payment prompt is not this kit's to answer.
      const call = running[running.length - 1]
      if (!prompt || !call) return { action: 'decline' }
      return call.elicit(prompt)
    },
  }
}

function toolReceipt(result: Record<string, unknown>, paymentId: string | undefined, state: PaidToolCallState): ToolReceipt | undefined {
  const server = readMcpReceipt(result)
  if (server) return { kind: 'mpp', reference: String(server.reference ?? server.challengeId ?? ''), method: typeof server.method === 'string' ? server.method : undefined, status: String(server.status ?? 'success'), fromServer: true }
  const annotated = (result.annotations as { payment?: { status?: unknown; payment_id?: unknown } } | undefined)?.payment
  if (annotated && typeof annotated.payment_id === 'string')
    return { kind: 'paymcp', reference: annotated.payment_id, status: String(annotated.status ?? 'paid'), fromServer: true }
  if (!state.prompt) return undefined
  if (state.prompt.kind === 'url-elicitation') return { kind: 'url', reference: state.prompt.elicitationId ?? '', status: 'completed', fromServer: false }
  return paymentId ? { kind: 'paymcp', reference: paymentId, status: 'paid', fromServer: false } : undefined
}

/** A tool's own error text, shortened (shown as the server's words). */
function serverText(result: Record<string, unknown>): string | undefined {
  const block = Array.isArray(result.content) ? (result.content as { type?: unknown; text?: unknown }[]).find((c) => c?.type === 'text' && typeof c.text === 'string') : undefined
  return typeof block?.text === 'string' ? block.text.slice(0, 300) : undefined
}

/** An error's text for a person: short, and with anything that looks like a secret removed. */
function safeMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : 'The tool call failed.'
  return text.replace(/[0-9a-f]{32,}/gi, '…').slice(0, 200)
}

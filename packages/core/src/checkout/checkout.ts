import { withAssetName, type AssetBook } from '../assets'
import { readPaymentRequired } from '../offers/detect'
import { isExpired, isHandoffSource, type Offer, type PaymentRequired } from '../offers/offer'
import type { Policy } from '../policy'
import { RailError, type Rail, type RailProof } from '../rail'
import { receiptFor, type ReceiptStore } from '../receipts'
import { initFor, type PaidRequest } from '../request'
import { CheckoutCancelledError } from './errors'
import { initialState, transition, type CheckoutError, type CheckoutEvent, type CheckoutState, type Choice } from './machine'

export type CheckoutDeps = {
  readonly rails: readonly Rail[]
  readonly policy: Policy
  readonly mppx: PaymentPreparer
  /** The plain fetch every request goes through (never a paying one). */
  readonly fetch: typeof fetch
  readonly receipts: ReceiptStore
  /** How long a paid retry may go unanswered before the checkout is `uncertain`. */
  readonly timeoutMs: number
  /** Token names the app knows (symbols for offers that name a token by address). */
  readonly assets?: AssetBook | undefined
}

/** The slice of an mppx client the checkout uses (`Mppx.create(...)` satisfies it). */
export type PaymentPreparer = {
  preparePayment(
    response: Response,
    options: { request: RequestInit },
  ): Promise<{ createCredential(context?: unknown): Promise<string>; setCredential(init: RequestInit, credential: string): RequestInit }>
}

/** One gated request and its checkout. All behaviour lives here; UIs only render and call. */
export type Checkout = {
  readonly id: string
  readonly request: PaidRequest
  getState(): CheckoutState
  subscribe(listener: () => void): () => void
  /** Sends the unpaid request (or reads the 402 the checkout was created with). */
  start(): void
  choose(offerId: string): void
  /** Back to the list of ways to pay. */
  back(): void
  /** Confirms an amount above the policy's "ask" limit. */
  confirm(): void
  /** Pays the selected offer with what the rail's panel collected. Ignored unless authorizing. */
  submit(input: unknown): void
  /** After a refused payment: choose again from the server's fresh offers. */
  retry(): void
  /** After no answer: sends the same credential again. Never pays again. */
  resume(): void
  /** After expiry: asks the server for a fresh price. */
  refresh(): void
  cancel(): void
  /** Resolves with the paid (or free) response; rejects with CheckoutCancelledError. */
  readonly result: Promise<Response>
}

let nextId = 0

export function createCheckout(request: PaidRequest, deps: CheckoutDeps, options: { first?: Response } = {}): Checkout {
  let state = initialState({ url: request.url, method: request.method, origin: request.origin })
  const listeners = new Set<() => void>()
  let first = options.first
  /** The paid request exactly as sent, kept for `resume` only; it holds the credential. */
  let sentInit: RequestInit | undefined
  /** The settlement reference a rail's proof named (a hand-off's entitlement id), for the receipt. */
  let sentReference: string | undefined
  /** Aborts a rail that is waiting for a person (hand-off) when the checkout is cancelled. */
  let railWait: AbortController | undefined
  let expiryTimer: ReturnType<typeof setTimeout> | undefined
  let resolve!: (response: Response) => void
  let reject!: (error: unknown) => void
  const result = new Promise<Response>((res, rej) => {
    resolve = res
    reject = rej
  })
  result.catch(() => {}) // a cancelled gate nobody awaits is not an unhandled rejection

  const dispatch = (event: CheckoutEvent) => {
    const next = transition(state, event)
    if (next === state) return false
    state = next
    scheduleExpiry()
    for (const listener of listeners) listener()
    return true
  }

  const choicesFor = (offers: readonly Offer[]): Choice[] =>
    offers.map((received) => {
      const offer = withAssetName(received, deps.assets)
      const rail = deps.rails.find((r) => r.accepts(offer))
      if (!rail) return { offer, blocked: `This page cannot pay with ${offer.method}.` }
      const railBlocks = rail.blockedReason?.(offer)
      if (railBlocks) return { offer, rail: rail.id, blocked: railBlocks }
      const decision = deps.policy.check(offer, request.origin)
      // Expiry is handled by the checkout (refresh), not shown as a blocked offer.
      if (decision.kind === 'refuse' && decision.code !== 'expired') return { offer, rail: rail.id, blocked: decision.message }
      return { offer, rail: rail.id, ask: decision.kind === 'ask' ? decision.message : undefined }
    })

  const offersEvent = (pr: PaymentRequired): CheckoutEvent => ({
    type: 'offers',
    choices: choicesFor(pr.offers),
    rejected: pr.rejected,
    diagnostics: pr.diagnostics,
    problem: pr.problem,
  })

  async function request402() {
    if (!dispatch({ type: 'request' })) return
    try {
      const response = first ?? (await deps.fetch(request.url, initFor(request)))
      first = undefined
      if (state.status !== 'requesting') return // cancelled meanwhile
      if (response.status !== 402) {
        if (dispatch({ type: 'free', response: response.clone() })) resolve(response)
        return
      }
      dispatch(offersEvent(await readPaymentRequired(response)))
    } catch (error) {
      dispatch({ type: 'request-failed', error: { code: 'network', message: `The server could not be reached (${describe(error)}).` } })
    }
  }

  async function pay(input: unknown) {
    const choice = state.selected
    if (state.status !== 'authorizing' || state.confirmation || !choice) return
    if (!dispatch({ type: 'submit' })) return
    const offer = choice.offer
    // The policy is asked again at the moment of paying: budgets may have moved since the list.
    const decision = deps.policy.check(offer, request.origin)
    if (decision.kind === 'refuse') {
      dispatch({ type: 'rail-failed', error: { code: 'policy', message: decision.message } })
      if (decision.code === 'expired') dispatch({ type: 'expire' })
      return
    }
    const rail = deps.rails.find((r) => r.id === choice.rail)
    let sendInit: RequestInit
    railWait = new AbortController()
    try {
      if (!rail) throw new RailError('unavailable', 'No rail can pay this offer.')
      // A rail that waits for a person elsewhere may wait until the offer expires, and may be cancelled.
      if (rail.waitsForPerson) dispatch({ type: 'waiting' })
      const signal = rail.waitsForPerson ? railWait.signal : AbortSignal.any([AbortSignal.timeout(deps.timeoutMs * 5), railWait.signal])
      const proof = await rail.pay(offer, input, { signal, request: { url: request.url, method: request.method, init: initFor(request) } })
      if (checkout.getState().status !== 'submitting') return // cancelled while waiting
      sentReference = typeof proof.entitlement === 'string' ? proof.entitlement : undefined
      sendInit = await attachCredential(offer, proof)
    } catch (error) {
      const failure = railError(error)
      dispatch({ type: 'rail-failed', error: failure })
      if (failure.code === 'expired') dispatch({ type: 'expire' })
      return
    }
    deps.policy.record(offer, request.origin)
    sentInit = sendInit
    await send()
  }

  async function attachCredential(offer: Offer, proof: RailProof): Promise<RequestInit> {
    const source = offer.source
    // A hosted checkout leaves an entitlement on the server: the same request, unchanged, is the proof.
    if (isHandoffSource(source)) return initFor(request)
    if (source.protocol === 'l402') {
      const preimage = proof.preimage
      if (typeof preimage !== 'string' || !/^[0-9a-f]{64}$/.test(preimage)) throw new RailError('invalid-input', 'The Lightning payment returned no valid preimage.')
      return initFor(request, new Headers({ authorization: `${source.scheme} ${source.token}:${preimage}` }))
    }
    // mppx builds the credential from this one challenge exactly as the server sent it, so a
    // malformed sibling offer cannot break the chosen one. For x402 that is a PAYMENT-REQUIRED
    // header with only the chosen entry; mppx then answers in PAYMENT-SIGNATURE.
    const only =
      source.protocol === 'x402'
        ? (await import('../offers/x402')).x402SingleOfferResponse(source)
        : new Response(null, { status: 402, headers: { 'www-authenticate': source.header } })
    const init = initFor(request)
    const prepared = await deps.mppx.preparePayment(only, { request: init })
    const credential = await prepared.createCredential(proof)
    return prepared.setCredential(init, credential) as RequestInit
  }

  async function send() {
    const init = sentInit
    if (!init || state.status !== 'submitting') return
    dispatch({ type: 'sent' })
    let response: Response
    try {
      response = await deps.fetch(request.url, { ...init, signal: AbortSignal.any([AbortSignal.timeout(deps.timeoutMs), ...(request.init.signal ? [request.init.signal] : [])]) })
    } catch (error) {
      dispatch({
        type: 'no-answer',
        error: { code: 'network', message: `The payment was sent but no answer came back (${describe(error)}). You may have paid: resume to ask again with the same payment.` },
      })
      return
    }
    const offer = state.selected!.offer
    if (response.ok) {
      sentInit = undefined
      const receipt = receiptFor(offer, response, request.url, sentReference ?? offer.id)
      deps.receipts.add(receipt)
      if (dispatch({ type: 'paid', receipt, response: response.clone() })) resolve(response)
      return
    }
    if (response.status === 402) {
      sentInit = undefined
      const pr = await readPaymentRequired(response)
      dispatch({
        type: 'refused',
        problem: pr.problem,
        error: {
          code: 'server',
          message:
            deps.rails.find((r) => r.id === state.selected?.rail)?.explainRefusal?.(pr.problem) ??
            pr.problem?.message ??
            (isHandoffSource(offer.source)
              ? 'Payment not detected yet: the server still asks for payment. If you paid, wait a moment and check again; do not pay twice.'
              : 'The server did not accept the payment.'),
        },
        choices: choicesFor(pr.offers),
        rejected: pr.rejected,
      })
      return
    }
    // Any other answer after a credential was sent: money may have moved, so keep what we know.
    dispatch({
      type: 'refused',
      error: { code: 'server', message: `The server answered ${response.status} after the payment was sent. You may have been charged; do not pay again before checking.` },
      choices: [],
      rejected: [],
    })
  }

  function scheduleExpiry() {
    clearTimeout(expiryTimer)
    expiryTimer = undefined
    const s = state.status
    const offers = s === 'authorizing' ? [state.selected!.offer] : s === 'choosing' ? state.choices.filter((c) => !c.blocked).map((c) => c.offer) : []
    const times = offers.map((o) => o.expires?.getTime()).filter((t): t is number => t !== undefined)
    if (times.length === 0) return
    const at = s === 'authorizing' ? Math.min(...times) : Math.max(...times)
    expiryTimer = setTimeout(() => dispatch({ type: 'expire' }), Math.min(Math.max(at - Date.now(), 0), 2 ** 31 - 1))
  }

  const checkout: Checkout = {
    id: `checkout_${(nextId++).toString(36)}`,
    request,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    start: () => void request402(),
    choose(offerId) {
      const choice = state.choices.find((c) => c.offer.id === offerId)
      if (!choice) return
      const decision = isExpired(choice.offer)
        ? ({ kind: 'refuse', code: 'expired', message: 'This price has expired.' } as const)
        : deps.policy.check(choice.offer, request.origin)
      dispatch({ type: 'choose', offerId, decision })
    },
    back: () => void dispatch({ type: 'back' }),
    confirm: () => void dispatch({ type: 'confirm' }),
    submit: (input) => void pay(input),
    retry() {
      const previous = state.selected
      if (state.status === 'failed' && !state.choices.some((c) => !c.blocked)) return void request402()
      if (!dispatch({ type: 'retry' })) return
      const same =
        state.choices.find((c) => !c.blocked && c.offer.id === previous?.offer.id) ??
        state.choices.find((c) => !c.blocked && c.rail === previous?.rail && c.offer.method === previous?.offer.method)
      if (same) checkout.choose(same.offer.id)
    },
    resume() {
      if (dispatch({ type: 'resume' })) void send()
    },
    refresh: () => void request402(),
    cancel() {
      // The error carries the state it was cancelled *in* (e.g. `uncertain`), not `cancelled`.
      const cancelledIn = state
      if (!dispatch({ type: 'cancel' })) return
      clearTimeout(expiryTimer)
      railWait?.abort()
      reject(new CheckoutCancelledError(cancelledIn))
    },
    result,
  }
  return checkout
}

function railError(error: unknown): CheckoutError {
  if (error instanceof RailError) return { code: error.code === 'expired' ? 'expired' : 'rail', message: error.message }
  const name = error instanceof Error ? error.name : ''
  if (name === 'PaymentExpiredError') return { code: 'rail', message: 'This price has expired. Get a fresh price and try again.' }
  return { code: 'rail', message: 'The payment could not be prepared. Nothing was sent.' }
}

function describe(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'timed out'
  return error instanceof Error ? error.message.replace(/[0-9a-f]{32,}/gi, '…').slice(0, 120) : 'unknown error'
}

import type { Money } from '../amount'
import type { Offer, RejectedOffer } from '../offers/offer'
import type { PolicyDecision } from '../policy'
import type { Problem } from '../problems'
import type { PaymentReceipt } from '../receipts'

/**
 * The checkout for one gated request, as a pure reducer: `transition(state, event)` returns the
 * next state, or the same state when the event is not allowed now. That rule is what makes a
 * double click harmless: only the first `submit` finds the checkout `authorizing`.
 *
 *   idle → requesting → choosing → authorizing → submitting → paid
 *                          ↑  ↓         ↓ ↑            ↓
 *                        failed ←───────┴─┴── failed | uncertain (resume) | expired (refresh)
 *   any open state → cancelled (submitting only while `waiting` for a hosted checkout)
 */
export type CheckoutStatus =
  | 'idle'
  | 'requesting'
  | 'choosing'
  | 'authorizing'
  | 'submitting'
  | 'paid'
  | 'failed'
  | 'cancelled'
  | 'expired'
  | 'uncertain'

export type Choice = {
  readonly offer: Offer
  /** The rail that pays it; undefined when none of the kit's rails can. */
  readonly rail?: string | undefined
  /** Why it cannot be chosen (no rail, over the cap, expired…). */
  readonly blocked?: string | undefined
  /** Set when the policy wants an explicit confirmation for this offer. */
  readonly ask?: string | undefined
}

export type CheckoutErrorCode =
  | 'no-offers'
  | 'network'
  | 'policy'
  | 'rail'
  | 'server'
  | 'request'
  | 'expired'

/** A failure shown to a person. Never holds a credential. */
export type CheckoutError = { readonly code: CheckoutErrorCode; readonly message: string }

export type CheckoutState = {
  readonly status: CheckoutStatus
  readonly request: { readonly url: string; readonly method: string; readonly origin: string }
  readonly choices: readonly Choice[]
  readonly rejected: readonly RejectedOffer[]
  readonly diagnostics: readonly string[]
  /** The offer being paid (authorizing, submitting, and after). */
  readonly selected?: Choice | undefined
  /** Pending "ask above" confirmation for the selected offer. */
  readonly confirmation?: { readonly message: string; readonly limit: Money } | undefined
  /** The server's answer to the last paid attempt. */
  readonly problem?: Problem | undefined
  readonly error?: CheckoutError | undefined
  readonly receipt?: PaymentReceipt | undefined
  /** The final response: the paid one, or the first one when no payment was needed. */
  readonly response?: Response | undefined
  /** Paid attempts sent so far (credentials sent to the server). */
  readonly attempts: number
  /**
   * Submitting, but only waiting for a person who pays on another page (a hosted checkout): nothing
   * was sent from here yet, so `cancel` is allowed.
   */
  readonly waiting?: boolean | undefined
}

export type CheckoutEvent =
  | { type: 'request' }
  | { type: 'offers'; choices: readonly Choice[]; rejected: readonly RejectedOffer[]; diagnostics: readonly string[]; problem?: Problem | undefined }
  | { type: 'free'; response: Response }
  | { type: 'request-failed'; error: CheckoutError }
  | { type: 'choose'; offerId: string; decision: PolicyDecision }
  | { type: 'back' }
  | { type: 'confirm' }
  | { type: 'submit' }
  | { type: 'rail-failed'; error: CheckoutError }
  | { type: 'waiting' }
  | { type: 'sent' }
  | { type: 'paid'; receipt: PaymentReceipt; response: Response }
  | { type: 'refused'; problem?: Problem | undefined; error: CheckoutError; choices: readonly Choice[]; rejected: readonly RejectedOffer[] }
  | { type: 'no-answer'; error: CheckoutError }
  | { type: 'resume' }
  | { type: 'retry' }
  | { type: 'expire' }
  | { type: 'cancel' }

export const finalStatuses: ReadonlySet<CheckoutStatus> = new Set(['paid', 'cancelled'])

export function initialState(request: CheckoutState['request']): CheckoutState {
  return { status: 'idle', request, choices: [], rejected: [], diagnostics: [], attempts: 0 }
}

export function transition(state: CheckoutState, event: CheckoutEvent): CheckoutState {
  const s = state.status
  switch (event.type) {
    case 'request':
      return s === 'idle' || s === 'expired' || s === 'failed'
        ? { ...state, status: 'requesting', selected: undefined, confirmation: undefined, error: undefined, problem: s === 'failed' ? undefined : state.problem }
        : state
    case 'offers':
      if (s !== 'requesting') return state
      return {
        ...state,
        status: event.choices.some((c) => !c.blocked) ? 'choosing' : 'failed',
        choices: event.choices,
        rejected: event.rejected,
        diagnostics: event.diagnostics,
        problem: event.problem,
        error: event.choices.some((c) => !c.blocked) ? undefined : noPayableOffer(event.choices, event.diagnostics),
      }
    case 'free':
      return s === 'requesting' ? { ...state, status: 'paid', response: event.response } : state
    case 'request-failed':
      return s === 'requesting' ? { ...state, status: 'failed', error: event.error } : state
    case 'choose': {
      if (s !== 'choosing' && s !== 'failed') return state
      const choice = state.choices.find((c) => c.offer.id === event.offerId)
      if (!choice || choice.blocked) return state
      const d = event.decision
      if (d.kind === 'refuse')
        return d.code === 'expired'
          ? { ...state, status: 'expired', selected: choice }
          : { ...state, status: 'choosing', error: { code: 'policy', message: d.message } }
      return {
        ...state,
        status: 'authorizing',
        selected: choice,
        confirmation: d.kind === 'ask' ? { message: d.message, limit: d.limit } : undefined,
        error: undefined,
      }
    }
    case 'back':
      return s === 'authorizing' && state.choices.filter((c) => !c.blocked).length > 0
        ? { ...state, status: 'choosing', selected: undefined, confirmation: undefined, error: undefined }
        : state
    case 'confirm':
      return s === 'authorizing' && state.confirmation ? { ...state, confirmation: undefined } : state
    case 'submit':
      return s === 'authorizing' && !state.confirmation ? { ...state, status: 'submitting', error: undefined, problem: undefined } : state
    case 'rail-failed':
      return s === 'submitting' ? { ...state, status: 'authorizing', error: event.error, waiting: undefined } : state
    case 'waiting':
      return s === 'submitting' && !state.waiting ? { ...state, waiting: true } : state
    case 'sent':
      return s === 'submitting' ? { ...state, attempts: state.attempts + 1, waiting: undefined } : state
    case 'paid':
      return s === 'submitting' ? { ...state, status: 'paid', receipt: event.receipt, response: event.response, error: undefined } : state
    case 'refused':
      return s === 'submitting'
        ? { ...state, status: 'failed', problem: event.problem, error: event.error, choices: event.choices, rejected: event.rejected }
        : state
    case 'no-answer':
      return s === 'submitting' ? { ...state, status: 'uncertain', error: event.error } : state
    case 'resume':
      return s === 'uncertain' ? { ...state, status: 'submitting', error: undefined } : state
    case 'retry':
      // After a refused attempt, choose again from the fresh offers the server sent with it.
      return s === 'failed' && state.choices.some((c) => !c.blocked)
        ? { ...state, status: 'choosing', selected: undefined, error: undefined, confirmation: undefined }
        : state
    case 'expire':
      return s === 'choosing' || s === 'authorizing' || s === 'failed' ? { ...state, status: 'expired', confirmation: undefined } : state
    case 'cancel':
      return finalStatuses.has(s) || (s === 'submitting' && !state.waiting) ? state : { ...state, status: 'cancelled', confirmation: undefined, waiting: undefined }
  }
}

function noPayableOffer(choices: readonly Choice[], diagnostics: readonly string[]): CheckoutError {
  if (choices.length === 0)
    return { code: 'no-offers', message: diagnostics[0] ?? 'The server asked for payment but offered no way to pay that this page understands.' }
  return { code: 'no-offers', message: choices[0]?.blocked ?? 'None of the offered ways to pay can be used here.' }
}

import { describe, expect, test } from 'vitest'
import { sats } from '../amount'
import type { Offer } from '../offers/offer'
import type { Problem } from '../problems'
import type { PaymentReceipt } from '../receipts'
import { finalStatuses, initialState, transition, type CheckoutEvent, type CheckoutState, type CheckoutStatus, type Choice } from './machine'

const request = { url: 'https://api.example.test/photo', method: 'GET', origin: 'https://api.example.test' }

const offer = (id: string): Offer => ({
  id,
  protocol: 'mpp',
  method: 'lightning',
  intent: 'charge',
  amount: sats(100),
  request: {},
  source: { protocol: 'l402', scheme: 'L402', token: 't', invoice: 'i' },
})
const payable: Choice = { offer: offer('a'), rail: 'lightning' }
const payable2: Choice = { offer: offer('b'), rail: 'lightning' }
const blocked: Choice = { offer: offer('x'), rail: 'lightning', blocked: 'Above your limit.' }
const problem: Problem = { kind: 'verification-failed', type: 'https://paymentauth.org/problems/verification-failed', title: 'Verification Failed', status: 402, message: 'nope' }
const receipt = { id: 'r1', reference: 'ref' } as unknown as PaymentReceipt
const response = new Response('ok')
const error = { code: 'rail', message: 'declined' } as const

const allStatuses: CheckoutStatus[] = ['idle', 'requesting', 'choosing', 'authorizing', 'submitting', 'paid', 'failed', 'cancelled', 'expired', 'uncertain']

/** A plausible state in each status: offers listed, one selected where that makes sense. */
function at(status: CheckoutStatus, extra: Partial<CheckoutState> = {}): CheckoutState {
  const selected = ['authorizing', 'submitting', 'paid', 'uncertain', 'expired'].includes(status) ? payable : undefined
  return { ...initialState(request), status, choices: status === 'idle' || status === 'requesting' ? [] : [payable, blocked], selected, ...extra }
}

const events: Record<CheckoutEvent['type'], CheckoutEvent> = {
  request: { type: 'request' },
  offers: { type: 'offers', choices: [payable, blocked], rejected: [], diagnostics: [] },
  free: { type: 'free', response },
  'request-failed': { type: 'request-failed', error: { code: 'network', message: 'offline' } },
  choose: { type: 'choose', offerId: 'a', decision: { kind: 'allow' } },
  back: { type: 'back' },
  confirm: { type: 'confirm' },
  submit: { type: 'submit' },
  'rail-failed': { type: 'rail-failed', error },
  waiting: { type: 'waiting' },
  sent: { type: 'sent' },
  paid: { type: 'paid', receipt, response },
  refused: { type: 'refused', problem, error: { code: 'server', message: 'refused' }, choices: [payable2], rejected: [] },
  'no-answer': { type: 'no-answer', error: { code: 'network', message: 'no answer' } },
  resume: { type: 'resume' },
  retry: { type: 'retry' },
  expire: { type: 'expire' },
  cancel: { type: 'cancel' },
}

/** Which statuses each event is allowed from, and where it leads (for the `at()` states). */
const allowed: Record<CheckoutEvent['type'], Partial<Record<CheckoutStatus, CheckoutStatus>>> = {
  request: { idle: 'requesting', expired: 'requesting', failed: 'requesting' },
  offers: { requesting: 'choosing' },
  free: { requesting: 'paid' },
  'request-failed': { requesting: 'failed' },
  choose: { choosing: 'authorizing', failed: 'authorizing' },
  back: { authorizing: 'choosing' },
  confirm: {}, // only with a pending confirmation, see below
  submit: { authorizing: 'submitting' },
  'rail-failed': { submitting: 'authorizing' },
  waiting: { submitting: 'submitting' },
  sent: { submitting: 'submitting' },
  paid: { submitting: 'paid' },
  refused: { submitting: 'failed' },
  'no-answer': { submitting: 'uncertain' },
  resume: { uncertain: 'submitting' },
  retry: { failed: 'choosing' },
  expire: { choosing: 'expired', authorizing: 'expired', failed: 'expired' },
  cancel: { idle: 'cancelled', requesting: 'cancelled', choosing: 'cancelled', authorizing: 'cancelled', failed: 'cancelled', expired: 'cancelled', uncertain: 'cancelled' },
}

describe('transition table', () => {
  for (const [type, event] of Object.entries(events) as [CheckoutEvent['type'], CheckoutEvent][]) {
    for (const status of allStatuses) {
      const to = allowed[type][status]
      test(`${type} from ${status} → ${to ?? 'ignored (same object)'}`, () => {
        const state = at(status)
        const next = transition(state, event)
        if (to === undefined) expect(next).toBe(state)
        else {
          expect(next).not.toBe(state)
          expect(next.status).toBe(to)
        }
      })
    }
  }
})

describe('waiting for a hosted checkout', () => {
  test('cancel is refused while submitting, allowed while only waiting; sending ends the wait', () => {
    expect(transition(at('submitting'), events.cancel).status).toBe('submitting')
    const waiting = transition(at('submitting'), events.waiting)
    expect(waiting.waiting).toBe(true)
    expect(transition(waiting, events.waiting)).toBe(waiting)
    expect(transition(waiting, events.cancel)).toMatchObject({ status: 'cancelled', waiting: undefined })
    const sent = transition(waiting, events.sent)
    expect(sent).toMatchObject({ status: 'submitting', waiting: undefined, attempts: 1 })
    expect(transition(sent, events.cancel)).toBe(sent)
    expect(transition(waiting, events['rail-failed'])).toMatchObject({ status: 'authorizing', waiting: undefined })
  })
})

describe('transition details', () => {
  test('initial state', () => {
    expect(initialState(request)).toEqual({ status: 'idle', request, choices: [], rejected: [], diagnostics: [], attempts: 0 })
    expect([...finalStatuses].sort()).toEqual(['cancelled', 'paid'])
  })

  test('request clears the selection and error; from failed it also clears the problem', () => {
    const fromFailed = transition(at('failed', { problem, error, selected: payable }), events.request)
    expect(fromFailed).toMatchObject({ status: 'requesting', selected: undefined, error: undefined, problem: undefined, confirmation: undefined })
    const fromExpired = transition(at('expired', { problem }), events.request)
    expect(fromExpired).toMatchObject({ status: 'requesting', selected: undefined, problem })
  })

  test('offers: choosing with the lists, or failed when nothing is payable', () => {
    const rejected = [{ protocol: 'mpp' as const, reason: 'bad' }]
    const ok = transition(at('requesting'), { type: 'offers', choices: [blocked, payable], rejected, diagnostics: ['d'], problem })
    expect(ok).toMatchObject({ status: 'choosing', choices: [blocked, payable], rejected, diagnostics: ['d'], problem, error: undefined })

    const allBlocked = transition(at('requesting'), { type: 'offers', choices: [blocked], rejected: [], diagnostics: [] })
    expect(allBlocked).toMatchObject({ status: 'failed', error: { code: 'no-offers', message: 'Above your limit.' } })

    const none = transition(at('requesting'), { type: 'offers', choices: [], rejected: [], diagnostics: [] })
    expect(none.error).toEqual({ code: 'no-offers', message: 'The server asked for payment but offered no way to pay that this page understands.' })

    const cors = transition(at('requesting'), { type: 'offers', choices: [], rejected: [], diagnostics: ['Expose the header.'] })
    expect(cors.error).toEqual({ code: 'no-offers', message: 'Expose the header.' })
  })

  test('free and request-failed', () => {
    expect(transition(at('requesting'), events.free)).toMatchObject({ status: 'paid', response })
    expect(transition(at('requesting'), events['request-failed'])).toMatchObject({ status: 'failed', error: { code: 'network', message: 'offline' } })
  })

  test('choose: allow, ask, refuse, expired, unknown and blocked offers', () => {
    const choosing = at('choosing', { error: { code: 'policy', message: 'old' } })
    expect(transition(choosing, events.choose)).toMatchObject({ status: 'authorizing', selected: payable, confirmation: undefined, error: undefined })

    const limit = sats(50)
    expect(transition(choosing, { type: 'choose', offerId: 'a', decision: { kind: 'ask', limit, message: 'Sure?' } })).toMatchObject({
      status: 'authorizing',
      confirmation: { message: 'Sure?', limit },
    })

    expect(transition(choosing, { type: 'choose', offerId: 'a', decision: { kind: 'refuse', code: 'over-budget', message: 'Budget.' } })).toMatchObject({
      status: 'choosing',
      selected: undefined,
      error: { code: 'policy', message: 'Budget.' },
    })

    expect(transition(choosing, { type: 'choose', offerId: 'a', decision: { kind: 'refuse', code: 'expired', message: 'Expired.' } })).toMatchObject({
      status: 'expired',
      selected: payable,
    })

    expect(transition(choosing, { type: 'choose', offerId: 'nope', decision: { kind: 'allow' } })).toBe(choosing)
    expect(transition(choosing, { type: 'choose', offerId: 'x', decision: { kind: 'allow' } })).toBe(choosing)
  })

  test('back: only while authorizing and something can be chosen', () => {
    const authorizing = at('authorizing', { confirmation: { message: 'm', limit: sats(1) }, error })
    expect(transition(authorizing, events.back)).toMatchObject({ status: 'choosing', selected: undefined, confirmation: undefined, error: undefined })
    const onlyBlocked = at('authorizing', { choices: [blocked] })
    expect(transition(onlyBlocked, events.back)).toBe(onlyBlocked)
  })

  test('confirm clears a pending confirmation; submit waits for it', () => {
    const asking = at('authorizing', { confirmation: { message: 'Sure?', limit: sats(50) } })
    expect(transition(asking, events.submit)).toBe(asking)
    const confirmed = transition(asking, events.confirm)
    expect(confirmed).toMatchObject({ status: 'authorizing', confirmation: undefined })
    expect(transition(confirmed, events.confirm)).toBe(confirmed)
    expect(transition(confirmed, events.submit).status).toBe('submitting')
    for (const status of allStatuses.filter((s) => s !== 'authorizing')) {
      const s = at(status, { confirmation: { message: 'x', limit: sats(1) } })
      expect(transition(s, events.confirm)).toBe(s)
    }
  })

  test('submit twice: the second is a no-op', () => {
    const once = transition(at('authorizing', { error, problem }), events.submit)
    expect(once).toMatchObject({ status: 'submitting', error: undefined, problem: undefined })
    expect(transition(once, events.submit)).toBe(once)
  })

  test('rail-failed goes back to authorizing with the error', () => {
    expect(transition(at('submitting'), events['rail-failed'])).toMatchObject({ status: 'authorizing', selected: payable, error })
  })

  test('sent counts paid attempts', () => {
    const one = transition(at('submitting'), events.sent)
    const two = transition(one, events.sent)
    expect([one.attempts, two.attempts]).toEqual([1, 2])
    expect(two.status).toBe('submitting')
  })

  test('paid only from submitting, with the receipt and response', () => {
    expect(transition(at('submitting', { error }), events.paid)).toMatchObject({ status: 'paid', receipt, response, error: undefined })
    for (const status of allStatuses.filter((s) => s !== 'submitting')) {
      const s = at(status)
      expect(transition(s, events.paid)).toBe(s)
    }
  })

  test('refused replaces the choices with the fresh ones', () => {
    expect(transition(at('submitting'), events.refused)).toMatchObject({
      status: 'failed',
      problem,
      error: { code: 'server', message: 'refused' },
      choices: [payable2],
      rejected: [],
    })
  })

  test('no-answer → uncertain → resume → submitting, keeping the attempt count', () => {
    const sent = transition(at('submitting'), events.sent)
    const uncertain = transition(sent, events['no-answer'])
    expect(uncertain).toMatchObject({ status: 'uncertain', attempts: 1, error: { code: 'network', message: 'no answer' } })
    expect(transition(uncertain, events.resume)).toMatchObject({ status: 'submitting', attempts: 1, error: undefined, selected: payable })
  })

  test('retry needs a payable choice', () => {
    const failed = at('failed', { error, confirmation: { message: 'm', limit: sats(1) }, selected: payable })
    expect(transition(failed, events.retry)).toMatchObject({ status: 'choosing', selected: undefined, error: undefined, confirmation: undefined })
    const nothing = at('failed', { choices: [blocked] })
    expect(transition(nothing, events.retry)).toBe(nothing)
  })

  test('expire drops a pending confirmation', () => {
    expect(transition(at('authorizing', { confirmation: { message: 'm', limit: sats(1) } }), events.expire)).toMatchObject({ status: 'expired', confirmation: undefined })
  })

  test('cancel during submitting is ignored; paid and cancelled are final', () => {
    for (const status of ['submitting', 'paid', 'cancelled'] as const) {
      const s = at(status)
      expect(transition(s, events.cancel)).toBe(s)
    }
    expect(transition(at('authorizing', { confirmation: { message: 'm', limit: sats(1) } }), events.cancel)).toMatchObject({ status: 'cancelled', confirmation: undefined })
  })

  test('a final state ignores every event', () => {
    for (const status of finalStatuses)
      for (const event of Object.values(events)) {
        const s = at(status)
        expect(transition(s, event)).toBe(s)
      }
  })

  test('transition never mutates the state it is given', () => {
    for (const status of allStatuses)
      for (const event of Object.values(events)) {
        const s = Object.freeze(at(status))
        expect(() => transition(s, event)).not.toThrow()
      }
  })
})

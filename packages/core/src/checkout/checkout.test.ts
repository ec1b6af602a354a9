import { Credential } from 'mppx'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { depsFor, recordStates, settle, until, untilStatus, type DepsOptions } from '../../test/helpers'
import { preimageFor } from '../../test/invoices'
import { createTestServer, origin, stringifyState, type ServerOptions, type TestServer } from '../../test/server'
import { sats } from '../amount'
import { problemMessages } from '../problems'
import { toPaidRequest } from '../request'
import { createCheckout, type Checkout, type CheckoutDeps } from './checkout'
import { CheckoutCancelledError } from './errors'

const photo = `${origin}/api/photo`

type Setup = { server: TestServer; deps: CheckoutDeps; checkout: Checkout }

async function setup(
  options: { server?: ServerOptions; deps?: DepsOptions; input?: RequestInfo | URL; init?: RequestInit; fetch?: (server: TestServer) => typeof fetch } = {},
): Promise<Setup> {
  const server = createTestServer(options.server)
  const deps = depsFor(server, options.deps)
  const withFetch = options.fetch ? { ...deps, fetch: options.fetch(server) } : deps
  const checkout = createCheckout(await toPaidRequest(options.input ?? photo, options.init), withFetch)
  return { server, deps: withFetch, checkout }
}

/** start → choosing → choose the first payable offer. */
async function toAuthorizing({ checkout }: Setup, offerIndex = 0) {
  checkout.start()
  await untilStatus(checkout, 'choosing')
  const choice = checkout.getState().choices.filter((c) => !c.blocked)[offerIndex]!
  checkout.choose(choice.offer.id)
  expect(checkout.getState().status).toBe('authorizing')
  return choice
}

const preimageOf = (authorization: string | null) => Credential.deserialize<{ preimage: string }>(authorization!).payload.preimage
const outcome = (promise: Promise<unknown>) =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  )

/** Fake timers and clock for expiry; promises and I/O stay real. */
const fakeClock = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })

afterEach(() => {
  vi.useRealTimers()
})

describe('createCheckout: Lightning via WebLN', () => {
  test('happy path: paid with the server receipt, exactly one paid retry', async () => {
    const s = await setup()
    const { server, deps, checkout } = s
    const recorded = recordStates(checkout)
    const choice = await toAuthorizing(s)
    expect(choice.rail).toBe('lightning')
    expect(choice.offer.amount).toEqual({ value: 100n, decimals: 8, currency: 'btc', symbol: undefined })
    expect(choice.blocked).toBeUndefined()
    expect(choice.ask).toBeUndefined()

    checkout.submit({ via: 'webln' })
    const state = await untilStatus(checkout, 'paid')
    const [invoice] = server.invoices

    expect(server.calls.map((c) => [c.method, c.url, c.authorization === null ? 'unpaid' : 'paid'])).toEqual([
      ['GET', photo, 'unpaid'],
      ['GET', photo, 'paid'],
    ])
    expect(server.paidCalls[0]!.authorization).toMatch(/^Payment [A-Za-z0-9_-]+$/)
    expect(preimageOf(server.paidCalls[0]!.authorization)).toBe(invoice!.preimage)
    expect(server.wallet.payments).toEqual([invoice!.invoice])

    expect(state.attempts).toBe(1)
    expect(state.error).toBeUndefined()
    expect(state.receipt).toMatchObject({
      protocol: 'mpp',
      method: 'lightning',
      reference: invoice!.paymentHash,
      status: 'success',
      timestamp: '2026-01-02T03:04:05.000Z',
      amount: sats(100),
      description: 'A photo of a lighthouse',
      url: photo,
      fromServer: true,
    })
    expect(deps.receipts.list()).toEqual([state.receipt])
    expect(deps.policy.spent(origin, 'btc')).toBe(100n)

    const response = await checkout.result
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ content: 'paid content for /api/photo' })
    expect(await state.response!.json()).toEqual({ content: 'paid content for /api/photo' })

    expect(recorded.statuses).toEqual(['idle', 'requesting', 'choosing', 'authorizing', 'submitting', 'submitting', 'paid'])
  })

  test('double submit: one wallet payment, one paid retry', async () => {
    const s = await setup()
    await toAuthorizing(s)
    s.checkout.submit({ via: 'webln' })
    s.checkout.submit({ via: 'webln' })
    await Promise.resolve()
    s.checkout.submit({ via: 'webln' })
    await untilStatus(s.checkout, 'paid')
    s.checkout.submit({ via: 'webln' })
    await settle()
    expect(s.server.wallet.payments).toHaveLength(1)
    expect(s.server.paidCalls).toHaveLength(1)
    expect(s.checkout.getState().attempts).toBe(1)
  })

  test('a wrong pasted preimage: back to authorizing with an error, nothing sent; the right one pays', async () => {
    const s = await setup()
    await toAuthorizing(s)
    s.checkout.submit({ preimage: preimageFor('not this invoice') })
    const state = await until(s.checkout, (st) => st.status === 'authorizing' && st.error !== undefined)
    expect(state.error).toEqual({ code: 'rail', message: 'That preimage does not belong to this invoice.' })
    expect(s.server.calls).toHaveLength(1)
    expect(s.server.paidCalls).toHaveLength(0)
    expect(s.deps.policy.spent(origin, 'btc')).toBe(0n)

    s.checkout.submit({ preimage: s.server.invoices[0]!.preimage })
    await untilStatus(s.checkout, 'paid')
    expect(s.server.paidCalls).toHaveLength(1)
    expect(s.server.wallet.payments).toEqual([])
  })

  test('an invoice for another amount than the challenge is refused before the wallet is called', async () => {
    const s = await setup({ server: { sats: 100, invoiceSats: 99 } })
    await toAuthorizing(s)
    s.checkout.submit({ via: 'webln' })
    const state = await until(s.checkout, (st) => st.status === 'authorizing' && st.error !== undefined)
    expect(state.error).toEqual({ code: 'rail', message: 'The invoice asks for 99 sats but the price is 100 sats. It was not paid.' })
    expect(s.server.wallet.enabled).toBe(0)
    expect(s.server.wallet.payments).toEqual([])
    expect(s.server.paidCalls).toHaveLength(0)
  })

  test('no WebLN provider: an error that points to pasting the preimage', async () => {
    const s = await setup({ deps: { webln: undefined } })
    await toAuthorizing(s)
    s.checkout.submit({ via: 'webln' })
    const state = await until(s.checkout, (st) => st.error !== undefined)
    expect(state).toMatchObject({
      status: 'authorizing',
      error: { code: 'rail', message: 'No Lightning browser wallet was found. Pay the invoice with any wallet and paste the preimage.' },
    })
  })
})

describe('createCheckout: expiry', () => {
  test('choosing an expired offer gives expired; refresh gets fresh offers that pay', async () => {
    fakeClock() // so the expiry timer cannot fire before choose()
    const s = await setup({ server: { expiresInMs: -60_000 } })
    s.checkout.start()
    await untilStatus(s.checkout, 'choosing')
    const old = s.checkout.getState().choices[0]!.offer
    s.checkout.choose(old.id)
    expect(s.checkout.getState()).toMatchObject({ status: 'expired', selected: { offer: old } })

    s.server.config.expiresInMs = 5 * 60_000
    s.checkout.refresh()
    const fresh = await untilStatus(s.checkout, 'choosing')
    expect(fresh.choices).toHaveLength(1)
    expect(fresh.choices[0]!.offer.id).not.toBe(old.id)
    expect(fresh.choices[0]!.offer.expires!.getTime()).toBeGreaterThan(Date.now())
    expect(fresh.selected).toBeUndefined()

    s.checkout.choose(fresh.choices[0]!.offer.id)
    vi.useRealTimers()
    s.checkout.submit({ via: 'webln' })
    await untilStatus(s.checkout, 'paid')
    expect(s.server.calls.map((c) => c.authorization === null)).toEqual([true, true, false])
    expect(preimageOf(s.server.paidCalls[0]!.authorization)).toBe(s.server.invoices[1]!.preimage)
  })

  test('offers that all expire while the person is choosing move the checkout to expired', async () => {
    fakeClock()
    const s = await setup({ server: { expiresInMs: 60_000 } })
    s.checkout.start()
    await untilStatus(s.checkout, 'choosing')
    vi.advanceTimersByTime(59_999)
    expect(s.checkout.getState().status).toBe('choosing')
    vi.advanceTimersByTime(1)
    expect(s.checkout.getState().status).toBe('expired')
    vi.useRealTimers()
    s.checkout.submit({ via: 'webln' })
    await settle()
    expect(s.server.wallet.payments).toEqual([])
  })

  test('the selected offer expiring while authorizing moves to expired; submit is then ignored', async () => {
    fakeClock()
    const s = await setup({ server: { expiresInMs: 60_000 } })
    await toAuthorizing(s)
    vi.advanceTimersByTime(59_999)
    expect(s.checkout.getState().status).toBe('authorizing')
    vi.advanceTimersByTime(1)
    expect(s.checkout.getState()).toMatchObject({ status: 'expired', confirmation: undefined })
    vi.useRealTimers()
    s.checkout.submit({ via: 'webln' })
    await settle()
    expect(s.checkout.getState().status).toBe('expired')
    expect(s.server.wallet.payments).toEqual([])
  })

  test('an offer that expired between choose and submit is not paid', async () => {
    const s = await setup()
    await toAuthorizing(s)
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 5 * 60_000)
    s.checkout.submit({ via: 'webln' })
    const state = s.checkout.getState()
    expect(state.status).toBe('expired')
    expect(state.error).toEqual({ code: 'policy', message: 'This price has expired.' })
    vi.useRealTimers()
    await settle()
    expect(s.server.wallet.payments).toEqual([])
    expect(s.server.paidCalls).toEqual([])
  })
})

describe('createCheckout: after the credential is sent', () => {
  test('402 verification-failed → failed with the problem and fresh choices; retry pays again', async () => {
    const s = await setup()
    const first = await toAuthorizing(s)
    s.server.script.push('verification-failed')
    s.checkout.submit({ via: 'webln' })
    const failed = await untilStatus(s.checkout, 'failed')
    expect(failed.problem).toMatchObject({ kind: 'verification-failed', status: 402, detail: 'the payment could not be verified' })
    expect(failed.error).toEqual({ code: 'server', message: problemMessages['verification-failed'] })
    expect(failed.choices).toHaveLength(1)
    const second = failed.choices[0]!
    expect(second.offer.id).not.toBe(first.offer.id)
    expect(failed.attempts).toBe(1)

    s.checkout.retry()
    expect(s.checkout.getState()).toMatchObject({ status: 'authorizing', selected: { offer: second.offer }, error: undefined })
    s.checkout.submit({ via: 'webln' })
    const paid = await untilStatus(s.checkout, 'paid')
    expect(paid.attempts).toBe(2)
    expect(paid.problem).toBeUndefined()
    expect(s.server.wallet.payments).toEqual([s.server.invoices[0]!.invoice, s.server.invoices[1]!.invoice])
    expect(s.server.paidCalls.map((c) => preimageOf(c.authorization))).toEqual([s.server.invoices[0]!.preimage, s.server.invoices[1]!.preimage])
  })

  test('no answer to the paid retry → uncertain; resume re-sends the same credential and never pays again', async () => {
    const s = await setup()
    await toAuthorizing(s)
    s.server.script.push('network-error')
    s.checkout.submit({ via: 'webln' })
    const uncertain = await untilStatus(s.checkout, 'uncertain')
    expect(uncertain.error).toEqual({
      code: 'network',
      message: 'The payment was sent but no answer came back (fetch failed). You may have paid: resume to ask again with the same payment.',
    })
    expect(uncertain.attempts).toBe(1)

    s.checkout.resume()
    const paid = await untilStatus(s.checkout, 'paid')
    expect(paid.attempts).toBe(2)
    expect(s.server.paidCalls).toHaveLength(2)
    expect(s.server.paidCalls[1]!.authorization).toBe(s.server.paidCalls[0]!.authorization)
    expect(s.server.wallet.payments).toHaveLength(1)
    expect(s.deps.policy.spent(origin, 'btc')).toBe(100n)
    expect(s.deps.receipts.list()).toHaveLength(1)
  })

  test('a paid retry that never answers times out into uncertain', async () => {
    const s = await setup({ deps: { timeoutMs: 50 } })
    await toAuthorizing(s)
    s.server.script.push('hang')
    s.checkout.submit({ via: 'webln' })
    const uncertain = await untilStatus(s.checkout, 'uncertain', 2000)
    expect(uncertain.error?.message).toBe(
      'The payment was sent but no answer came back (timed out). You may have paid: resume to ask again with the same payment.',
    )
    s.checkout.resume()
    await untilStatus(s.checkout, 'paid')
    expect(s.server.paidCalls[1]!.authorization).toBe(s.server.paidCalls[0]!.authorization)
  })

  test('any other answer after paying is a failure that warns about a possible charge', async () => {
    const s = await setup()
    await toAuthorizing(s)
    s.server.script.push('server-error')
    s.checkout.submit({ via: 'webln' })
    const failed = await untilStatus(s.checkout, 'failed')
    expect(failed.error).toEqual({
      code: 'server',
      message: 'The server answered 500 after the payment was sent. You may have been charged; do not pay again before checking.',
    })
    expect(failed.choices).toEqual([])
    // with nothing to choose, retry asks the server again
    s.checkout.retry()
    await untilStatus(s.checkout, 'choosing')
    expect(s.server.calls.filter((c) => c.authorization === null)).toHaveLength(2)
  })
})

describe('createCheckout: cancelling', () => {
  test('cancel rejects the result with CheckoutCancelledError', async () => {
    const s = await setup()
    s.checkout.start()
    await untilStatus(s.checkout, 'choosing')
    s.checkout.cancel()
    const result = await outcome(s.checkout.result)
    expect(result.ok).toBe(false)
    const error = (result as { error: unknown }).error as CheckoutCancelledError
    expect(error).toBeInstanceOf(CheckoutCancelledError)
    expect(error.name).toBe('CheckoutCancelledError')
    expect(error.message).toBe('The payment was cancelled.')
    expect(error.state.status).toBe('choosing')
    expect(s.checkout.getState().status).toBe('cancelled')
    s.checkout.cancel()
    s.checkout.choose(s.checkout.getState().choices[0]!.offer.id)
    expect(s.checkout.getState().status).toBe('cancelled')
  })

  test('cancel while submitting is ignored; the payment completes', async () => {
    const s = await setup()
    await toAuthorizing(s)
    s.checkout.submit({ via: 'webln' })
    s.checkout.cancel()
    expect(s.checkout.getState().status).toBe('submitting')
    await untilStatus(s.checkout, 'paid')
    expect((await s.checkout.result).status).toBe(200)
  })

  test('cancelling an uncertain payment says it may have gone through', async () => {
    const s = await setup()
    await toAuthorizing(s)
    s.server.script.push('network-error')
    s.checkout.submit({ via: 'webln' })
    await untilStatus(s.checkout, 'uncertain')
    s.checkout.cancel()
    const error = (await outcome(s.checkout.result)) as { ok: false; error: CheckoutCancelledError }
    expect(error.error).toBeInstanceOf(CheckoutCancelledError)
    expect(error.error.state.status).toBe('uncertain')
    expect(error.error.message).toBe('Cancelled while a payment was unconfirmed.')
  })

  test('cancel during the unpaid request: the late 402 is ignored', async () => {
    const s = await setup()
    s.checkout.start()
    expect(s.checkout.getState().status).toBe('requesting')
    s.checkout.cancel()
    await settle()
    expect(s.checkout.getState()).toMatchObject({ status: 'cancelled', choices: [] })
    await expect(s.checkout.result).rejects.toBeInstanceOf(CheckoutCancelledError)
  })
})

describe('createCheckout: policy', () => {
  test('an offer over the cap is shown blocked; with nothing payable the checkout fails', async () => {
    const s = await setup({ server: { offers: ['lightning', 'stripe'] }, deps: { policy: { maxPerPayment: [sats(50)] } } })
    s.checkout.start()
    const state = await untilStatus(s.checkout, 'failed')
    expect(state.choices.map((c) => [c.offer.method, c.rail, c.blocked])).toEqual([
      ['lightning', 'lightning', '100 sats is above your limit of 50 sats per payment.'],
      ['stripe', undefined, 'This page cannot pay with stripe.'],
    ])
    expect(state.error).toEqual({ code: 'no-offers', message: '100 sats is above your limit of 50 sats per payment.' })
    s.checkout.choose(state.choices[0]!.offer.id)
    expect(s.checkout.getState()).toBe(state)
  })

  test('an offer no rail can pay is blocked beside one that can be paid', async () => {
    const s = await setup({ server: { offers: ['stripe', 'lightning'] } })
    s.checkout.start()
    const state = await untilStatus(s.checkout, 'choosing')
    expect(state.choices.map((c) => [c.offer.method, c.blocked])).toEqual([
      ['stripe', 'This page cannot pay with stripe.'],
      ['lightning', undefined],
    ])
    s.checkout.choose(state.choices[0]!.offer.id)
    expect(s.checkout.getState()).toBe(state)
  })

  test('ask-above: submit does nothing until confirm()', async () => {
    const s = await setup({ deps: { policy: { askAbove: [sats(10)], maxPerPayment: [sats(1000)] } } })
    s.checkout.start()
    const choosing = await untilStatus(s.checkout, 'choosing')
    expect(choosing.choices[0]!.ask).toBe('100 sats is more than 10 sats. Confirm to continue.')
    s.checkout.choose(choosing.choices[0]!.offer.id)
    const asking = s.checkout.getState()
    expect(asking.confirmation).toEqual({ message: '100 sats is more than 10 sats. Confirm to continue.', limit: sats(10) })

    s.checkout.submit({ via: 'webln' })
    await settle()
    expect(s.checkout.getState()).toBe(asking)
    expect(s.server.wallet.payments).toEqual([])

    s.checkout.confirm()
    expect(s.checkout.getState()).toMatchObject({ status: 'authorizing', confirmation: undefined })
    s.checkout.submit({ via: 'webln' })
    await untilStatus(s.checkout, 'paid')
    expect(s.server.wallet.payments).toHaveLength(1)
  })

  test('the policy is asked again when paying: a budget used up meanwhile stops the payment', async () => {
    const s = await setup({ deps: { policy: { budgetPerOrigin: [sats(150)] } } })
    const choice = await toAuthorizing(s)
    s.deps.policy.record(choice.offer, origin) // another tab spent 100 sats
    s.checkout.submit({ via: 'webln' })
    const state = s.checkout.getState()
    expect(state.status).toBe('authorizing')
    expect(state.error).toEqual({ code: 'policy', message: 'This would go over your budget of 150 sats for this site.' })
    await settle()
    expect(s.server.wallet.payments).toEqual([])
  })

  test('back() returns to the list', async () => {
    const s = await setup({ server: { offers: ['lightning', 'l402'] } })
    await toAuthorizing(s)
    s.checkout.back()
    expect(s.checkout.getState()).toMatchObject({ status: 'choosing', selected: undefined })
    s.checkout.choose('l402:0')
    expect(s.checkout.getState().selected?.offer.protocol).toBe('l402')
  })
})

describe('createCheckout: L402', () => {
  test.each([
    ['l402', 'L402'],
    ['lsat', 'LSAT'],
  ] as const)('a %s offer is retried with "Authorization: %s <token>:<preimage>"', async (kind, scheme) => {
    const s = await setup({ server: { offers: [kind] } })
    const choice = await toAuthorizing(s)
    expect(choice.offer).toMatchObject({ id: 'l402:0', protocol: 'l402', amount: { value: 100n, decimals: 8, currency: 'btc' } })
    s.checkout.submit({ via: 'webln' })
    const state = await untilStatus(s.checkout, 'paid')
    const [invoice] = s.server.invoices
    const token = (choice.offer.source as { token: string }).token
    expect(s.server.paidCalls.map((c) => c.authorization)).toEqual([`${scheme} ${token}:${invoice!.preimage}`])
    expect(state.receipt).toMatchObject({ protocol: 'l402', method: 'lightning', reference: 'l402:0', status: 'success', fromServer: false })
    expect(await (await s.checkout.result).json()).toEqual({ content: 'l402 content' })
  })
})

describe('createCheckout: the request is replayed byte for byte', () => {
  const target = `${origin}/api/summarize`

  const form = () => {
    const f = new FormData()
    f.set('text', 'Lighthouses are tall.')
    f.set('file', new Blob([new Uint8Array([0, 1, 2, 250])], { type: 'application/octet-stream' }), 'data.bin')
    return f
  }

  test.each([
    ['a JSON string', () => ({ init: { method: 'POST', body: JSON.stringify({ text: 'hi', n: 1 }), headers: { 'content-type': 'application/json' } } }), 'application/json'],
    ['FormData', () => ({ init: { method: 'POST', body: form() } }), /^multipart\/form-data; boundary=/],
    ['a Blob', () => ({ init: { method: 'PUT', body: new Blob(['blob body'], { type: 'text/markdown' }) } }), 'text/markdown'],
    ['a Uint8Array', () => ({ init: { method: 'POST', body: new Uint8Array([1, 2, 3, 0, 255]) } }), null],
    [
      'a Request object',
      () => ({ input: new Request(target, { method: 'PATCH', body: '{"a":1}', headers: { 'content-type': 'application/merge-patch+json', 'x-app': 'y' } }) }),
      'application/merge-patch+json',
    ],
  ] as const)('%s', async (_, make, contentType) => {
    const { init, input } = make() as { init?: RequestInit; input?: Request }
    const s = await setup({ input: input ?? target, init })
    await toAuthorizing(s)
    s.checkout.submit({ via: 'webln' })
    await untilStatus(s.checkout, 'paid')
    const [unpaid, paid] = s.server.calls
    expect(s.server.calls).toHaveLength(2)
    expect(paid!.method).toBe(unpaid!.method)
    expect(paid!.method).toBe(input?.method ?? init!.method)
    expect(paid!.body).toEqual(unpaid!.body)
    expect(paid!.body.byteLength).toBeGreaterThan(0)
    expect(paid!.headers.get('content-type')).toBe(unpaid!.headers.get('content-type'))
    if (typeof contentType === 'string' || contentType === null) expect(paid!.headers.get('content-type')).toBe(contentType)
    else expect(paid!.headers.get('content-type')).toMatch(contentType)
    if (input) expect(paid!.headers.get('x-app')).toBe('y')
    expect(unpaid!.authorization).toBeNull()
    expect(paid!.authorization).toMatch(/^Payment /)
  })

  test('the page’s own headers are kept on the paid retry', async () => {
    const s = await setup({ init: { headers: { 'x-request-id': 'abc', accept: 'application/json' } } })
    await toAuthorizing(s)
    s.checkout.submit({ via: 'webln' })
    await untilStatus(s.checkout, 'paid')
    expect(s.server.paidCalls[0]!.headers.get('x-request-id')).toBe('abc')
    expect(s.server.paidCalls[0]!.headers.get('accept')).toBe('application/json')
  })
})

describe('createCheckout: secrets never enter the state', () => {
  const secretsIn = (server: TestServer) => {
    const secrets = server.invoices.map((i) => i.preimage)
    for (const call of server.paidCalls) {
      secrets.push(call.authorization!)
      if (call.authorization!.startsWith('Payment ')) {
        const credential = call.authorization!.slice('Payment '.length)
        secrets.push(credential, credential.slice(0, 40), credential.slice(-40))
      }
    }
    return secrets
  }

  test.each([
    ['paid', [] as const, 'lightning'],
    ['verification-failed then paid', ['verification-failed'] as const, 'lightning'],
    ['uncertain then resumed', ['network-error'] as const, 'lightning'],
    ['L402', [] as const, 'l402'],
  ] as const)('%s', async (_, script, kind) => {
    const s = await setup({ server: { offers: [kind] } })
    const recorded = recordStates(s.checkout)
    s.server.script.push(...script)
    await toAuthorizing(s)
    s.checkout.submit({ preimage: preimageFor('wrong') })
    await until(s.checkout, (st) => st.error !== undefined)
    s.checkout.submit({ via: 'webln' })
    await until(s.checkout, (st) => st.status === 'paid' || st.status === 'failed' || st.status === 'uncertain')
    if (s.checkout.getState().status === 'failed') {
      s.checkout.retry()
      s.checkout.submit({ via: 'webln' })
    }
    if (s.checkout.getState().status === 'uncertain') s.checkout.resume()
    await untilStatus(s.checkout, 'paid')

    const secrets = secretsIn(s.server)
    expect(secrets.length).toBeGreaterThanOrEqual(kind === 'l402' ? 2 : 4)
    recorded.states.push(stringifyState(s.checkout.getState()))
    expect(recorded.states.length).toBeGreaterThan(6)
    for (const json of recorded.states) for (const secret of secrets) expect(json).not.toContain(secret)
    // and the bigint-safe serializer did see the amounts
    expect(recorded.states.at(-1)).toContain('"100n"')
  })
})

describe('createCheckout: without payment', () => {
  test('a free answer resolves at once, with no receipt', async () => {
    const s = await setup({ server: { freePaths: ['/api/free'] }, input: `${origin}/api/free` })
    s.checkout.start()
    const state = await untilStatus(s.checkout, 'paid')
    expect(state.receipt).toBeUndefined()
    expect(state.attempts).toBe(0)
    const response = await s.checkout.result
    expect(await response.text()).toBe('free content')
    expect(await state.response!.text()).toBe('free content')
  })

  test('an unreachable server fails with a network error; retry asks again', async () => {
    let failures = 1
    const s = await setup({
      fetch: (server) => (async (input, init) => {
        if (failures-- > 0) throw new TypeError('getaddrinfo ENOTFOUND api.example.test')
        return server.fetch(input, init)
      }) as typeof fetch,
    })
    s.checkout.start()
    const failed = await untilStatus(s.checkout, 'failed')
    expect(failed.error).toEqual({ code: 'network', message: 'The server could not be reached (getaddrinfo ENOTFOUND api.example.test).' })
    s.checkout.retry()
    await untilStatus(s.checkout, 'choosing')
  })

  test('a checkout created with the first 402 does not send the unpaid request again', async () => {
    const server = createTestServer()
    const deps = depsFor(server)
    const request = await toPaidRequest(photo)
    const first = await server.fetch(photo)
    const checkout = createCheckout(request, deps, { first })
    checkout.start()
    await untilStatus(checkout, 'choosing')
    expect(server.calls).toHaveLength(1)
    expect(checkout.id).toMatch(/^checkout_[0-9a-z]+$/)
    expect(checkout.request).toBe(request)
  })

  test('subscribe returns an unsubscribe', async () => {
    const s = await setup()
    let calls = 0
    const off = s.checkout.subscribe(() => calls++)
    s.checkout.start()
    await untilStatus(s.checkout, 'choosing')
    expect(calls).toBe(2)
    off()
    s.checkout.cancel()
    expect(calls).toBe(2)
  })
})

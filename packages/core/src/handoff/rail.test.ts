import { describe, expect, test } from 'vitest'
import { until, untilStatus } from '../../test/helpers'
import { usd } from '../amount'
import type { Checkout } from '../checkout/checkout'
import { CheckoutCancelledError } from '../checkout/errors'
import { createMppKit } from '../kit'
import type { PolicyConfig } from '../policy'
import { handoffRailCore, type HandoffRailOptions } from './rail'
import { createHandoffWaiter, type HandoffWaiter, type HandoffWaitStatus } from './waiter'

/** Resolves once the waiter's status satisfies `predicate`. */
function waitFor(waiter: HandoffWaiter, predicate: (s: HandoffWaitStatus) => boolean, timeoutMs = 2000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (predicate(waiter.getStatus())) return resolve()
    const timer = setTimeout(() => reject(new Error(`timed out; waiter is ${JSON.stringify(waiter.getStatus())}`)), timeoutMs)
    const stop = waiter.subscribe(() => {
      if (!predicate(waiter.getStatus())) return
      clearTimeout(timer)
      stop()
      resolve()
    })
  })
}

const api = 'https://news.example.test'
const content = `${api}/ucap/v1/content/devnet/welcome?reader=r1`
const entitlementsUrl = `${api}/ucap/v1/entitlements?reader=r1`

/** A UCAP publisher in memory: 402 with two tiers until the entitlement exists, then 200. */
function publisher(options: { expiresAt?: string; stillLocked?: boolean } = {}) {
  const calls: { path: string; authorization: string | null; via: 'kit' | 'rail' }[] = []
  let entitled = false
  let throttle = 0
  const tier = (id: string, cents: number) => ({
    tier_id: id,
    tier_name: id === 'premium' ? 'Premium' : 'Supporter',
    price: { amount: cents, currency: 'USD', interval: 'month' },
    features: [`${id} posts`],
    checkout_url: `https://pay.example.test/checkout/${id}`,
    ...(options.expiresAt ? { expires_at: options.expiresAt } : {}),
  })
  const handle = (via: 'kit' | 'rail') =>
    (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input))
      calls.push({ path: url.pathname, authorization: new Headers(init?.headers).get('authorization'), via })
      if (url.pathname === '/ucap/v1/entitlements') {
        if (throttle > 0) {
          throttle--
          return new Response('{}', { status: 429, headers: { 'retry-after': '1' } })
        }
        const list = entitled ? [{ id: 'ent_42', publisher_id: 'devnet', tier_id: 'supporter', status: 'active' }] : [{ id: 'old', publisher_id: 'devnet', tier_id: 'supporter', status: 'expired' }]
        return Response.json({ entitlements: list })
      }
      if (entitled && !options.stillLocked) return Response.json({ content: { text: 'The full text.' } })
      return Response.json(
        { error: { code: 'payment_required' }, teaser: { title: 'Welcome' }, offers: [tier('premium', 1500), tier('supporter', 500)], publisher: { id: 'devnet', name: 'Devnet Daily' } },
        { status: 402 },
      )
    }) as typeof fetch
  return {
    calls,
    kitFetch: handle('kit'),
    railFetch: handle('rail'),
    entitle: () => void (entitled = true),
    throttle: (n: number) => void (throttle = n),
    contentCalls: () => calls.filter((c) => c.path.startsWith('/ucap/v1/content')).length,
  }
}

async function waitingCheckout(
  server: ReturnType<typeof publisher>,
  rail: HandoffRailOptions = {},
  policy: PolicyConfig = { maxPerPayment: [usd('10.00')] },
) {
  const kit = createMppKit({
    rails: [handoffRailCore({ fetch: server.railFetch, entitlements: entitlementsUrl, poll: { minMs: 10, maxMs: 20 }, ...rail })],
    fetch: server.kitFetch,
    policy,
  })
  const checkout = await kit.checkout(content)
  checkout.start()
  const state = await untilStatus(checkout, 'choosing')
  const waiter = createHandoffWaiter()
  return { kit, checkout, state, waiter }
}

const choose = (checkout: Checkout, id: string, waiter = createHandoffWaiter()) => {
  checkout.choose(id)
  checkout.submit({ waiter })
  return waiter
}

describe('the hand-off rail in a checkout', () => {
  test('tiers pass the policy on their price; the entitlement found → one retry, no credential, a receipt', async () => {
    const server = publisher()
    const { kit, checkout, state } = await waitingCheckout(server)
    expect(state.choices.map((c) => [c.offer.id, c.rail, c.blocked])).toEqual([
      ['ucap:premium', 'handoff', '$15.00 is above your limit of $10.00 per payment.'],
      ['ucap:supporter', 'handoff', undefined],
    ])
    const waiter = choose(checkout, 'ucap:supporter')
    await until(checkout, (s) => s.waiting === true)
    await waitFor(waiter, (w) => w.checks >= 2) // it polls while nothing is paid
    expect(server.contentCalls()).toBe(1)
    server.entitle()
    const paid = await untilStatus(checkout, 'paid')
    expect(await (await checkout.result).json()).toEqual({ content: { text: 'The full text.' } })
    expect(server.contentCalls()).toBe(2) // the 402, then exactly one retry
    expect(server.calls.filter((c) => c.path.startsWith('/ucap/v1/content')).map((c) => [c.via, c.authorization])).toEqual([
      ['kit', null],
      ['kit', null],
    ])
    expect(server.calls.filter((c) => c.path === '/ucap/v1/entitlements').every((c) => c.via === 'rail')).toBe(true)
    expect(paid.receipt).toMatchObject({ protocol: 'ucap', method: 'checkout', reference: 'ent_42', amount: { value: 500n, currency: 'usd' } })
    expect(kit.policy.spent(new URL(api).origin, 'usd')).toBe(500n)
    expect(waiter.getStatus().kind).toBe('found')
  })

  test('"check now" checks at once: not detected yet, then found', async () => {
    const server = publisher()
    const { checkout } = await waitingCheckout(server, { poll: { minMs: 60_000, maxMs: 60_000 } })
    const waiter = choose(checkout, 'ucap:supporter')
    waiter.checkNow()
    await waitFor(waiter, (w) => w.kind === 'not-detected')
    expect(checkout.getState().status).toBe('submitting')
    server.entitle()
    waiter.checkNow()
    await untilStatus(checkout, 'paid')
    expect(server.calls.filter((c) => c.path === '/ucap/v1/entitlements')).toHaveLength(2)
  })

  test('cancel while waiting: cancelled, nothing more is requested', async () => {
    const server = publisher()
    const { checkout } = await waitingCheckout(server)
    const waiter = choose(checkout, 'ucap:supporter')
    await waitFor(waiter, (w) => w.checks >= 1)
    checkout.cancel()
    expect(checkout.getState().status).toBe('cancelled')
    await expect(checkout.result).rejects.toBeInstanceOf(CheckoutCancelledError)
    const count = server.calls.length
    await new Promise((r) => setTimeout(r, 80))
    expect(server.calls.length).toBe(count)
  })

  test('the checkout session expires while waiting: expired, with the reason', async () => {
    const server = publisher({ expiresAt: new Date(Date.now() + 300).toISOString() })
    const { checkout } = await waitingCheckout(server, { poll: { minMs: 60_000, maxMs: 60_000 } })
    choose(checkout, 'ucap:supporter')
    const expired = await untilStatus(checkout, 'expired', 3000)
    expect(expired.error).toEqual({ code: 'expired', message: expect.stringMatching(/^This checkout expired before a payment was detected/) })
    expect(server.contentCalls()).toBe(1)
  })

  test('still 402 after the entitlement showed up: "not detected yet", one retry, no loop', async () => {
    const server = publisher({ stillLocked: true })
    const { checkout } = await waitingCheckout(server)
    server.entitle()
    choose(checkout, 'ucap:supporter')
    const failed = await untilStatus(checkout, 'failed')
    expect(failed.error?.message).toMatch(/^Payment not detected yet/)
    await new Promise((r) => setTimeout(r, 80))
    expect(server.contentCalls()).toBe(2)
    expect(checkout.getState().attempts).toBe(1)
  })

  test('Retry-After on the entitlement check is honoured', async () => {
    const server = publisher()
    const { checkout } = await waitingCheckout(server)
    server.throttle(1)
    server.entitle()
    const started = Date.now()
    choose(checkout, 'ucap:supporter')
    await untilStatus(checkout, 'paid', 3000)
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
  })

  test('without an entitlements URL it re-requests the content through the rail fetcher', async () => {
    const server = publisher()
    const { checkout } = await waitingCheckout(server, { entitlements: undefined })
    const waiter = choose(checkout, 'ucap:supporter')
    await waitFor(waiter, (w) => w.checks >= 1)
    server.entitle()
    await untilStatus(checkout, 'paid')
    const vias = server.calls.map((c) => c.via)
    expect(vias[0]).toBe('kit')
    expect(vias.at(-1)).toBe('kit')
    expect(vias.slice(1, -1).every((v) => v === 'rail')).toBe(true)
  })

  test('an unsafe checkout URL is refused before any waiting', async () => {
    const kit = createMppKit({
      rails: [handoffRailCore({ fetch: async () => new Response('{}') })],
      fetch: async () =>
        Response.json({ offers: [{ tier_id: 't', price: { amount: 100, currency: 'USD' }, checkout_url: 'javascript:alert(1)' }] }, { status: 402 }),
    })
    const checkout = await kit.checkout(content)
    checkout.start()
    await untilStatus(checkout, 'choosing')
    choose(checkout, 'ucap:t')
    const back = await until(checkout, (s) => s.status === 'authorizing' && !!s.error)
    expect(back.error).toEqual({ code: 'rail', message: '"javascript:" links are never opened: only https checkout pages are.' })
  })
})

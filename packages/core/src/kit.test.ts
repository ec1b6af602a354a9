import { describe, expect, test, vi } from 'vitest'
import { settle, untilStatus } from '../test/helpers'
import { createTestServer, origin, type ServerOptions, type TestServer } from '../test/server'
import { sats } from './amount'
import type { Checkout } from './checkout/checkout'
import { CheckoutCancelledError } from './checkout/errors'
import { createMppKit, type MppKit, type MppKitConfig } from './kit'
import { lightningRailCore } from './lightning/rail'
import { createPolicy } from './policy'
import { memoryReceiptStore } from './receipts'

const photo = `${origin}/api/photo`

function setup(options: { server?: ServerOptions; kit?: Partial<MppKitConfig> } = {}): { server: TestServer; kit: MppKit; responses: Response[] } {
  const server = createTestServer(options.server)
  const responses: Response[] = []
  const fetch = (async (input, init) => {
    const response = await server.fetch(input, init)
    responses.push(response)
    return response
  }) as typeof globalThis.fetch
  const kit = createMppKit({ rails: [lightningRailCore({ webln: () => server.wallet })], fetch, ...options.kit })
  return { server, kit, responses }
}

async function activeCheckout(kit: MppKit): Promise<Checkout> {
  await vi.waitFor(() => expect(kit.queue.getActive()).toBeDefined(), { timeout: 2000, interval: 2 })
  return kit.queue.getActive()!
}

async function pay(checkout: Checkout) {
  const state = await untilStatus(checkout, 'choosing')
  checkout.choose(state.choices[0]!.offer.id)
  checkout.submit({ via: 'webln' })
  await untilStatus(checkout, 'paid')
}

describe('createMppKit', () => {
  test('kit.fetch passes a non-402 answer through untouched', async () => {
    const { server, kit, responses } = setup({ server: { freePaths: ['/free'] } })
    const response = await kit.fetch(`${origin}/free`, { method: 'POST', body: 'x', headers: { 'x-app': '1' } })
    expect(response).toBe(responses[0])
    expect(await response.text()).toBe('free content')
    expect(server.calls).toHaveLength(1)
    expect(server.calls[0]).toMatchObject({ method: 'POST', authorization: null })
    expect(server.calls[0]!.headers.get('x-app')).toBe('1')
    expect(kit.queue.getActive()).toBeUndefined()
  })

  test('errors other than 402 pass through too', async () => {
    const kit = createMppKit({ rails: [], fetch: async () => new Response('nope', { status: 404 }) })
    const response = await kit.fetch(photo)
    expect([response.status, await response.text()]).toEqual([404, 'nope'])
    expect(kit.queue.getActive()).toBeUndefined()
  })

  test('a 402 opens a checkout in the queue; paying resolves kit.fetch with the paid response and keeps a receipt', async () => {
    const { server, kit } = setup()
    const pending = kit.fetch(photo)
    const checkout = await activeCheckout(kit)
    expect(checkout.request.url).toBe(photo)
    await pay(checkout)
    const response = await pending
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ content: 'paid content for /api/photo' })
    expect(server.paidCalls).toHaveLength(1)
    expect(kit.receipts.list().map((r) => [r.reference, r.amount])).toEqual([[server.invoices[0]!.paymentHash, sats(100)]])
    // a paid checkout stays visible (its receipt) until dismissed
    expect(kit.queue.getActive()).toBe(checkout)
    kit.queue.dismiss(checkout)
    expect(kit.queue.getActive()).toBeUndefined()
  })

  test('the queue shows one checkout at a time: the second waits for the first to be cancelled', async () => {
    const { server, kit } = setup()
    let notified = 0
    kit.queue.subscribe(() => notified++)
    const first = kit.fetch(`${origin}/api/a`)
    const a = await activeCheckout(kit)
    const second = kit.fetch(`${origin}/api/b`)
    await vi.waitFor(() => expect(kit.queue.getWaiting()).toBe(1), { timeout: 2000, interval: 2 })
    expect(kit.queue.getActive()).toBe(a)
    expect(a.request.url).toBe(`${origin}/api/a`)

    a.cancel()
    await expect(first).rejects.toBeInstanceOf(CheckoutCancelledError)
    const b = kit.queue.getActive()!
    expect(b).not.toBe(a)
    expect(b.request.url).toBe(`${origin}/api/b`)
    expect(kit.queue.getWaiting()).toBe(0)

    await pay(b)
    expect(await (await second).json()).toEqual({ content: 'paid content for /api/b' })
    expect(server.paidCalls.map((c) => c.url)).toEqual([`${origin}/api/b`])
    expect(notified).toBeGreaterThanOrEqual(4) // a queued, b queued, a removed, b paid
  })

  test('dismissing a paid checkout shows the next one', async () => {
    const { kit } = setup()
    const first = kit.fetch(`${origin}/api/a`)
    const a = await activeCheckout(kit)
    const second = kit.fetch(`${origin}/api/b`)
    await vi.waitFor(() => expect(kit.queue.getWaiting()).toBe(1), { timeout: 2000, interval: 2 })
    await pay(a)
    await first
    expect(kit.queue.getActive()).toBe(a)
    kit.queue.dismiss(a)
    const b = kit.queue.getActive()!
    expect(b.request.url).toBe(`${origin}/api/b`)
    kit.queue.dismiss(b) // dismissing an open checkout cancels it
    await expect(second).rejects.toBeInstanceOf(CheckoutCancelledError)
    expect(b.getState().status).toBe('cancelled')
    expect(kit.queue.getActive()).toBeUndefined()
  })

  test('two concurrent fetches of the same GET URL share one payment; both bodies are readable', async () => {
    const { server, kit } = setup()
    const one = kit.fetch(photo)
    const two = kit.fetch(photo)
    const checkout = await activeCheckout(kit)
    await settle()
    expect(kit.queue.getWaiting()).toBe(0)
    // a third caller while the checkout is open does not even ask the server
    const callsBefore = server.calls.length
    const three = kit.fetch(photo)
    await settle()
    expect(server.calls).toHaveLength(callsBefore)

    await pay(checkout)
    const responses = await Promise.all([one, two, three])
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200])
    const bodies = await Promise.all(responses.map((r) => r.json()))
    expect(bodies).toEqual([0, 1, 2].map(() => ({ content: 'paid content for /api/photo' })))
    expect(server.paidCalls).toHaveLength(1)
    expect(server.wallet.payments).toHaveLength(1)
  })

  test('POST requests are never shared: each gets its own checkout', async () => {
    const { kit } = setup()
    const one = kit.fetch(photo, { method: 'POST', body: 'same' })
    const two = kit.fetch(photo, { method: 'POST', body: 'same' })
    await activeCheckout(kit)
    await vi.waitFor(() => expect(kit.queue.getWaiting()).toBe(1), { timeout: 2000, interval: 2 })
    kit.queue.getActive()!.cancel()
    kit.queue.getActive()!.cancel()
    await expect(one).rejects.toBeInstanceOf(CheckoutCancelledError)
    await expect(two).rejects.toBeInstanceOf(CheckoutCancelledError)
    expect(kit.queue.getActive()).toBeUndefined()
  })

  test('after a shared payment settles, the same URL asks the server again', async () => {
    const { server, kit } = setup()
    const first = kit.fetch(photo)
    await pay(await activeCheckout(kit))
    await first
    kit.queue.dismiss(kit.queue.getActive()!)
    const again = kit.fetch(photo)
    const checkout = await activeCheckout(kit)
    checkout.cancel()
    await expect(again).rejects.toBeInstanceOf(CheckoutCancelledError)
    expect(server.calls.filter((c) => c.authorization === null)).toHaveLength(2)
  })

  test('kit.fetch replays a Request object’s body on the paid retry', async () => {
    const { server, kit } = setup()
    const pending = kit.fetch(new Request(`${origin}/api/summarize`, { method: 'POST', body: 'summarize me', headers: { 'content-type': 'text/plain' } }))
    await pay(await activeCheckout(kit))
    expect((await pending).status).toBe(200)
    const [unpaid, paid] = server.calls
    expect([unpaid!.method, paid!.method]).toEqual(['POST', 'POST'])
    expect(new TextDecoder().decode(paid!.body)).toBe('summarize me')
    expect(paid!.body).toEqual(unpaid!.body)
    expect(paid!.headers.get('content-type')).toBe('text/plain')
  })

  test('kit.checkout makes an unqueued checkout', async () => {
    const { server, kit } = setup()
    const checkout = await kit.checkout(photo)
    expect(checkout.getState().status).toBe('idle')
    expect(server.calls).toHaveLength(0)
    checkout.start()
    await untilStatus(checkout, 'choosing')
    expect(kit.queue.getActive()).toBeUndefined()
  })

  test('policy: a config or a ready Policy; receipts store and rails are exposed', async () => {
    const policy = createPolicy({ maxPerPayment: [sats(50)] })
    const receipts = memoryReceiptStore()
    const rails = [lightningRailCore()]
    const kit = createMppKit({ rails, policy, receipts, fetch: async () => new Response('') })
    expect(kit.policy).toBe(policy)
    expect(kit.receipts).toBe(receipts)
    expect(kit.rails).toBe(rails)

    const { kit: configured } = setup({ kit: { policy: { maxPerPayment: [sats(50)] } } })
    const pending = configured.fetch(photo)
    const checkout = await activeCheckout(configured)
    const state = await untilStatus(checkout, 'failed')
    expect(state.choices[0]!.blocked).toBe('100 sats is above your limit of 50 sats per payment.')
    checkout.cancel()
    await expect(pending).rejects.toBeInstanceOf(CheckoutCancelledError)
  })

  test('uses globalThis.fetch by default', async () => {
    const calls: string[] = []
    vi.stubGlobal('fetch', async (input: string) => {
      calls.push(input)
      return new Response('from global')
    })
    try {
      const kit = createMppKit({ rails: [] })
      expect(await (await kit.fetch(photo)).text()).toBe('from global')
      expect(calls).toEqual([photo])
    } finally {
      vi.unstubAllGlobals()
    }
  })
})

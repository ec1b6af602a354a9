import { QueryClient } from '@tanstack/query-core'
import { describe, expect, test, vi } from 'vitest'
import { untilStatus } from '../test/helpers'
import { createTestServer, origin } from '../test/server'
import { initialState } from './checkout/machine'
import { CheckoutCancelledError } from './checkout/errors'
import { createMppKit, type MppKit } from './kit'
import { lightningRailCore } from './lightning/rail'
import { HttpError, paidQueryOptions } from './query'

const photo = `${origin}/api/photo`
const kitStub = {} as MppKit // only queryFn touches the kit

function setup() {
  const server = createTestServer({ freePaths: ['/free'] })
  const kit = createMppKit({ rails: [lightningRailCore({ webln: () => server.wallet })], fetch: server.fetch })
  const client = new QueryClient({ defaultOptions: { queries: { retryDelay: 0 } } })
  return { server, kit, client }
}

describe('paidQueryOptions', () => {
  test('query keys', () => {
    expect(paidQueryOptions(kitStub, { url: photo }).queryKey).toEqual(['mppkit', 'GET', photo, null])
    expect(paidQueryOptions(kitStub, { url: photo, init: { method: 'post', body: '{"q":1}' } }).queryKey).toEqual(['mppkit', 'POST', photo, '{"q":1}'])
    expect(paidQueryOptions(kitStub, { url: photo, init: { method: 'POST', body: new FormData() } }).queryKey).toEqual(['mppkit', 'POST', photo, null])
    expect(paidQueryOptions(kitStub, { url: photo, queryKey: ['photo', 1] }).queryKey).toEqual(['photo', 1])
  })

  test('paid data never refetches on its own', () => {
    const options = paidQueryOptions(kitStub, { url: photo })
    expect(options.staleTime).toBe(Number.POSITIVE_INFINITY)
    expect(options.refetchOnWindowFocus).toBe(false)
    expect(options.refetchOnReconnect).toBe(false)
    expect(options.refetchOnMount).toBe(false)
  })

  test('retry: never after a cancel or an HTTP error, once after anything else', () => {
    const { retry } = paidQueryOptions(kitStub, { url: photo })
    const cancelled = new CheckoutCancelledError(initialState({ url: photo, method: 'GET', origin }))
    expect(retry(0, cancelled)).toBe(false)
    expect(retry(0, new HttpError(new Response(null, { status: 500 })))).toBe(false)
    expect(retry(0, new TypeError('fetch failed'))).toBe(true)
    expect(retry(1, new TypeError('fetch failed'))).toBe(false)
  })

  test('HttpError keeps the response', () => {
    const response = new Response(null, { status: 503 })
    const error = new HttpError(response)
    expect([error.name, error.message, error.response]).toEqual(['HttpError', 'HTTP 503', response])
  })

  test('queryFn through a QueryClient: a free answer, with a custom parser', async () => {
    const { kit, client, server } = setup()
    const data = await client.fetchQuery(paidQueryOptions(kit, { url: `${origin}/free`, parse: (r) => r.text() }))
    expect(data).toBe('free content')
    expect(server.calls).toHaveLength(1)
    expect(kit.queue.getActive()).toBeUndefined()
  })

  test('queryFn: a 402 goes through the checkout and resolves with the paid data', async () => {
    const { kit, client, server } = setup()
    const pending = client.fetchQuery(paidQueryOptions<{ content: string }>(kit, { url: photo }))
    await vi.waitFor(() => expect(kit.queue.getActive()).toBeDefined(), { timeout: 2000, interval: 2 })
    const checkout = kit.queue.getActive()!
    const state = await untilStatus(checkout, 'choosing')
    checkout.choose(state.choices[0]!.offer.id)
    checkout.submit({ via: 'webln' })
    expect(await pending).toEqual({ content: 'paid content for /api/photo' })
    expect(client.getQueryData(['mppkit', 'GET', photo, null])).toEqual({ content: 'paid content for /api/photo' })
    expect(server.paidCalls).toHaveLength(1)
  })

  test('queryFn: a cancelled checkout rejects once and is not retried', async () => {
    const { kit, client, server } = setup()
    const pending = client.fetchQuery(paidQueryOptions(kit, { url: photo }))
    await vi.waitFor(() => expect(kit.queue.getActive()).toBeDefined(), { timeout: 2000, interval: 2 })
    kit.queue.getActive()!.cancel()
    await expect(pending).rejects.toBeInstanceOf(CheckoutCancelledError)
    expect(server.calls).toHaveLength(1)
  })

  test('queryFn: a non-OK answer is an HttpError, not retried', async () => {
    let calls = 0
    const kit = createMppKit({
      rails: [],
      fetch: async () => {
        calls++
        return new Response('gone', { status: 410 })
      },
    })
    const client = new QueryClient()
    const error = await client.fetchQuery(paidQueryOptions(kit, { url: photo })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HttpError)
    expect((error as HttpError).response.status).toBe(410)
    expect(calls).toBe(1)
  })

  test('queryFn passes the query signal to the request', async () => {
    let seen: AbortSignal | null | undefined
    const kit = createMppKit({
      rails: [],
      fetch: async (_input, init) => {
        seen = init?.signal
        return new Response('{}')
      },
    })
    const controller = new AbortController()
    await paidQueryOptions(kit, { url: photo }).queryFn({ signal: controller.signal })
    expect(seen).toBe(controller.signal)
  })
})

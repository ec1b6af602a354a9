import { createAssetBook, type AssetBook } from './assets'
import { Mppx } from 'mppx/client'
import { createCheckout, type Checkout, type CheckoutDeps, type PaymentPreparer } from './checkout/checkout'
import { createPolicy, type Policy, type PolicyConfig } from './policy'
import type { Rail } from './rail'
import { memoryReceiptStore, type ReceiptStore } from './receipts'
import { toPaidRequest, type PaidRequest } from './request'

export type MppKitConfig = {
  /** The rails this page can pay with, in the order a person should see them. */
  rails: readonly Rail[]
  /** Spending limits; an already created Policy is used as is. */
  policy?: PolicyConfig | Policy | undefined
  /** The plain fetch to send requests with (defaults to globalThis.fetch). Never a paying fetch. */
  fetch?: typeof fetch | undefined
  receipts?: ReceiptStore | undefined
  /** Token names the app knows, by currency (token address). */
  assets?: AssetBook | undefined
  /** How long a paid retry may go unanswered before the checkout is `uncertain` (ms). */
  timeoutMs?: number | undefined
}

/** The checkouts waiting for a person, one shown at a time. */
export type CheckoutQueue = {
  /** The checkout to show now, if any. */
  getActive(): Checkout | undefined
  /** How many are waiting behind the active one. */
  getWaiting(): number
  subscribe(listener: () => void): () => void
  /** Removes a settled checkout (paid or cancelled) so the next one shows. */
  dismiss(checkout: Checkout): void
}

export type MppKit = {
  /**
   * A fetch that pays: a 402 opens a checkout in the queue, and the promise resolves with the
   * paid response (or rejects with CheckoutCancelledError). Other responses pass through.
   */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>
  /** A checkout for one request that is not queued (for inline gates). Call `start()`. */
  checkout(input: RequestInfo | URL, init?: RequestInit): Promise<Checkout>
  readonly queue: CheckoutQueue
  readonly receipts: ReceiptStore
  /** Token names for display; may be filled in later (`kit.assets.set(address, { symbol })`). */
  readonly assets: AssetBook
  readonly policy: Policy
  readonly rails: readonly Rail[]
}

export function createMppKit(config: MppKitConfig): MppKit {
  const baseFetch: typeof fetch = config.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const policy = isPolicy(config.policy) ? config.policy : createPolicy(config.policy)
  const receipts = config.receipts ?? memoryReceiptStore()
  // One mppx client for the kit's life; it never replaces globalThis.fetch and never adds
  // Accept-Payment to requests (the kit sends requests itself, with the page's own headers).
  const mppx = Mppx.create({
    polyfill: false,
    acceptPaymentPolicy: 'never',
    fetch: baseFetch,
    methods: config.rails.flatMap((rail) => rail.methods ?? []),
  })
  const assets = config.assets ?? createAssetBook()
  const deps: CheckoutDeps = { rails: config.rails, policy, mppx: mppx as unknown as PaymentPreparer, fetch: baseFetch, receipts, timeoutMs: config.timeoutMs ?? 60_000, assets }

  let queued: Checkout[] = []
  const listeners = new Set<() => void>()
  const notify = () => {
    for (const l of listeners) l()
  }
  const queue: CheckoutQueue = {
    getActive: () => queued[0],
    getWaiting: () => Math.max(queued.length - 1, 0),
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    dismiss(checkout) {
      const status = checkout.getState().status
      if (status !== 'paid' && status !== 'cancelled') checkout.cancel()
      const before = queued.length
      queued = queued.filter((c) => c !== checkout)
      if (queued.length !== before) notify()
    },
  }

  // The same idempotent request asked for twice while its checkout is open shares one payment.
  const inFlight = new Map<string, Promise<Response>>()

  /** Opens a queued checkout for a 402 and resolves with the paid response. */
  async function pay(request: PaidRequest, first: Response): Promise<Response> {
    const again = inFlight.get(request.key)
    if (again) return again.then((r) => r.clone())
    const checkout = createCheckout(request, deps, { first })
    const idempotent = request.method === 'GET' || request.method === 'HEAD'
    if (idempotent) inFlight.set(request.key, checkout.result)
    queued = [...queued, checkout]
    const unsubscribe = checkout.subscribe(() => {
      const status = checkout.getState().status
      if (status === 'cancelled') queue.dismiss(checkout)
      else if (status === 'paid') notify()
    })
    notify()
    checkout.start()
    try {
      const response = await checkout.result
      return idempotent ? response.clone() : response
    } finally {
      unsubscribe()
      if (inFlight.get(request.key) === checkout.result) inFlight.delete(request.key)
    }
  }

  return {
    async fetch(input, init) {
      // Fast path for the common case: no body to buffer and no checkout open, so the request goes
      // out exactly as given and is only normalized if it comes back 402.
      if (inFlight.size === 0 && init?.body == null && !(typeof Request !== 'undefined' && input instanceof Request)) {
        const first = await baseFetch(input, init)
        if (first.status !== 402) return first
        return pay(await toPaidRequest(input, init), first)
      }
      const request = await toPaidRequest(input, init)
      const shared = inFlight.get(request.key)
      if (shared) return shared.then((r) => r.clone())
      const first = await baseFetch(request.url, { ...request.init, headers: new Headers(request.init.headers) })
      if (first.status !== 402) return first
      return pay(request, first)
    },
    async checkout(input, init) {
      return createCheckout(await toPaidRequest(input, init), deps)
    },
    queue,
    receipts,
    assets,
    policy,
    rails: config.rails,
  }
}

function isPolicy(value: unknown): value is Policy {
  return !!value && typeof (value as Policy).check === 'function' && typeof (value as Policy).record === 'function'
}

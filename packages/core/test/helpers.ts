import { Mppx } from 'mppx/client'
import type { Checkout, CheckoutDeps, PaymentPreparer } from '../src/checkout/checkout'
import type { CheckoutState, CheckoutStatus } from '../src/checkout/machine'
import { lightningRailCore, type WebLNProvider } from '../src/lightning/rail'
import { createPolicy, type PolicyConfig } from '../src/policy'
import { memoryReceiptStore } from '../src/receipts'
import type { Rail } from '../src/rail'
import { stringifyState, type TestServer } from './server'

/** Resolves with the checkout's state once `predicate` holds (checked now and on every change). */
export function until(checkout: Checkout, predicate: (state: CheckoutState) => boolean, timeoutMs = 2000): Promise<CheckoutState> {
  return new Promise((resolve, reject) => {
    if (predicate(checkout.getState())) return resolve(checkout.getState())
    const timer = setTimeout(() => {
      unsubscribe()
      reject(new Error(`timed out waiting; state is ${checkout.getState().status}`))
    }, timeoutMs)
    const unsubscribe = checkout.subscribe(() => {
      if (!predicate(checkout.getState())) return
      clearTimeout(timer)
      unsubscribe()
      resolve(checkout.getState())
    })
  })
}

export const untilStatus = (checkout: Checkout, status: CheckoutStatus, timeoutMs?: number) =>
  until(checkout, (s) => s.status === status, timeoutMs)

/** Lets pending promise callbacks and zero-delay timers run. */
export const settle = (ms = 10) => new Promise((r) => setTimeout(r, ms))

/** Every state the checkout passes through, serialized (bigint-safe) at the moment it happened. */
export function recordStates(checkout: Checkout): { states: string[]; statuses: CheckoutStatus[] } {
  const states = [stringifyState(checkout.getState())]
  const statuses: CheckoutStatus[] = [checkout.getState().status]
  checkout.subscribe(() => {
    states.push(stringifyState(checkout.getState()))
    statuses.push(checkout.getState().status)
  })
  return { states, statuses }
}

export type DepsOptions = {
  policy?: PolicyConfig
  rails?: readonly Rail[]
  webln?: WebLNProvider | undefined
  timeoutMs?: number
}

/** Real deps: the Lightning rail, a real mppx client, a real policy, the test server's fetch. */
export function depsFor(server: TestServer, options: DepsOptions = {}): CheckoutDeps {
  const rails = options.rails ?? [lightningRailCore({ webln: () => ('webln' in options ? options.webln : server.wallet) })]
  const mppx = Mppx.create({
    polyfill: false,
    acceptPaymentPolicy: 'never',
    fetch: server.fetch,
    methods: rails.flatMap((r) => r.methods ?? []),
  })
  return {
    rails,
    policy: createPolicy(options.policy),
    mppx: mppx as unknown as PaymentPreparer,
    fetch: server.fetch,
    receipts: memoryReceiptStore(),
    timeoutMs: options.timeoutMs ?? 2000,
  }
}

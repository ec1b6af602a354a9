import type { Checkout, CheckoutState } from '@mppkit/core'
import { useSyncExternalStore } from 'react'
import { useMppContext } from './context'

const noop = () => () => {}
const nothing = () => undefined

/** The checkout waiting for the person (the one the sheet shows), or undefined. */
export function useActiveCheckout(): Checkout | undefined {
  const { queue } = useMppContext().kit
  return useSyncExternalStore(queue.subscribe, queue.getActive, queue.getActive)
}

export type UseCheckoutResult = {
  readonly checkout: Checkout | undefined
  readonly state: CheckoutState | undefined
}

/**
 * The headless checkout: its state (re-rendered on every change) plus the checkout itself, whose
 * methods are the actions (`choose`, `confirm`, `submit`, `cancel`, `retry`, `resume`, `refresh`).
 * Without an argument it follows the queue's active checkout.
 */
export function useCheckout(checkout?: Checkout): UseCheckoutResult {
  const active = useActiveCheckout()
  const target = checkout ?? active
  const state = useSyncExternalStore(target?.subscribe ?? noop, target?.getState ?? nothing, target?.getState ?? nothing)
  return { checkout: target, state }
}

import { useMppContext } from './context'

/**
 * A fetch that pays. A 402 opens the payment sheet; the promise resolves with the paid response,
 * or rejects with `CheckoutCancelledError` when the person cancels. Other responses pass through.
 * The function is stable across renders.
 */
export function useMppFetch(): (input: RequestInfo | URL, init?: RequestInit) => Promise<Response> {
  return useMppContext().kit.fetch
}

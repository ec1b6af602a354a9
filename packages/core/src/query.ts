import { CheckoutCancelledError } from './checkout/errors'
import type { MppKit } from './kit'

export class HttpError extends Error {
  override readonly name = 'HttpError'
  constructor(readonly response: Response) {
    super(`HTTP ${response.status}`)
  }
}

export type PaidQueryParameters<T> = {
  url: string
  init?: RequestInit | undefined
  /** Reads the paid response (default: JSON). */
  parse?: ((response: Response) => Promise<T>) | undefined
  queryKey?: readonly unknown[] | undefined
}

/**
 * TanStack Query options for a request that may cost money (wagmi-style: built here, bound by
 * `usePaidQuery`). A 402 goes through the checkout. Paid data never refetches on its own — a
 * refetch could cost money again — and a cancelled checkout is not retried.
 */
export function paidQueryOptions<T = unknown>(kit: MppKit, parameters: PaidQueryParameters<T>) {
  const { url, init, parse = (r: Response) => r.json() as Promise<T> } = parameters
  const method = (init?.method ?? 'GET').toUpperCase()
  return {
    queryKey: parameters.queryKey ?? (['mppkit', method, url, typeof init?.body === 'string' ? init.body : null] as const),
    async queryFn({ signal }: { signal?: AbortSignal }): Promise<T> {
      const response = await kit.fetch(url, { ...init, signal: signal ?? init?.signal ?? null })
      if (!response.ok) throw new HttpError(response)
      return parse(response)
    },
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    refetchOnMount: false,
    retry: (failures: number, error: unknown) => !(error instanceof CheckoutCancelledError) && !(error instanceof HttpError) && failures < 1,
  } as const
}

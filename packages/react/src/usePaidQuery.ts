import { paidQueryOptions, type PaidQueryParameters } from '@mppkit/core'
import { useQuery } from '@tanstack/react-query'
import { useMppContext } from './context'

/** TanStack Query for a request that may cost money: a 402 goes through the checkout. */
export function usePaidQuery<T = unknown>(parameters: PaidQueryParameters<T> & { enabled?: boolean }) {
  const { kit } = useMppContext()
  return useQuery({ ...paidQueryOptions<T>(kit, parameters), enabled: parameters.enabled ?? true })
}

// @mppkit/react/query — TanStack Query for paid requests (needs @tanstack/react-query).
export { usePaidQuery } from './usePaidQuery'
export { paidQueryOptions, HttpError, type PaidQueryParameters } from '@mppkit/core'

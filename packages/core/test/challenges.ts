import { Challenge } from 'mppx'

/**
 * A serialized MPP challenge header for unit tests of offers (kept apart from helpers.ts so these
 * tests do not load mppx/client).
 */
export function paymentHeader(parameters: {
  id?: string
  method?: string
  intent?: string
  request: Record<string, unknown>
  expires?: string
  description?: string
}): string {
  return Challenge.serialize(
    Challenge.from({
      id: parameters.id ?? 'ch_1',
      realm: 'api.example.test',
      method: parameters.method ?? 'stripe',
      intent: parameters.intent ?? 'charge',
      request: parameters.request,
      ...(parameters.expires ? { expires: parameters.expires } : {}),
      ...(parameters.description ? { description: parameters.description } : {}),
    }),
  )
}

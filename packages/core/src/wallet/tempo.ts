import { Method } from 'mppx'
import * as z from 'zod/mini'
import { RailError } from '../rail'
import type { TempoChargeWiring } from './tempo-charge'

/**
 * The `tempo/charge` method as the kit registers it at start: name and intent only, so nothing of
 * Tempo is loaded until a tempo offer is actually paid. Request and payload are validated by
 * mppx's real Tempo client, which `createCredential` loads on demand.
 */
const tempoChargeShape = Method.from({
  name: 'tempo',
  intent: 'charge',
  schema: { credential: { payload: z.unknown() }, request: z.record(z.string(), z.unknown()) },
})

export type TempoContext = TempoChargeWiring

export const lazyTempoCharge = Method.toClient(tempoChargeShape, {
  context: z.object({ getClient: z.custom<TempoChargeWiring['getClient']>(), account: z.custom<`0x${string}`>() }),
  async createCredential({ challenge, context }) {
    if (!context?.getClient || !context.account) throw new RailError('unavailable', 'Connect a wallet first.')
    const { tempoChargeClient } = await import('./tempo-charge')
    const method = tempoChargeClient({ getClient: context.getClient, account: context.account })
    return method.createCredential({ challenge: challenge as never, context: { account: context.account } as never })
  },
})

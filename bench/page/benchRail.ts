import { Credential, Method, z } from 'mppx'
import type { ReactRail } from '@mppkit/react'
import { createElement } from 'react'

/** `bench/charge`: a method that pays at once, so the bench measures the kit, not a wallet. */
export const benchCharge = Method.from({
  name: 'bench',
  intent: 'charge',
  schema: {
    credential: { payload: z.object({ ok: z.string() }) },
    request: z.object({ amount: z.string(), currency: z.string(), decimals: z.optional(z.number()), description: z.optional(z.string()) }),
  },
})

const benchClient = Method.toClient(benchCharge, {
  context: z.object({ ok: z.string() }),
  async createCredential({ challenge }) {
    return Credential.serialize({ challenge, payload: { ok: '1' } })
  },
})

export const benchRail: ReactRail<{ ok: string }> = {
  id: 'bench',
  label: 'Bench pay',
  methods: [benchClient],
  accepts: (offer) => offer.protocol === 'mpp' && offer.method === 'bench',
  async pay() {
    return { ok: '1' }
  },
  Panel: ({ submit, busy }) => createElement('button', { type: 'button', 'data-bench': 'pay', disabled: busy, onClick: () => submit({ ok: '1' }) }, 'Pay (bench)'),
}

import { Credential, Method, z } from 'mppx'
import { RailError } from '@mppkit/core'
import type { RailPanelProps, ReactRail } from '@mppkit/react'
import { useId, useState, type FormEvent } from 'react'

/**
 * A rail written by the app, not the kit: devnet's custom MPP method `credits/charge`, paid from
 * a team account with a PIN. This is all it takes to teach mppkit a new way to pay.
 */
const creditsCharge = Method.from({
  name: 'credits',
  intent: 'charge',
  schema: {
    credential: { payload: z.object({ account: z.string(), pin: z.string() }) },
    request: z.object({
      amount: z.string(),
      currency: z.string(),
      decimals: z.optional(z.number()),
      description: z.optional(z.string()),
      methodDetails: z.optional(z.object({ issuer: z.string() })),
    }),
  },
})

type CreditsInput = { account: string; pin: string }

const creditsClient = Method.toClient(creditsCharge, {
  context: z.object({ account: z.string(), pin: z.string() }),
  async createCredential({ challenge, context }) {
    return Credential.serialize({ challenge, payload: { account: context!.account, pin: context!.pin } })
  },
})

function CreditsPanel({ busy, submit }: RailPanelProps<CreditsInput>) {
  const [account, setAccount] = useState('demo')
  // The PIN input is uncontrolled so the secret is never mirrored into the page's HTML.
  const [filled, setFilled] = useState(false)
  const id = useId()
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const form = event.currentTarget as HTMLFormElement
    const pin = String(new FormData(form).get('pin') ?? '')
    form.reset()
    setFilled(false)
    submit({ account: account.trim(), pin })
  }
  return (
    <form data-mppkit-part="preimage-form" onSubmit={onSubmit} data-rail="credits">
      <label htmlFor={`${id}-account`}>Team account</label>
      <input id={`${id}-account`} value={account} onChange={(e) => setAccount(e.target.value)} autoComplete="username" required disabled={busy} />
      <label htmlFor={`${id}-pin`}>PIN</label>
      <input id={`${id}-pin`} name="pin" type="password" inputMode="numeric" onChange={(e) => setFilled(e.target.value.length > 0)} autoComplete="off" required disabled={busy} />
      <button type="submit" data-mppkit-part="primary" disabled={busy || !filled}>
        Pay with credits
      </button>
      <p data-mppkit-part="hint">Devnet account: demo · PIN 4242</p>
    </form>
  )
}

export function creditsRail(): ReactRail<CreditsInput> {
  return {
    id: 'credits',
    label: 'Team credits',
    methods: [creditsClient],
    accepts: (offer) => offer.protocol === 'mpp' && offer.method === 'credits' && offer.intent === 'charge',
    async pay(_offer, input) {
      if (!input.account || !/^\d{4,8}$/.test(input.pin)) throw new RailError('invalid-input', 'Enter the account and its 4–8 digit PIN.')
      return { account: input.account, pin: input.pin }
    },
    Panel: CreditsPanel,
  }
}

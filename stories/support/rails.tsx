import { Credential, Method, z } from 'mppx'
import { RailError } from '@mppkit/core'
import type { RailPanelProps, ReactRail } from '@mppkit/react'
import { lightningRail, type WebLNProvider } from '@mppkit/react/lightning'
import { useId, useState, type FormEvent } from 'react'

/**
 * A custom rail an app could write itself (like examples/web-app's): MPP `credits/charge`, paid
 * from a team account with a PIN. Stories use it to show several rails side by side until the
 * kit's own card, wallet and hand-off rails land (their panels get their own story files).
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
  const [filled, setFilled] = useState(false)
  const id = useId()
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const form = event.currentTarget as HTMLFormElement
    const data = new FormData(form)
    form.reset()
    setFilled(false)
    submit({ account: String(data.get('account') ?? ''), pin: String(data.get('pin') ?? '') })
  }
  return (
    <form data-mppkit-part="preimage-form" onSubmit={onSubmit} data-rail="credits">
      <label htmlFor={`${id}-account`}>Team account</label>
      <input id={`${id}-account`} name="account" defaultValue="demo" autoComplete="username" required disabled={busy} />
      <label htmlFor={`${id}-pin`}>PIN (4242 in stories)</label>
      <input id={`${id}-pin`} name="pin" type="password" inputMode="numeric" onChange={(e) => setFilled(e.target.value.length > 0)} autoComplete="off" required disabled={busy} />
      <button type="submit" data-mppkit-part="primary" disabled={busy || !filled}>
        Pay with credits
      </button>
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

/** The rails most stories use: Lightning (with the given WebLN wallet, or none) and credits. */
export function storyRails(webln: WebLNProvider | undefined): ReactRail<any>[] {
  return [lightningRail({ webln: () => webln }), creditsRail()]
}

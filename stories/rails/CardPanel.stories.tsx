import { createMppKit, readPaymentRequired, type Offer } from '@mppkit/core'
import { useMppContext, type RailPanelProps } from '@mppkit/react'
import { cardRail, CardPanel, type CardInput } from '@mppkit/react/card'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { Challenge } from 'mppx'
import { Suspense, useState, type ComponentProps } from 'react'
import { expect, fn, waitFor } from 'storybook/test'
import { fakeStripeJs } from '../../packages/devnet/src/stripe/stripe-js'
import { Kit, Part } from '../support/env'
import { dark, mobile } from '../support/story'

// The card rail's panel on its own: a stripe/charge offer, Stripe's Payment Element played by
// devnet's offline Stripe test double (it says so on screen), in each state the panel owns.
// Declines and a token endpoint that is down are checkout states: see the e2e card spec.

type Variant = 'ready' | 'stripe-unavailable'
type PanelArgs = { cents: string; variant: Variant; submit: RailPanelProps<CardInput>['submit'] }

const submit = fn()
const rails = [cardRail({ stripe: 'pk_test_story', createToken: '/api/create-spt' })]
const kit = createMppKit({ rails })

type LoadStripe = ComponentProps<typeof CardPanel>['loadStripe']
type StripeFactory = (key: string) => Awaited<ReturnType<LoadStripe>>

/** The double defines window.Stripe once; each panel then gets a Stripe instance from it. */
let doubleLoaded = false
const storyStripe: LoadStripe = () => {
  if (!doubleLoaded) {
    new Function(fakeStripeJs(null))()
    doubleLoaded = true
  }
  return Promise.resolve((window as unknown as { Stripe: StripeFactory }).Stripe('pk_test_story'))
}

async function offerFor(cents: string): Promise<Offer> {
  const header = Challenge.serialize(
    Challenge.from({
      id: `story-card-${cents}`,
      realm: 'api.example.test',
      method: 'stripe',
      intent: 'charge',
      request: { amount: cents, currency: 'usd', methodDetails: { networkId: 'internal', paymentMethodTypes: ['card'] } },
      expires: new Date(Date.now() + 3_600_000).toISOString(),
    }),
  )
  return (await readPaymentRequired(new Response(null, { status: 402, headers: { 'www-authenticate': header } }))).offers[0]!
}

function Panel({ offer, variant }: { offer: Offer; variant: Variant }) {
  const { messages, locale } = useMppContext()
  const [status, setStatus] = useState<'authorizing' | 'submitting'>('authorizing')
  const onSubmit = (input: CardInput) => {
    submit(input)
    setStatus('submitting')
  }
  return (
    <Suspense fallback={<p>{messages.loading}</p>}>
      <CardPanel
        offer={offer}
        status={status}
        busy={status === 'submitting'}
        submit={onSubmit}
        messages={messages}
        locale={locale}
        loadStripe={variant === 'stripe-unavailable' ? () => Promise.resolve(null) : storyStripe}
      />
    </Suspense>
  )
}

const meta = {
  title: 'Rails/CardPanel',
  component: CardPanel as never,
  tags: ['autodocs'],
  args: { cents: '50', variant: 'ready', submit },
  argTypes: {
    cents: { control: 'text', description: 'Story control only: the challenge amount in US cents (Stripe’s minimum is 50).' },
    variant: { control: 'select', options: ['ready', 'stripe-unavailable'], description: 'Story control only: Stripe.js loads, or does not.' },
    submit: { description: 'Called with `{ paymentMethod }` (Stripe’s `pm_…` id) once Stripe accepted the form.', table: { type: { summary: '(input: CardInput) => void' } } },
  },
  loaders: [async ({ args }) => ({ offer: await offerFor((args as PanelArgs).cents) })],
  render: (args, { loaded }) => (
    <Kit kit={kit} rails={rails}>
      <Part width={400}>
        <Panel offer={loaded.offer as Offer} variant={args.variant} />
      </Part>
    </Kit>
  ),
  parameters: {
    docs: {
      description: {
        component: `Pays an MPP \`stripe/charge\` offer with Stripe's Payment Element in deferred-intent mode (the challenge's amount, currency and payment method types, \`paymentMethodCreation: 'manual'\`). Pay runs \`elements.submit()\` (inline validation), then \`stripe.createPaymentMethod({ elements })\`, and hands the rail the \`pm_…\` id; the rail gets a Shared Payment Token from your endpoint. The appearance follows the kit theme. Here Stripe.js is devnet's offline test double.

\`\`\`tsx
import { cardRail } from '@mppkit/react/card'
<MppProvider rails={[cardRail({ stripe: 'pk_test_…', createToken: '/api/create-spt' })]}>…</MppProvider>
\`\`\``,
      },
    },
  },
} satisfies Meta<PanelArgs>
export default meta
type Story = StoryObj<PanelArgs>

export const Ready: Story = {
  play: async ({ canvas, canvasElement }) => {
    const pay = await canvas.findByRole('button', { name: 'Pay $0.50' })
    await waitFor(() => expect(pay).toBeEnabled())
    // The double's form lives in a shadow root (as Stripe's lives in its iframes).
    const form = canvasElement.querySelector('[data-stripe-double]')?.shadowRoot
    await expect(form?.textContent).toContain('Offline Stripe test double — not real Stripe.')
  },
}

export const ValidationError: Story = {
  play: async ({ canvas, userEvent }) => {
    submit.mockClear()
    const pay = await canvas.findByRole('button', { name: 'Pay $0.50' })
    await waitFor(() => expect(pay).toBeEnabled())
    await userEvent.click(pay)
    await expect(await canvas.findByText('Your card number is incomplete.', { selector: '[data-mppkit-part="field-error"]' })).toBeVisible()
    await expect(submit).not.toHaveBeenCalled()
  },
}

export const Paying: Story = {
  play: async ({ canvas, canvasElement, userEvent }) => {
    submit.mockClear()
    const pay = await canvas.findByRole('button', { name: 'Pay $0.50' })
    await waitFor(() => expect(pay).toBeEnabled())
    const form = canvasElement.querySelector('[data-stripe-double]')!.shadowRoot!
    await userEvent.type(form.querySelector('[name=number]')!, '4242424242424242')
    await userEvent.type(form.querySelector('[name=exp]')!, '1234')
    await userEvent.type(form.querySelector('[name=cvc]')!, '123')
    await userEvent.click(pay)
    await waitFor(() => expect(submit).toHaveBeenCalledWith({ paymentMethod: 'pm_story_4242' }))
    await expect(pay).toBeDisabled()
  },
}

export const UnderStripesMinimum: Story = {
  args: { cents: '30' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Card payments in USD start at $0.50.')).toBeVisible()
  },
}

export const StripeUnavailable: Story = {
  args: { variant: 'stripe-unavailable' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('The card form could not load. Pay another way, or try again later.')).toBeVisible()
  },
}

export const Dark: Story = { ...dark, play: Ready.play }
export const DarkOnAPhone: Story = { ...dark, ...mobile, globals: { ...dark.globals, ...mobile.globals } }

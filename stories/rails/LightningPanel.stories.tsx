import { useMppContext, type RailPanelProps } from '@mppkit/react'
import { LightningPanel, type LightningInput, type WebLNProvider } from '@mppkit/react/lightning'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { Suspense } from 'react'
import { expect, fn, waitFor } from 'storybook/test'
import { Kit, Part } from '../support/env'
import { loadScene, type Scene, type SceneSpec } from '../support/scenes'
import { invoiceFor, type OfferSpec } from '../support/server'
import { dark, mobile } from '../support/story'

// The Lightning rail's panel on its own. Each rail's panel has its own file in stories/rails/.

type PanelArgs = { busy: boolean; webln: boolean; submit: RailPanelProps<LightningInput>['submit'] }

const submit = fn()

function Panel({ scene, busy, webln }: { scene: Scene; busy: boolean; webln: boolean }) {
  const { messages, locale } = useMppContext()
  const offer = scene.checkout.getState().choices[0]!.offer
  const wallet: WebLNProvider | undefined = webln ? scene.server.wallet : undefined
  return (
    <Suspense fallback={<p>{messages.loading}</p>}>
      <LightningPanel offer={offer} status={busy ? 'submitting' : 'authorizing'} busy={busy} submit={submit} messages={messages} locale={locale} getWebLN={() => wallet} />
    </Suspense>
  )
}

const panel = (offer: OfferSpec = { kind: 'lightning', sats: 100 }, spec: SceneSpec = {}): StoryObj<PanelArgs> => ({
  loaders: [async () => ({ scene: await loadScene({ ...spec, server: { offers: [offer] } }) })],
  render: (args, { loaded }) => {
    const scene = loaded.scene as Scene
    return (
      <Kit kit={scene.kit} rails={scene.rails}>
        <Part width={380}>
          <Panel scene={scene} busy={args.busy} webln={args.webln} />
        </Part>
      </Kit>
    )
  },
})

const meta = {
  title: 'Rails/LightningPanel',
  component: LightningPanel as never,
  tags: ['autodocs'],
  args: { busy: false, webln: true, submit },
  // The panel is lazy (React.lazy), so its props are listed here rather than read from the source.
  argTypes: {
    offer: { description: 'The Lightning offer (MPP `lightning/charge` or L402) being paid.', table: { type: { summary: 'Offer' } }, control: false },
    status: { description: 'The checkout status (`authorizing` or `submitting`).', table: { type: { summary: 'CheckoutStatus' } }, control: false },
    busy: { control: 'boolean', description: 'True while the payment is being sent; controls are disabled.', table: { type: { summary: 'boolean' } } },
    error: { description: 'The last rail error, shown by the checkout above the panel.', table: { type: { summary: 'CheckoutError | undefined' } }, control: false },
    submit: { description: 'Called with `{ via: "webln" }` or `{ preimage }`; the panel never pays itself.', table: { type: { summary: '(input: LightningInput) => void' } } },
    messages: { description: 'The kit\'s words (from `<MppProvider messages>`).', table: { type: { summary: 'Messages' } }, control: false },
    locale: { description: 'Locale for amounts.', table: { type: { summary: 'string | undefined' } }, control: false },
    getWebLN: { description: 'Where the rail looks for WebLN (its `webln` option); defaults to `window.webln`.', table: { type: { summary: '() => WebLNProvider | undefined' } }, control: false },
    webln: { control: 'boolean', description: 'Story control only: a WebLN wallet is in the page (`getWebLN` returns one).' },
  } as Meta<PanelArgs>['argTypes'],
  parameters: {
    docs: {
      description: {
        component: `Pays a Lightning offer (MPP \`lightning/charge\` or L402): the invoice as a QR code and \`lightning:\` link with a copy button, "Pay with browser wallet" when WebLN is present, a pasted preimage otherwise. The invoice is checked against the challenge first; a mismatching invoice is shown, never payable. The kit renders it for you; it loads lazily.

\`\`\`tsx
import { lightningRail } from '@mppkit/react/lightning'
<MppProvider rails={[lightningRail({ webln: () => window.webln })]}>…</MppProvider>
\`\`\``,
      },
    },
  },
} satisfies Meta<PanelArgs>
export default meta
type Story = StoryObj<PanelArgs>

export const WithBrowserWallet: Story = {
  ...panel(),
  play: async ({ canvas, userEvent }) => {
    submit.mockClear()
    await userEvent.click(await canvas.findByRole('button', { name: 'Pay with browser wallet' }))
    await expect(submit).toHaveBeenCalledWith({ via: 'webln' })
  },
}

export const PasteForm: Story = {
  ...panel(),
  args: { webln: false },
  play: async ({ canvas, userEvent }) => {
    submit.mockClear()
    const input = await canvas.findByLabelText('Payment preimage (64 hex characters)')
    await expect(canvas.getByRole('button', { name: 'Submit preimage' })).toBeDisabled()
    await userEvent.type(input, invoiceFor(100).preimage)
    await userEvent.click(canvas.getByRole('button', { name: 'Submit preimage' }))
    await expect(submit).toHaveBeenCalledWith({ preimage: invoiceFor(100).preimage })
    // The preimage is a credential: the form is cleared and it is nowhere in the page.
    await waitFor(() => expect(input).toHaveValue(''))
  },
}

export const PasteAfterWallet: Story = {
  ...panel(),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Paid elsewhere? Paste the preimage' }))
    await expect(canvas.getByLabelText('Payment preimage (64 hex characters)')).toBeInTheDocument()
  },
}

export const InvoiceMismatch: Story = {
  ...panel({ kind: 'lightning', sats: 100, invoiceSats: 1000 }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('The invoice asks for 1000 sats but the price is 100 sats. It was not paid.')
    expect(canvas.queryByRole('button', { name: 'Pay with browser wallet' })).toBeNull()
  },
}

export const Busy: Story = {
  ...panel(),
  args: { busy: true },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Pay with browser wallet' })).toBeDisabled()
  },
}

export const L402Offer: Story = { ...panel({ kind: 'l402', sats: 250 }) }
export const Mobile: Story = { ...panel(), ...mobile }
export const DarkWithWallet: Story = { ...panel(), ...dark }
export const DarkPasteForm: Story = { ...panel(), args: { webln: false }, ...dark }
export const DarkMismatch: Story = { ...panel({ kind: 'lightning', sats: 100, invoiceSats: 1000 }), ...dark }

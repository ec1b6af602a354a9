import { PaymentGate } from '@mppkit/react'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor } from 'storybook/test'
import { Kit } from './support/env'
import { kitFor, type SceneSpec } from './support/scenes'
import { photoUrl } from './support/server'
import { manyOffers } from './support/states'
import { dark, mobile } from './support/story'

type Loaded = ReturnType<typeof kitFor>

function Preview() {
  return (
    <div
      role="img"
      aria-label="A lighthouse on a cliff at dusk"
      style={{ height: 220, borderRadius: 14, background: 'linear-gradient(160deg, #1e3a5f 0%, #f59e0b 55%, #7c2d12 100%)' }}
    />
  )
}

function Photo({ receipt }: { receipt: unknown }) {
  return (
    <figure style={{ margin: 0 }}>
      <Preview />
      <figcaption style={{ marginTop: 8 }}>The lighthouse, full size{receipt ? ' (paid)' : ''}.</figcaption>
    </figure>
  )
}

const gate = (spec: SceneSpec = {}): StoryObj => ({
  loaders: [async () => ({ world: kitFor(spec) })],
  render: (_args, { loaded }) => {
    const world = loaded.world as Loaded
    return (
      <Kit kit={world.kit} rails={world.rails}>
        <div style={{ maxWidth: 440 }}>
          <PaymentGate request={photoUrl} label="lighthouse photo" preview={<Preview />}>
            {({ receipt }) => <Photo receipt={receipt} />}
          </PaymentGate>
        </div>
      </Kit>
    )
  },
})

const meta = {
  title: 'Checkout/PaymentGate',
  component: PaymentGate,
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: `A drop-in paywall for one request: a locked preview with "Unlock for …", the checkout inline, then \`children\` with the paid response and a receipt link. Cancelling leaves it locked with a fresh price.

\`\`\`tsx
<PaymentGate request="https://api.example.com/photo" label="photo" preview={<BlurredPhoto />}>
  {({ response, receipt }) => <Photo response={response} />}
</PaymentGate>
\`\`\``,
      },
    },
  },
} satisfies Meta<typeof PaymentGate>
export default meta
type Story = StoryObj<typeof meta>

const unlockButton = /^Unlock for/

export const Locked: Story = {
  ...gate(),
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Unlock for 100 sats: lighthouse photo' })).toBeEnabled()
  },
} as Story

export const CheckingThePrice: Story = {
  ...gate({ server: { unpaid: 'hang' } }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Checking the price…' })).toBeDisabled()
  },
} as Story

export const LockedWithOtherWays: Story = {
  ...gate({ server: { offers: manyOffers } }),
  play: async ({ canvas }) => {
    await canvas.findByText('or 2 other ways to pay')
  },
} as Story

/** Unlock, pay with the browser wallet, see the content and open the receipt. */
export const UnlockAndPay: Story = {
  ...gate(),
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: unlockButton }))
    await userEvent.click(await canvas.findByRole('button', { name: 'Pay with browser wallet' }))
    await canvas.findByText(/full size \(paid\)/)
    expect(canvasElement.querySelector('[data-mppkit-part="gate"]')).toHaveAttribute('data-state', 'unlocked')
    await userEvent.click(canvas.getByRole('button', { name: 'View receipt' }))
    await expect(await canvas.findByRole('region', { name: 'Receipt' })).toHaveTextContent('Paid 100 sats with Lightning')
  },
} as Story

/** Several ways to pay: unlocking shows the choice inline. */
export const UnlockShowsChoice: Story = {
  ...gate({ server: { offers: manyOffers } }),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: unlockButton }))
    await expect(await canvas.findByRole('list', { name: 'Choose how to pay' })).toBeInTheDocument()
  },
} as Story

/** Cancel leaves it locked, with a fresh price; nothing is paid. */
export const CancelKeepsItLocked: Story = {
  ...gate(),
  play: async ({ canvas, canvasElement, userEvent, loaded }) => {
    await userEvent.click(await canvas.findByRole('button', { name: unlockButton }))
    await userEvent.click(await canvas.findByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(canvasElement.querySelector('[data-mppkit-part="gate"]')).toHaveAttribute('data-state', 'locked'))
    await canvas.findByRole('button', { name: unlockButton })
    expect((loaded.world as Loaded).server.calls.filter((c) => c.paid)).toHaveLength(0)
  },
} as Story

export const MobileLocked: Story = { ...Locked, ...mobile } as Story
export const MobileUnlockAndPay: Story = { ...UnlockAndPay, ...mobile } as Story
export const DarkLocked: Story = { ...LockedWithOtherWays, ...dark } as Story
export const DarkUnlockAndPay: Story = { ...UnlockAndPay, ...dark } as Story

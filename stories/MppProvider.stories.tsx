import { CheckoutCancelledError, MppProvider, useCheckout, useMppFetch } from '@mppkit/react'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, waitFor } from 'storybook/test'
import { useStoryEnv } from './support/env'
import { kitFor, type SceneSpec } from './support/scenes'
import { photoUrl } from './support/server'
import { manyOffers } from './support/states'
import { dark, mobile } from './support/story'

type World = ReturnType<typeof kitFor>

/** An app's button that calls a paid API with `useMppFetch`; a 402 opens the provider's sheet. */
function LoadPhoto({ times = 1 }: { times?: number }) {
  const mppFetch = useMppFetch()
  const [result, setResult] = useState('Not loaded yet.')
  const run = async () => {
    setResult('Loading…')
    try {
      const responses = await Promise.all(Array.from({ length: times }, (_, i) => mppFetch(i === 0 ? photoUrl : `${photoUrl}?size=${i}`)))
      setResult(`Loaded ${responses.length} photo${responses.length > 1 ? 's' : ''} (HTTP ${responses[0]!.status}).`)
    } catch (error) {
      setResult(error instanceof CheckoutCancelledError ? 'Cancelled: nothing was paid.' : `Failed: ${(error as Error).message}`)
    }
  }
  return (
    <div style={{ display: 'grid', gap: 12, justifyItems: 'start' }}>
      <button type="button" onClick={run} style={{ font: 'inherit', padding: '8px 14px' }}>
        Load the full photo{times > 1 ? 's' : ''}
      </button>
      <p role="status" style={{ margin: 0 }}>
        {result}
      </p>
    </div>
  )
}

/** A headless checkout UI built on `useCheckout()` (the queue's active checkout), no sheet. */
function HeadlessStatus() {
  const { checkout, state } = useCheckout()
  if (!checkout || !state) return <p style={{ margin: 0 }}>No checkout open.</p>
  return (
    <div style={{ display: 'grid', gap: 8, justifyItems: 'start' }}>
      <p style={{ margin: 0 }}>
        Checkout status: <strong>{state.status}</strong>
      </p>
      {state.status === 'choosing'
        ? state.choices.filter((c) => !c.blocked).map((c) => (
            <button key={c.offer.id} type="button" onClick={() => checkout.choose(c.offer.id)}>
              My own “{c.rail}” button
            </button>
          ))
        : null}
      {state.status === 'authorizing' ? (
        <button type="button" onClick={() => checkout.submit({ via: 'webln' })}>
          Pay with my wallet
        </button>
      ) : null}
      {state.status !== 'paid' && state.status !== 'cancelled' ? (
        <button type="button" onClick={checkout.cancel}>
          Cancel it
        </button>
      ) : null}
    </div>
  )
}

function App({ world, sheet = true, times }: { world: World; sheet?: boolean; times?: number }) {
  const env = useStoryEnv()
  return (
    <MppProvider rails={world.rails} kit={world.kit} theme={env.theme} locale={env.locale} messages={env.messages} sheet={sheet}>
      <main style={{ display: 'grid', gap: 16 }}>
        <h1 style={{ margin: 0, fontSize: '1.2rem' }}>Photo of the day</h1>
        <LoadPhoto times={times} />
        {sheet ? null : <HeadlessStatus />}
      </main>
    </MppProvider>
  )
}

const app = (spec: SceneSpec = {}, props: { sheet?: boolean; times?: number } = {}): StoryObj => ({
  loaders: [async () => ({ world: kitFor(spec) })],
  render: (_args, { loaded }) => <App world={loaded.world as World} {...props} />,
})

const meta = {
  title: 'Checkout/MppProvider & useMppFetch',
  component: MppProvider,
  tags: ['autodocs'],
  parameters: {
    docs: {
      story: { inline: false, iframeHeight: 640 },
      description: {
        component: `\`<MppProvider>\` owns the kit (one mppx client, the checkout queue, the receipts) and renders the payment sheet. \`useMppFetch()\` is a fetch that pays: a 402 opens the sheet and the promise resolves with the paid response, or rejects with \`CheckoutCancelledError\`. \`useCheckout()\` is the headless machine for your own UI.

\`\`\`tsx
const rails = [lightningRail()]
<MppProvider rails={rails} policy={{ askAbove: [sats(500)] }} locale="de-DE" messages={germanMessages}>
  <App />
</MppProvider>

function LoadPhoto() {
  const mppFetch = useMppFetch()
  return <button onClick={() => mppFetch('/api/photo')}>Load</button>
}
\`\`\``,
      },
    },
  },
} satisfies Meta<typeof MppProvider>
export default meta
type Story = StoryObj<typeof meta>

const openSheet = async ({ canvas, userEvent }: { canvas: any; userEvent: any }) => {
  await userEvent.click(await canvas.findByRole('button', { name: /Load the full photo/ }))
  return canvas.findByRole('dialog', { name: 'Payment required' })
}

/** Click, choose Lightning in the sheet, pay with the wallet: the app gets the paid response. */
export const FetchAndPay: Story = {
  ...app({ server: { offers: manyOffers } }),
  play: async (context) => {
    const { canvas, userEvent } = context
    await openSheet(context)
    await userEvent.click(await canvas.findByRole('button', { name: /^Lightning.*120 sats/ }))
    await userEvent.click(await canvas.findByRole('button', { name: 'Pay with browser wallet' }))
    await userEvent.click(await canvas.findByRole('button', { name: 'Done' }))
    await expect(await canvas.findByText('Loaded 1 photo (HTTP 200).')).toBeInTheDocument()
  },
} as Story

/** Cancel in the sheet: the app's fetch rejects with CheckoutCancelledError. */
export const FetchAndCancel: Story = {
  ...app(),
  play: async (context) => {
    const { canvas, userEvent, loaded } = context
    await openSheet(context)
    await userEvent.click(await canvas.findByRole('button', { name: 'Cancel' }))
    await expect(await canvas.findByText('Cancelled: nothing was paid.')).toBeInTheDocument()
    expect((loaded.world as World).server.calls.filter((c) => c.paid)).toHaveLength(0)
  },
} as Story

/** Two paid requests at once: one sheet at a time, "1 more payment waiting". */
export const Queue: Story = {
  ...app({}, { times: 2 }),
  play: async (context) => {
    await openSheet(context)
    await expect(await context.canvas.findByText('1 more payment waiting')).toBeInTheDocument()
  },
} as Story

/** No sheet: an app's own UI on `useCheckout()`. */
export const Headless: Story = {
  ...app({}, { sheet: false }),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: /Load the full photo/ }))
    await userEvent.click(await canvas.findByRole('button', { name: 'My own “lightning” button' }))
    await userEvent.click(await canvas.findByRole('button', { name: 'Pay with my wallet' }))
    await waitFor(() => expect(canvas.getByText('Loaded 1 photo (HTTP 200).')).toBeInTheDocument())
  },
} as Story

export const MobileFetchAndPay: Story = { ...FetchAndPay, ...mobile } as Story
export const DarkFetchAndPay: Story = { ...FetchAndPay, ...dark } as Story

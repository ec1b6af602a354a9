import { createMppKit } from '@mppkit/core'
import { handoffOffers } from '@mppkit/core/handoff'
import { useMppContext, type RailPanelProps } from '@mppkit/react'
import { handoffRail, HandoffPanel, type HandoffInput } from '@mppkit/react/handoff'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { Suspense, useState } from 'react'
import { expect, fn } from 'storybook/test'
import { Kit, Part } from '../support/env'
import { dark, mobile } from '../support/story'

// The hand-off rail's panel on its own: a UCAP tier from the spec's 402 body, in each state.

type Variant = 'waiting' | 'not-detected' | 'blocked'
type PanelArgs = { checkoutUrl: string; variant: Variant; submit: RailPanelProps<HandoffInput>['submit'] }

const submit = fn()
const rails = [handoffRail({ allowLocalHttp: true })]
const kit = createMppKit({ rails })

const ucapBody = (checkoutUrl: string) => ({
  error: { code: 'payment_required', message: 'This content requires a subscription' },
  teaser: { title: 'Welcome to the Devnet Dispatch', excerpt: 'Welcome, reader. This dispatch is where the devnet writes about paying for things on the web…', author: 'The mppkit devnet' },
  offers: [
    { tier_id: 'premium', tier_name: 'Premium', price: { amount: 1500, currency: 'USD', interval: 'month' }, features: ['Every post, in full', 'Early access to new posts'], checkout_url: checkoutUrl },
  ],
  publisher: { id: 'devnet', name: 'Devnet Dispatch' },
})

/** A stand-in for the tab `window.open` returns (or null: a popup blocker). */
const opener = (blocked: boolean) => (() => (blocked ? null : { opener: {}, location: { replace: () => {} }, close: () => {} })) as unknown as typeof window.open

function Panel({ checkoutUrl, variant }: { checkoutUrl: string; variant: Variant }) {
  const { messages, locale } = useMppContext()
  const [status, setStatus] = useState<'authorizing' | 'submitting'>('authorizing')
  const offer = handoffOffers(ucapBody(checkoutUrl))!.offers[0]!
  const onSubmit = (input: HandoffInput) => {
    submit(input)
    setStatus('submitting')
    if (variant === 'not-detected') queueMicrotask(() => input.waiter.report({ kind: 'not-detected', checks: 1 }))
  }
  return (
    <Suspense fallback={<p>{messages.loading}</p>}>
      <HandoffPanel offer={offer} status={status} busy={false} submit={onSubmit} messages={messages} locale={locale} allowLocalHttp open={opener(variant === 'blocked')} />
    </Suspense>
  )
}

const meta = {
  title: 'Rails/HandoffPanel',
  component: HandoffPanel as never,
  tags: ['autodocs'],
  args: { checkoutUrl: 'https://checkout.devnet-dispatch.example/session/cs_abc123', variant: 'waiting', submit },
  argTypes: {
    checkoutUrl: { control: 'text', description: 'Story control only: the tier\'s `checkout_url` as the server sent it.' },
    variant: { control: 'select', options: ['waiting', 'not-detected', 'blocked'], description: 'Story control only: what happens after "Continue to checkout".' },
    submit: { description: 'Called with `{ waiter }` after the tab opened; the rail then waits for the entitlement.', table: { type: { summary: '(input: HandoffInput) => void' } } },
  },
  render: (args) => (
    <Kit kit={kit} rails={rails}>
      <Part width={400}>
        <Panel checkoutUrl={args.checkoutUrl} variant={args.variant} />
      </Part>
    </Kit>
  ),
  parameters: {
    docs: {
      description: {
        component: `A hosted checkout (UCAP tier, UCP/ACP session): the teaser, the tier with its price and features, and where the person pays — the domain plainly, the full address, warnings for look-alikes. "Continue to checkout" opens a new tab only on the click, after the link passed the safety rules; then it waits with "check now", "reopen" and a plain link when the browser blocked the tab.

\`\`\`tsx
import { handoffRail } from '@mppkit/react/handoff'
<MppProvider rails={[handoffRail({ fetch: signingFetch, entitlements: '/v1/entitlements' })]}>…</MppProvider>
\`\`\``,
      },
    },
  },
} satisfies Meta<PanelArgs>
export default meta
type Story = StoryObj<PanelArgs>

export const Ready: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Continue to checkout' })).toBeEnabled()
    await expect(canvas.getByText('$15.00 / month')).toBeVisible()
    await expect(canvas.getByText('devnet-dispatch.example', { selector: 'strong' })).toBeVisible()
  },
}

export const Waiting: Story = {
  play: async ({ canvas, userEvent }) => {
    submit.mockClear()
    await userEvent.click(await canvas.findByRole('button', { name: 'Continue to checkout' }))
    await expect(submit).toHaveBeenCalledTimes(1)
    await expect(await canvas.findByRole('button', { name: "I've paid — check now" })).toBeVisible()
    await expect(canvas.getByText(/Waiting for your payment on devnet-dispatch\.example/)).toBeVisible()
  },
}

export const NotDetectedYet: Story = {
  args: { variant: 'not-detected' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Continue to checkout' }))
    await expect(await canvas.findByText(/Payment not detected yet/)).toBeVisible()
  },
}

export const PopupBlocked: Story = {
  args: { variant: 'blocked' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Continue to checkout' }))
    const link = await canvas.findByRole('link', { name: 'Open the checkout on devnet-dispatch.example' })
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer')
  },
}

export const LookAlike: Story = {
  args: { checkoutUrl: 'https://checkout.stripe.com.pay-now.example/s/1' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Look twice before paying')).toBeVisible()
  },
}

export const UnsafeUrlRefused: Story = {
  args: { checkoutUrl: 'javascript:alert(document.cookie)' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('This checkout link was not opened')).toBeVisible()
    await expect(canvas.queryByRole('button', { name: 'Continue to checkout' })).toBeNull()
  },
}

export const DarkOnAPhone: Story = { ...dark, ...mobile, globals: { ...dark.globals, ...mobile.globals } }

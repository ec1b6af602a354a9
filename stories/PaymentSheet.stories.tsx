import { PaymentSheet } from '@mppkit/react'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor } from 'storybook/test'
import { Kit } from './support/env'
import type { Scene } from './support/scenes'
import { states } from './support/states'
import { dark, mobile, stateStory } from './support/story'

const sheet = (scene: Scene) => (
  <Kit kit={scene.kit} rails={scene.rails}>
    <PaymentSheet checkout={scene.checkout} />
  </Kit>
)

const meta = {
  title: 'Checkout/PaymentSheet',
  component: PaymentSheet,
  tags: ['autodocs'],
  parameters: {
    // Each sheet is a modal <dialog>: give every story its own frame on the docs page.
    docs: {
      story: { inline: false, iframeHeight: 720 },
      description: {
        component: `The modal payment dialog (a native \`<dialog>\`: focus trapped, page inert, Esc cancels unless a payment is in flight). \`<MppProvider>\` renders one for \`useMppFetch\`; render your own to show a given checkout.

\`\`\`tsx
<MppProvider rails={[lightningRail()]} sheet={false}>
  <PaymentSheet checkout={checkout} />
</MppProvider>
\`\`\``,
      },
    },
  },
} satisfies Meta<typeof PaymentSheet>
export default meta
type Story = StoryObj<typeof meta>

const story = (scene: (typeof states)[keyof typeof states], extra: StoryObj = {}) => stateStory(scene, sheet, extra) as Story

export const ChoosingManyOffers = story(states.choosingManyOffers)
export const Loading = story(states.loading)
export const ChoosingOneOffer = story(states.choosingOneOffer)
export const MixedRailsWithBlocked = story(states.mixedRailsWithBlocked)
export const PriceExpiringSoon = story(states.priceExpiringSoon)
export const AuthorizingWithWallet = story(states.authorizingWithWallet)
export const AuthorizingPasteForm = story(states.authorizingPasteForm)
export const AuthorizingWrongPreimage = story(states.authorizingWrongPreimage)
export const AuthorizingCustomRail = story(states.authorizingCustomRail)
export const AskAboveConfirmation = story(states.askAboveConfirmation)
export const Submitting = story(states.submitting)
export const PaidWithReceipt = story(states.paid)
export const Uncertain = story(states.uncertain)
export const Expired = story(states.expired)
export const Cancelled = story(states.cancelled)
export const PolicyRefusal = story(states.policyRefusal)
export const FailedOffline = story(states.failedOffline)
export const FailedNoOffers = story(states.failedNoOffers)
export const FailedAfterServerError = story(states.failedServerError)
export const ProblemVerificationFailed = story(states.problemVerificationFailed)

// Phones: the sheet becomes a bottom sheet.
export const MobileChoosing = story(states.mixedRailsWithBlocked, mobile)
export const MobileLightning = story(states.authorizingWithWallet, mobile)
export const MobilePaid = story(states.paid, mobile)

// Dark mode, checked by axe too (contrast).
export const DarkChoosing = story(states.mixedRailsWithBlocked, dark)
export const DarkLightning = story(states.authorizingWithWallet, dark)
export const DarkAskAbove = story(states.askAboveConfirmation, dark)
export const DarkPaid = story(states.paid, dark)
export const DarkFailed = story(states.problemVerificationFailed, dark)
export const DarkUncertain = story(states.uncertain, dark)

// The example themes (toolbar "Brand") and German, checked by axe too.
export const OceanGerman = story(states.mixedRailsWithBlocked, { globals: { brand: 'ocean', locale: 'de' } })
export const OceanDarkLightning = story(states.authorizingWithWallet, { globals: { brand: 'ocean', theme: 'dark' } })
export const PaperAskAbove = story(states.askAboveConfirmation, { globals: { brand: 'paper' } })
export const PaperDarkPaid = story(states.paid, { globals: { brand: 'paper', theme: 'dark' } })
export const SunsetLightning = story(states.authorizingWithWallet, { globals: { brand: 'sunset' } })
export const SunsetDarkFailed = story(states.problemVerificationFailed, { globals: { brand: 'sunset', theme: 'dark', locale: 'de' } })

const statusOf = (root: HTMLElement) => root.querySelector('[data-mppkit-part="checkout"]')?.getAttribute('data-state')

/** Choose Lightning, pay with the browser wallet, see the receipt. */
export const PayWithWallet = story(states.choosingManyOffers, {
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: /^Lightning.*120 sats/ }))
    await userEvent.click(await canvas.findByRole('button', { name: 'Pay with browser wallet' }))
    await expect(await canvas.findByRole('heading', { name: 'Paid' })).toBeInTheDocument()
    await expect(canvas.getByRole('region', { name: 'Receipt' })).toHaveTextContent('Paid 120 sats with Lightning')
    expect(statusOf(canvasElement)).toBe('paid')
  },
})

/** Choose the custom rail, enter the PIN, pay. */
export const PayWithCustomRail = story(states.choosingManyOffers, {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: /Team credits/ }))
    await userEvent.type(await canvas.findByLabelText(/PIN/), '4242')
    await userEvent.click(canvas.getByRole('button', { name: 'Pay with credits' }))
    await expect(await canvas.findByRole('region', { name: 'Receipt' })).toHaveTextContent('$0.05')
  },
})

/** Back to the list, then cancel: nothing is paid. */
export const BackThenCancel = story(states.authorizingWithWallet, {
  play: async ({ canvas, canvasElement, userEvent, loaded }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Other ways to pay' }))
    await waitFor(() => expect(statusOf(canvasElement)).toBe('choosing'))
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel' }))
    await expect(await canvas.findByText('Payment cancelled')).toBeInTheDocument()
    expect((loaded.scene as Scene).server.calls.filter((c) => c.paid)).toHaveLength(0)
  },
})

/** The ask-above confirmation, then the wallet. */
export const ConfirmThenPay = story(states.askAboveConfirmation, {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Confirm 2,500 sats' }))
    await userEvent.click(await canvas.findByRole('button', { name: 'Pay with browser wallet' }))
    await expect(await canvas.findByRole('heading', { name: 'Paid' })).toBeInTheDocument()
  },
})

/** No answer after paying: Resume sends the same payment again (never a second one). */
export const ResumeAfterNoAnswer = story(states.uncertain, {
  play: async ({ canvas, userEvent, loaded }) => {
    const scene = loaded.scene as Scene
    scene.server.config.paid = 'ok'
    await userEvent.click(await canvas.findByRole('button', { name: 'Resume' }))
    await expect(await canvas.findByRole('heading', { name: 'Paid' })).toBeInTheDocument()
    expect(scene.server.wallet.payments).toHaveLength(1)
  },
})

/** An expired price: get a fresh one and choose again. */
export const RefreshExpiredPrice = story(states.expired, {
  play: async ({ canvas, canvasElement, userEvent, loaded }) => {
    ;(loaded.scene as Scene).server.config.expiresInMs = 5 * 60_000
    await userEvent.click(await canvas.findByRole('button', { name: 'Get a fresh price' }))
    await waitFor(() => expect(statusOf(canvasElement)).toBe('choosing'))
  },
})

/** After a refused payment, try again: back to the same rail with the server's fresh offer. */
export const TryAgainAfterProblem = story(states.problemVerificationFailed, {
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(statusOf(canvasElement)).toBe('authorizing'))
  },
})

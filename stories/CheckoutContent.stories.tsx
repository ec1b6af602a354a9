import { CheckoutContent, useCheckout } from '@mppkit/react'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { Kit, Part } from './support/env'
import type { Scene } from './support/scenes'
import { states } from './support/states'
import { dark, mobile, stateStory } from './support/story'

/** Follows the checkout like the sheet does, rendered inline (no dialog). */
function Live({ scene }: { scene: Scene }) {
  const { checkout, state } = useCheckout(scene.checkout)
  return checkout && state ? <CheckoutContent checkout={checkout} state={state} onDone={() => {}} /> : null
}

const inline = (scene: Scene) => (
  <Kit kit={scene.kit} rails={scene.rails}>
    <Part width={420}>
      <Live scene={scene} />
    </Part>
  </Kit>
)

const meta = {
  title: 'Checkout/CheckoutContent',
  component: CheckoutContent,
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: `Everything a checkout shows in one state — amount, choice, rail panel, problems, receipt — with no state of its own. The sheet and the gate render it; use it to put a checkout anywhere. Every state of the machine is below, including each problem type a server can answer with.

\`\`\`tsx
const { checkout, state } = useCheckout(myCheckout)
return checkout && state ? <CheckoutContent checkout={checkout} state={state} onDone={close} /> : null
\`\`\``,
      },
    },
  },
} satisfies Meta<typeof CheckoutContent>
export default meta
type Story = StoryObj<typeof meta>

const story = (scene: (typeof states)[keyof typeof states], extra: StoryObj = {}) => stateStory(scene, inline, extra) as Story

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

// Each problem+json type an MPP server can answer a payment with.
export const ProblemVerificationFailed = story(states.problemVerificationFailed)
export const ProblemPaymentExpired = story(states.problemPaymentExpired)
export const ProblemPaymentInsufficient = story(states.problemPaymentInsufficient)
export const ProblemMethodUnsupported = story(states.problemMethodUnsupported)
export const ProblemMalformedCredential = story(states.problemMalformedCredential)
export const ProblemInvalidChallenge = story(states.problemInvalidChallenge)
export const ProblemInvalidPayload = story(states.problemInvalidPayload)
export const ProblemPaymentRequired = story(states.problemPaymentRequired)
export const ProblemPaymentActionRequired = story(states.problemPaymentActionRequired)
export const ProblemBadRequest = story(states.problemBadRequest)
export const ProblemInternalPaymentError = story(states.problemInternalPaymentError)
export const ProblemUnknown = story(states.problemUnknown)

export const MobileMixedRails = story(states.mixedRailsWithBlocked, mobile)
export const DarkMixedRails = story(states.mixedRailsWithBlocked, dark)
export const DarkPasteForm = story(states.authorizingWrongPreimage, dark)
export const DarkExpired = story(states.expired, dark)
export const DarkPolicyRefusal = story(states.policyRefusal, dark)

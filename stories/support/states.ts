import { sats, type CheckoutStatus, type ProblemKind } from '@mppkit/core'
import { chooseRail, drive, until, type SceneSpec } from './scenes'
import type { OfferSpec } from './server'

/**
 * Every state of the checkout machine as a scene, shared by the sheet and the inline stories.
 * `status` is what the story asserts it shows.
 */
export type StateScene = SceneSpec & { readonly status: CheckoutStatus }

export const manyOffers: OfferSpec[] = [
  { kind: 'lightning', sats: 120 },
  { kind: 'l402', sats: 100 },
  { kind: 'credits', amount: '5' },
]

export const mixedOffers: OfferSpec[] = [
  { kind: 'lightning', sats: 100 },
  { kind: 'credits', amount: '5' },
  { kind: 'other', method: 'stripe', amount: '50', currency: 'usd' },
  { kind: 'other', method: 'tempo', amount: '50000', currency: '0x20c0000000000000000000000000000000000001', decimals: 6 },
  { kind: 'lightning', sats: 10000 },
]

const payThenProblem = (problem: ProblemKind, detail?: string): StateScene => ({
  status: 'failed',
  server: { paid: { problem, ...(detail ? { detail } : {}) } },
  drive: drive.payWithWallet('failed'),
})

export const states = {
  loading: { status: 'requesting', server: { unpaid: 'hang' } },
  choosingOneOffer: { status: 'choosing' },
  choosingManyOffers: { status: 'choosing', server: { offers: manyOffers } },
  /** Two offers blocked for having no rail (card, Tempo: those rails are not in these stories), one by the per-payment cap. */
  mixedRailsWithBlocked: { status: 'choosing', server: { offers: mixedOffers }, policy: { maxPerPayment: [sats(5000)] } },
  priceExpiringSoon: { status: 'choosing', server: { expiresInMs: 25_000 } },
  authorizingWithWallet: { status: 'authorizing', server: { offers: manyOffers }, drive: drive.authorize('lightning') },
  authorizingPasteForm: { status: 'authorizing', webln: false, drive: drive.authorize('lightning') },
  authorizingWrongPreimage: {
    status: 'authorizing',
    webln: false,
    drive: async (checkout) => {
      chooseRail(checkout, 'lightning')
      checkout.submit({ preimage: '0'.repeat(64) })
      await until(checkout, 'authorizing')
    },
  },
  authorizingCustomRail: { status: 'authorizing', server: { offers: manyOffers }, drive: drive.authorize('credits') },
  askAboveConfirmation: {
    status: 'authorizing',
    server: { offers: [{ kind: 'lightning', sats: 2500 }] },
    policy: { askAbove: [sats(1000)] },
    drive: drive.authorize('lightning'),
  },
  submitting: { status: 'submitting', walletHangs: true, drive: drive.payWithWallet('submitting') },
  paid: { status: 'paid', drive: drive.payWithWallet('paid') },
  uncertain: { status: 'uncertain', server: { paid: 'drop' }, drive: drive.payWithWallet('uncertain') },
  expired: { status: 'expired', server: { expiresInMs: -1000 }, drive: async (checkout) => until(checkout, 'expired') },
  cancelled: { status: 'cancelled', drive: async (checkout) => checkout.cancel() },
  policyRefusal: { status: 'failed', server: { offers: [{ kind: 'lightning', sats: 10000 }] }, policy: { maxPerPayment: [sats(5000)] } },
  failedOffline: { status: 'failed', server: { unpaid: 'offline' } },
  failedNoOffers: { status: 'failed', server: { unpaid: 'no-offers' } },
  failedServerError: { status: 'failed', server: { paid: { status: 500 } }, drive: drive.payWithWallet('failed') },
  problemVerificationFailed: payThenProblem('verification-failed', 'preimage does not match the invoice'),
  problemPaymentExpired: payThenProblem('payment-expired'),
  problemPaymentInsufficient: payThenProblem('payment-insufficient', 'received 90 of 100 sats'),
  problemMethodUnsupported: payThenProblem('method-unsupported'),
  problemMalformedCredential: payThenProblem('malformed-credential'),
  problemInvalidChallenge: payThenProblem('invalid-challenge', 'challenge id unknown or reused'),
  problemInvalidPayload: payThenProblem('invalid-payload'),
  problemPaymentRequired: payThenProblem('payment-required'),
  problemPaymentActionRequired: payThenProblem('payment-action-required', 'the issuer asks for 3-D Secure'),
  problemBadRequest: payThenProblem('bad-request'),
  problemInternalPaymentError: payThenProblem('internal-payment-error', 'settlement backend timed out'),
  problemUnknown: payThenProblem('unknown' as ProblemKind),
} satisfies Record<string, StateScene>

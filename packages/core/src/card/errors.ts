import type { Problem } from '../problems'

/**
 * Card failures in words a person can act on. Stripe's codes are mapped, never shown raw; lost or
 * stolen cards read as a plain decline (Stripe asks merchants not to reveal those reasons).
 */
export const cardMessages = {
  declined: 'Your card was declined. Try another card or pay another way.',
  insufficientFunds: 'Your card has insufficient funds. Try another card or pay another way.',
  expired: 'Your card has expired. Try another card.',
  incorrectCvc: "The card's security code is incorrect. Check it and try again.",
  incorrectNumber: 'The card number is incorrect. Check it and try again.',
  processing: 'The card could not be processed. Try again in a moment.',
} as const

/** A Stripe `code` / `decline_code` → a sentence for the person. */
export function cardDeclineMessage(code: string | undefined): string {
  switch (code) {
    case 'insufficient_funds':
      return cardMessages.insufficientFunds
    case 'expired_card':
      return cardMessages.expired
    case 'incorrect_cvc':
    case 'invalid_cvc':
      return cardMessages.incorrectCvc
    case 'incorrect_number':
    case 'invalid_number':
      return cardMessages.incorrectNumber
    case 'processing_error':
      return cardMessages.processing
    default:
      return cardMessages.declined
  }
}

/**
 * Why the server refused a card payment, from its problem details. A decline happens when the
 * server confirms the PaymentIntent, so it comes back as `verification-failed` with Stripe's own
 * message in `detail` ("Your card has insufficient funds."). The detail only picks the wording.
 */
export function explainCardRefusal(problem: Problem | undefined): string | undefined {
  if (!problem || (problem.kind !== 'verification-failed' && problem.kind !== 'unknown')) return undefined
  const detail = problem.detail ?? ''
  if (/insufficient[ _]funds/i.test(detail)) return cardMessages.insufficientFunds
  if (/card has expired|expired[ _]card/i.test(detail)) return cardMessages.expired
  if (/security code|incorrect[ _]cvc/i.test(detail)) return cardMessages.incorrectCvc
  if (/declined/i.test(detail)) return cardMessages.declined
  return undefined
}

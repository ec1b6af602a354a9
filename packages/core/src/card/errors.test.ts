import { describe, expect, it } from 'vitest'
import { toProblem } from '../problems'
import { cardDeclineMessage, cardMessages, explainCardRefusal } from './errors'

const refused = (detail: string, type = 'https://paymentauth.org/problems/verification-failed') => toProblem({ type, detail }, 402)

describe('card errors', () => {
  it('maps Stripe decline codes', () => {
    expect(cardDeclineMessage('card_declined')).toBe(cardMessages.declined)
    expect(cardDeclineMessage('generic_decline')).toBe(cardMessages.declined)
    expect(cardDeclineMessage('insufficient_funds')).toBe(cardMessages.insufficientFunds)
    expect(cardDeclineMessage('expired_card')).toBe(cardMessages.expired)
    expect(cardDeclineMessage('lost_card')).toBe(cardMessages.declined)
    expect(cardDeclineMessage(undefined)).toBe(cardMessages.declined)
  })

  it("explains a server's refusal from Stripe's words in the problem detail", () => {
    expect(explainCardRefusal(refused('Payment verification failed: Stripe PaymentIntent failed: Your card was declined.'))).toBe(cardMessages.declined)
    expect(explainCardRefusal(refused('Stripe PaymentIntent failed: Your card has insufficient funds.'))).toBe(cardMessages.insufficientFunds)
    expect(explainCardRefusal(refused('Stripe PaymentIntent failed: Your card has expired.'))).toBe(cardMessages.expired)
    expect(explainCardRefusal(refused('something else entirely'))).toBeUndefined()
    expect(explainCardRefusal(refused('Your card was declined.', 'https://paymentauth.org/problems/payment-expired'))).toBeUndefined()
    expect(explainCardRefusal(undefined)).toBeUndefined()
  })
})

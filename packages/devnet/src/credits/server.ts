import { Errors, Method, Receipt, Store } from 'mppx'
import { routeKey, type Stats } from '../stats'
import type { CreditsLedger } from './ledger'
import { creditsCharge } from './method'

type CreditsCredential = {
  challenge: { request: { amount: string } }
  payload: { account: string; pin: string }
}

/** `credits/charge` on the server. The deduction is the settlement, so it is counted here. */
export function creditsChargeServer({ ledger, stats }: { ledger: CreditsLedger; stats: Stats }) {
  const used = Store.memory({ keyPrefix: 'devnet:credits:' })

  // mppx cannot infer `defaults` from the options object, so it is spelled out for the route types.
  return Method.toServer<typeof creditsCharge, { currency: 'credits'; decimals: 0; methodDetails: { issuer: 'devnet' } }>(creditsCharge, {
    defaults: { currency: 'credits', decimals: 0, methodDetails: { issuer: 'devnet' } },

    async validate({ credential }) {
      check(credential)
      return {
        challenge: credential.challenge,
        credential,
        details: undefined,
        intent: 'charge' as const,
        method: 'credits' as const,
        request: credential.challenge.request,
      }
    },

    async broadcast({ credential, envelope }) {
      const amount = check(credential)
      // Claim before deducting so the same challenge can never be charged twice.
      if (!(await Store.tryClaim(used, credential.challenge.id, Date.now() + 86_400_000)))
        throw new Errors.VerificationFailedError({ reason: 'this challenge was already paid' })
      const reference = ledger.debit(credential.payload.account, amount)
      if (!reference) throw insufficient(credential.payload.account, amount)
      const captured = envelope?.capturedRequest
      stats.settled(captured ? routeKey(captured.method, captured.url.pathname) : 'unknown', 'credits')
      return Receipt.from({ method: 'credits', reference, status: 'success', timestamp: new Date().toISOString() })
    },
  })

  /** Returns the amount to deduct, or throws the typed error the client should see. */
  function check(credential: CreditsCredential): number {
    const amount = Number(credential.challenge.request.amount)
    if (!Number.isSafeInteger(amount) || amount <= 0)
      throw new Errors.VerificationFailedError({ reason: 'the challenge amount is not a whole number of credits' })
    const { account, pin } = credential.payload
    if (!ledger.authenticate(account, pin)) throw new Errors.VerificationFailedError({ reason: 'wrong account or PIN' })
    if ((ledger.balanceOf(account) ?? 0) < amount) throw insufficient(account, amount)
    return amount
  }

  function insufficient(account: string, amount: number) {
    return new Errors.PaymentInsufficientError({
      reason: `needs ${amount} credits, account has ${ledger.balanceOf(account) ?? 0}`,
    })
  }
}

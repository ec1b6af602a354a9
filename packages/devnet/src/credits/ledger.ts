import { demoCreditsAccount, lowCreditsAccount } from './method'

/** In-memory credit accounts. PINs are compared, never returned or logged. */
export function createCreditsLedger() {
  const accounts = new Map<string, { pin: string; balance: number }>(
    [demoCreditsAccount, lowCreditsAccount].map((a) => [a.account, { pin: a.pin, balance: a.startBalance }]),
  )
  let receipts = 0

  return {
    balanceOf: (account: string): number | undefined => accounts.get(account)?.balance,

    /** True when the account exists and the PIN is right; one answer for both so names can't be probed. */
    authenticate(account: string, pin: string): boolean {
      const entry = accounts.get(account)
      return entry !== undefined && entry.pin === pin
    },

    /** Deducts and returns a receipt reference, or undefined when the balance is too low. */
    debit(account: string, amount: number): string | undefined {
      const entry = accounts.get(account)
      if (!entry || entry.balance < amount) return undefined
      entry.balance -= amount
      return `credits_${++receipts}`
    },
  }
}

export type CreditsLedger = ReturnType<typeof createCreditsLedger>

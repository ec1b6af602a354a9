import { formatMoney, sameCurrency, type Money } from './amount'
import { isExpired, type Offer } from './offers/offer'

/**
 * Spending rules every payment passes before a rail is asked to pay. Limits are Money values
 * (per currency); a limit only applies to offers in its own currency.
 */
export type PolicyConfig = {
  /** Refuse any single payment above this. */
  maxPerPayment?: readonly Money[] | undefined
  /** Ask for an explicit confirmation above this (and at or below the cap). */
  askAbove?: readonly Money[] | undefined
  /** Total spend per origin (scheme://host:port) for the life of the kit (or the store). */
  budgetPerOrigin?: readonly Money[] | undefined
  /** When set, only these currencies (codes or token addresses, any case) may be paid. */
  allowedCurrencies?: readonly string[] | undefined
  /** When set, only these recipients (addresses, account ids; any case) may be paid. */
  allowedRecipients?: readonly string[] | undefined
  /** Where spending per origin is remembered; memory by default. */
  spendStore?: SpendStore | undefined
}

export type PolicyRefusalCode = 'over-cap' | 'over-budget' | 'currency-not-allowed' | 'recipient-not-allowed' | 'expired'

export type PolicyDecision =
  | { readonly kind: 'allow' }
  | { readonly kind: 'ask'; readonly limit: Money; readonly message: string }
  | { readonly kind: 'refuse'; readonly code: PolicyRefusalCode; readonly limit?: Money | undefined; readonly message: string }

export type SpendStore = {
  get(origin: string, currency: string): bigint
  add(origin: string, currency: string, value: bigint): void
}

export function memorySpendStore(): SpendStore {
  const spent = new Map<string, bigint>()
  const key = (origin: string, currency: string) => `${origin} ${currency.toLowerCase()}`
  return {
    get: (origin, currency) => spent.get(key(origin, currency)) ?? 0n,
    add: (origin, currency, value) => void spent.set(key(origin, currency), (spent.get(key(origin, currency)) ?? 0n) + value),
  }
}

export type Policy = {
  check(offer: Offer, origin: string, now?: number): PolicyDecision
  /** Count a payment against the origin's budget (called when money may have moved). */
  record(offer: Offer, origin: string): void
  spent(origin: string, currency: string): bigint
}

export function createPolicy(config: PolicyConfig = {}): Policy {
  const store = config.spendStore ?? memorySpendStore()
  const allowedCurrencies = config.allowedCurrencies?.map((c) => c.toLowerCase())
  const allowedRecipients = config.allowedRecipients?.map((r) => r.toLowerCase())
  const limitFor = (limits: readonly Money[] | undefined, amount: Money) => {
    return limits?.find((l) => sameCurrency(l, amount))
  }

  return {
    check(offer, origin, now = Date.now()) {
      const { amount } = offer
      if (isExpired(offer, now)) return refuse('expired', 'This price has expired.')
      if (allowedCurrencies && !allowedCurrencies.includes(amount.currency.toLowerCase()))
        return refuse('currency-not-allowed', `Payments in ${amount.symbol ?? amount.currency.toUpperCase()} are not allowed here.`)
      if (allowedRecipients && (!offer.recipient || !allowedRecipients.includes(offer.recipient.toLowerCase())))
        return refuse('recipient-not-allowed', 'This payment goes to a recipient that is not on the allowed list.')
      const cap = limitFor(config.maxPerPayment, amount)
      if (cap && scaled(amount, cap) > cap.value)
        return refuse('over-cap', `${formatMoney(amount)} is above your limit of ${formatMoney(cap)} per payment.`, cap)
      const budget = limitFor(config.budgetPerOrigin, amount)
      if (budget) {
        const after = store.get(origin, amount.currency) + scaled(amount, budget)
        if (after > budget.value)
          return refuse('over-budget', `This would go over your budget of ${formatMoney(budget)} for this site.`, budget)
      }
      const ask = limitFor(config.askAbove, amount)
      if (ask && scaled(amount, ask) > ask.value)
        return { kind: 'ask', limit: ask, message: `${formatMoney(amount)} is more than ${formatMoney(ask)}. Confirm to continue.` }
      return { kind: 'allow' }
    },
    record(offer, origin) {
      const budget = limitFor(config.budgetPerOrigin, offer.amount)
      store.add(origin, offer.amount.currency, budget ? scaled(offer.amount, budget) : offer.amount.value)
    },
    spent: (origin, currency) => store.get(origin, currency),
  }
}

function refuse(code: PolicyRefusalCode, message: string, limit?: Money): PolicyDecision {
  return { kind: 'refuse', code, limit, message }
}

/** The amount expressed in the limit's decimals (rounded up, so a cap is never undercut). */
function scaled(amount: Money, limit: Money): bigint {
  const diff = limit.decimals - amount.decimals
  if (diff >= 0) return amount.value * 10n ** BigInt(diff)
  const factor = 10n ** BigInt(-diff)
  return (amount.value + factor - 1n) / factor
}

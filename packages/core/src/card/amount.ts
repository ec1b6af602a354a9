import { AmountError, defaultDecimals, formatMoney, isIsoCurrency, type Money } from '../amount'

/**
 * Stripe amounts are whole numbers in the currency's smallest unit as Stripe defines it (cents for
 * USD, yen for JPY, fils for KWD). mppx's `stripe/charge` sends `amount` already in those units and
 * its server charges `Number(amount)` as is, so a challenge whose `decimals` differ from Stripe's
 * would show one price and charge another: such offers are refused, never converted by guessing.
 */

/** Stripe's decimals for an ISO currency (its zero- and three-decimal lists; 2 otherwise). */
export function stripeDecimals(currency: string): number | undefined {
  return isIsoCurrency(currency) ? defaultDecimals(currency) : undefined
}

/** Largest amount Stripe accepts (8 digits) — also well inside a float's exact integers. */
export const stripeMaxAmount = 99_999_999n

/** Money → the integer Stripe.js and the API take. Exact or it throws; never rounds. */
export function toStripeAmount(money: Money): number {
  const decimals = stripeDecimals(money.currency)
  if (decimals === undefined) throw new AmountError(`Stripe cannot charge in ${money.currency}`)
  const diff = decimals - money.decimals
  let value: bigint
  if (diff >= 0) value = money.value * 10n ** BigInt(diff)
  else {
    const factor = 10n ** BigInt(-diff)
    if (money.value % factor !== 0n) throw new AmountError(`${formatMoney(money)} has more decimals than Stripe allows for ${money.currency.toUpperCase()}`)
    value = money.value / factor
  }
  if (value > stripeMaxAmount) throw new AmountError(`${formatMoney(money)} is more than Stripe can charge at once`)
  return Number(value)
}

/** A Stripe integer amount → Money in Stripe's decimals for that currency. */
export function fromStripeAmount(amount: number, currency: string): Money {
  const c = currency.toLowerCase()
  const decimals = stripeDecimals(c)
  if (decimals === undefined) throw new AmountError(`Stripe cannot charge in ${currency}`)
  if (!Number.isSafeInteger(amount) || amount < 0) throw new AmountError(`A Stripe amount is a whole number, got ${amount}`)
  return { value: BigInt(amount), decimals, currency: c }
}

/**
 * Stripe's general minimum charge per currency, in its smallest unit (the same table mppx's
 * server uses to decide whether to offer a card at all).
 * https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts
 */
export const stripeMinimums: Readonly<Record<string, bigint>> = {
  aed: 200n, ars: 50n, aud: 50n, bgn: 100n, brl: 50n, cad: 50n, chf: 50n, cop: 50n, czk: 1500n, dkk: 250n,
  eur: 50n, gbp: 30n, hkd: 400n, huf: 17500n, idr: 50n, ils: 50n, inr: 50n, jpy: 50n, krw: 50n, mxn: 1000n,
  myr: 200n, nok: 300n, nzd: 50n, php: 50n, pln: 200n, ron: 200n, rub: 50n, sek: 300n, sgd: 50n, thb: 1000n,
  usd: 50n, zar: 50n,
}

/** The minimum as Money, when Stripe publishes one for the currency. */
export function stripeMinimum(currency: string): Money | undefined {
  const c = currency.toLowerCase()
  const value = stripeMinimums[c]
  const decimals = stripeDecimals(c)
  return value === undefined || decimals === undefined ? undefined : { value, decimals, currency: c }
}

/**
 * Money in mppkit is a whole number of base units (`bigint`) plus the number of decimals that
 * turns base units into the currency's major unit. Floats never touch an amount.
 *
 * - fiat: `{ value: 75n, decimals: 2, currency: 'usd' }` is $0.75
 * - bitcoin: `{ value: 100n, decimals: 8, currency: 'btc' }` is 100 sats (base unit = satoshi)
 * - tokens: `{ value: 250000n, decimals: 6, currency: '0x…' }` is 0.25 of the token
 */
export type Money = {
  readonly value: bigint
  readonly decimals: number
  /** Lower-case currency code (`usd`, `btc`, `credits`) or token address. */
  readonly currency: string
  /** Display symbol for tokens whose `currency` is an address (e.g. `USDC`). */
  readonly symbol?: string | undefined
}

export const maxDecimals = 36
/** 2^256 − 1 has 78 digits; nothing payable is larger. */
const maxDigits = 78

export class AmountError extends Error {
  override readonly name = 'AmountError'
}

/** Parses a base-unit amount string: digits only, no sign, no fraction, no exponent. */
export function parseBaseUnits(raw: unknown): bigint {
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) throw new AmountError(`Amount must be whole base units, got ${describe(raw)}`)
  if (raw.length > maxDigits) throw new AmountError('Amount is too large')
  return BigInt(raw)
}

export function parseDecimals(raw: unknown, fallback: number): number {
  if (raw === undefined || raw === null) return fallback
  const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > maxDecimals)
    throw new AmountError(`Decimals must be a whole number from 0 to ${maxDecimals}, got ${describe(raw)}`)
  return n
}

/** `'1.50'` with 2 decimals → `150n`. Refuses more fraction digits than the currency has. */
export function parseDecimal(text: string, decimals: number): bigint {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim())
  if (!match) throw new AmountError(`Not a decimal amount: ${describe(text)}`)
  const whole = match[1]!
  const fraction = match[2] ?? ''
  if (fraction.length > decimals) throw new AmountError(`${text} has more than ${decimals} decimal places`)
  return BigInt(whole + fraction.padEnd(decimals, '0'))
}

/** `150n`, 2 → `'1.50'`; exact for any size. */
export function toDecimalString(value: bigint, decimals: number): string {
  const negative = value < 0n
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, '0')
  const whole = digits.slice(0, digits.length - decimals)
  const fraction = decimals ? `.${digits.slice(digits.length - decimals)}` : ''
  return `${negative ? '-' : ''}${whole}${fraction}`
}

/** Default decimals for currencies whose challenge may omit them. */
export function defaultDecimals(currency: string): number | undefined {
  const c = currency.toLowerCase()
  if (c === 'btc' || c === 'sat' || c === 'sats') return 8
  if (isIsoCurrency(c)) return zeroDecimalFiat.has(c) ? 0 : threeDecimalFiat.has(c) ? 3 : 2
  return undefined
}

// ISO 4217 minor units that differ from 2 (Stripe's zero- and three-decimal lists).
const zeroDecimalFiat = new Set(['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf'])
const threeDecimalFiat = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd'])

export function isIsoCurrency(currency: string): boolean {
  return /^[a-z]{3}$/i.test(currency) && currency.toLowerCase() !== 'btc' && currency.toLowerCase() !== 'eth'
}

export type FormatOptions = { locale?: string | undefined }

/**
 * What a person reads: `$0.75`, `100 sats`, `0.25 USDC`, `5 credits`.
 * Uses Intl with a decimal *string*, so no amount is ever rounded through a float.
 */
export function formatMoney(money: Money, options: FormatOptions = {}): string {
  const { locale } = options
  const currency = money.currency.toLowerCase()
  if (currency === 'btc' && money.decimals === 8) {
    const sats = money.value
    const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(sats)
    return `${n} ${sats === 1n ? 'sat' : 'sats'}`
  }
  const decimal = toDecimalString(money.value, money.decimals)
  if (isIsoCurrency(currency)) {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: currency.toUpperCase(),
      minimumFractionDigits: money.decimals,
      maximumFractionDigits: money.decimals,
      // format() takes a string decimal exactly (Intl.NumberFormat v3)
    }).format(decimal as unknown as number)
  }
  // Only the fraction digits the value has: exact, and within 0–20, which engines before ES2023
  // (Node 20) require — `maximumFractionDigits: 36` throws a RangeError there.
  const fractionDigits = (decimal.split('.')[1] ?? '').replace(/0+$/, '').length
  const n =
    fractionDigits <= 20 ? new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits }).format(decimal as unknown as number) : decimal
  const unit = money.symbol ?? (/^0x[0-9a-f]{40}$/i.test(money.currency) ? shortAddress(money.currency) : money.currency)
  return `${n} ${unit}`
}

export function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address
}

export function sameCurrency(a: Pick<Money, 'currency'>, b: Pick<Money, 'currency'>): boolean {
  return a.currency.toLowerCase() === b.currency.toLowerCase()
}

/** Convenience constructors for policies and tests. */
export const money = (currency: string, amount: string, decimals?: number): Money => {
  const d = decimals ?? defaultDecimals(currency)
  if (d === undefined) throw new AmountError(`Say how many decimals ${currency} has`)
  return { value: parseDecimal(amount, d), decimals: d, currency: currency.toLowerCase() }
}
export const usd = (amount: string): Money => money('usd', amount)
export const sats = (count: number | bigint): Money => ({ value: BigInt(count), decimals: 8, currency: 'btc' })

function describe(raw: unknown): string {
  const s = typeof raw === 'string' ? JSON.stringify(raw) : String(raw)
  return s.length > 40 ? `${s.slice(0, 40)}…` : s
}

import { AmountError, defaultDecimals, parseDecimal, type Money } from '../amount'

/**
 * The price a tool advertises in its `_meta.price` (PayMCP: TS `{ amount, currency }`, Python
 * `{ price, currency }`, a decimal in the major unit). It is the server's claim, shown as such; the
 * amount actually paid is whatever the payment page or challenge says.
 */
export type ClaimedPrice = { readonly money: Money; readonly claimedBy: 'server' }

export function readToolPrice(meta: unknown): ClaimedPrice | undefined {
  if (typeof meta !== 'object' || meta === null) return undefined
  const price = (meta as { price?: unknown }).price
  if (typeof price !== 'object' || price === null) return undefined
  const { amount, price: legacy, currency } = price as { amount?: unknown; price?: unknown; currency?: unknown }
  const raw = amount ?? legacy
  if (typeof currency !== 'string' || !/^[A-Za-z]{3}$/.test(currency)) return undefined
  const code = currency.toLowerCase()
  const decimals = defaultDecimals(code) ?? 2
  const text = typeof raw === 'number' && Number.isFinite(raw) && raw >= 0 ? decimalText(raw) : typeof raw === 'string' ? raw : undefined
  if (text === undefined) return undefined
  try {
    return { money: { value: parseDecimal(text, decimals), decimals, currency: code }, claimedBy: 'server' }
  } catch (error) {
    if (error instanceof AmountError) return undefined
    throw error
  }
}

/** A JSON number as the decimal text it was written as (no exponent for ordinary prices). */
function decimalText(value: number): string | undefined {
  const text = String(value)
  return /e/i.test(text) ? undefined : text
}

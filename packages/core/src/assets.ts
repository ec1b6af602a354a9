import type { Offer } from './offers/offer'

/**
 * Names for tokens the app knows. An MPP `evm` challenge names its token only by address, so
 * without this a person would read "0.05 0x5FbD…0aa3". The book may be filled after the kit is
 * created (e.g. once the app learns its chain's tokens); offers pick names up when shown.
 */
export type AssetInfo = { readonly symbol: string }

export type AssetBook = {
  get(currency: string): AssetInfo | undefined
  set(currency: string, info: AssetInfo): void
}

export function createAssetBook(entries: Readonly<Record<string, AssetInfo>> = {}): AssetBook {
  const book = new Map(Object.entries(entries).map(([currency, info]) => [currency.toLowerCase(), info]))
  return {
    get: (currency) => book.get(currency.toLowerCase()),
    set: (currency, info) => void book.set(currency.toLowerCase(), { symbol: info.symbol.slice(0, 12) }),
  }
}

/** The offer with its token's symbol, when the book knows it and the server did not say. */
export function withAssetName(offer: Offer, assets: AssetBook | undefined): Offer {
  const known = !offer.amount.symbol ? assets?.get(offer.amount.currency) : undefined
  return known ? Object.freeze({ ...offer, amount: { ...offer.amount, symbol: known.symbol } }) : offer
}

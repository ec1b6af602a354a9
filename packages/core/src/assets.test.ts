import { describe, expect, it } from 'vitest'
import { formatMoney } from './amount'
import { createAssetBook, withAssetName } from './assets'
import type { Offer } from './offers/offer'

const token = '0x5FbDB2315678afecb367f032d93F642f64180aa3'
const offer = Object.freeze({
  id: 'c1',
  protocol: 'mpp',
  method: 'evm',
  intent: 'charge',
  amount: { value: 50_000n, decimals: 6, currency: token },
  request: {},
  source: { protocol: 'mpp', challenge: {} as never, header: '' },
}) as Offer

describe('asset book', () => {
  it('names a token offered by address, whatever the address case', () => {
    const book = createAssetBook()
    expect(formatMoney(withAssetName(offer, book).amount)).toBe('0.05 0x5FbD…0aa3')
    book.set(token.toLowerCase(), { symbol: 'TUSD' })
    const named = withAssetName(offer, book)
    expect(formatMoney(named.amount)).toBe('0.05 TUSD')
    expect(named.amount.value).toBe(50_000n)
    expect(named.id).toBe('c1')
    expect(Object.isFrozen(named)).toBe(true)
  })

  it("never overrides the server's own symbol, and leaves unknown tokens alone", () => {
    const book = createAssetBook({ [token]: { symbol: 'FAKE' } })
    const server = { ...offer, amount: { ...offer.amount, symbol: 'USDC' } } as Offer
    expect(withAssetName(server, book).amount.symbol).toBe('USDC')
    expect(withAssetName({ ...offer, amount: { ...offer.amount, currency: '0x00000000000000000000000000000000000c0ffe' } } as Offer, book)).not.toHaveProperty('amount.symbol', 'FAKE')
    expect(withAssetName(offer, undefined)).toBe(offer)
  })
})

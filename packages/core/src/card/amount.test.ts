import { describe, expect, it } from 'vitest'
import { AmountError, formatMoney, money } from '../amount'
import { fromStripeAmount, stripeDecimals, stripeMinimum, toStripeAmount } from './amount'

describe('Stripe amounts', () => {
  it('knows Stripe decimals per currency', () => {
    expect(stripeDecimals('usd')).toBe(2)
    expect(stripeDecimals('JPY')).toBe(0)
    expect(stripeDecimals('kwd')).toBe(3)
    expect(stripeDecimals('btc')).toBeUndefined()
    expect(stripeDecimals('0x20c0000000000000000000000000000000000000')).toBeUndefined()
  })

  it('converts Money to Stripe units exactly, scaling either way', () => {
    expect(toStripeAmount(money('usd', '0.75'))).toBe(75)
    expect(toStripeAmount({ value: 7500n, decimals: 4, currency: 'usd' })).toBe(75)
    expect(toStripeAmount({ value: 5n, decimals: 0, currency: 'usd' })).toBe(500)
    expect(toStripeAmount(money('jpy', '500'))).toBe(500)
    expect(toStripeAmount(money('kwd', '1.250'))).toBe(1250)
  })

  it('refuses to round, unknown currencies and amounts Stripe cannot take', () => {
    expect(() => toStripeAmount({ value: 7501n, decimals: 4, currency: 'usd' })).toThrow(AmountError)
    expect(() => toStripeAmount({ value: 1n, decimals: 8, currency: 'btc' })).toThrow(/cannot charge in btc/)
    expect(() => toStripeAmount(money('usd', '1000000'))).toThrow(/more than Stripe can charge/)
  })

  it('reads Stripe units back into Money, both ways round', () => {
    for (const m of [money('usd', '0.50'), money('jpy', '50'), money('kwd', '0.125'), money('eur', '1234.56')]) {
      expect(fromStripeAmount(toStripeAmount(m), m.currency)).toEqual(m)
    }
    expect(formatMoney(fromStripeAmount(75, 'USD'))).toBe('$0.75')
    expect(() => fromStripeAmount(0.5, 'usd')).toThrow(AmountError)
    expect(() => fromStripeAmount(-1, 'usd')).toThrow(AmountError)
  })

  it('has Stripe minimums as Money', () => {
    expect(stripeMinimum('usd')).toEqual(money('usd', '0.50'))
    expect(formatMoney(stripeMinimum('gbp')!)).toBe('£0.30')
    expect(stripeMinimum('jpy')).toEqual(money('jpy', '50'))
    expect(stripeMinimum('xyz')).toBeUndefined()
  })
})

import { describe, expect, test } from 'vitest'
import {
  AmountError,
  defaultDecimals,
  formatMoney,
  isIsoCurrency,
  money,
  parseBaseUnits,
  parseDecimal,
  parseDecimals,
  sameCurrency,
  sats,
  shortAddress,
  toDecimalString,
  usd,
} from './amount'

const en = { locale: 'en-US' }
const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48'

describe('parseBaseUnits', () => {
  test('accepts whole base units, including zero and 78 digits', () => {
    expect(parseBaseUnits('0')).toBe(0n)
    expect(parseBaseUnits('75')).toBe(75n)
    expect(parseBaseUnits('007')).toBe(7n)
    const max = (2n ** 256n - 1n).toString()
    expect(max).toHaveLength(78)
    expect(parseBaseUnits(max)).toBe(2n ** 256n - 1n)
  })

  test.each([
    ['-1'],
    ['1.5'],
    ['1e3'],
    [''],
    [' 1'],
    ['1 '],
    ['+1'],
    ['0x10'],
    ['١٢'], // Arabic-Indic digits are not ASCII digits
  ])('rejects %j', (raw) => {
    expect(() => parseBaseUnits(raw)).toThrow(AmountError)
    expect(() => parseBaseUnits(raw)).toThrow(/^Amount must be whole base units/)
  })

  test.each([[1], [1n], [null], [undefined], [{}], [['1']], [true]])('rejects the non-string %s', (raw) => {
    expect(() => parseBaseUnits(raw)).toThrow(AmountError)
  })

  test('rejects 79-digit numbers as too large', () => {
    expect(() => parseBaseUnits('1'.padEnd(79, '0'))).toThrow(new AmountError('Amount is too large'))
  })

  test('the error names what it got, shortened', () => {
    expect(() => parseBaseUnits('1.5')).toThrow('Amount must be whole base units, got "1.5"')
    expect(() => parseBaseUnits('x'.repeat(100))).toThrow(`got "${'x'.repeat(39)}…`)
  })
})

describe('parseDecimals', () => {
  test('uses the fallback only when absent', () => {
    expect(parseDecimals(undefined, 2)).toBe(2)
    expect(parseDecimals(null, 8)).toBe(8)
    expect(parseDecimals(0, 2)).toBe(0)
    expect(parseDecimals('6', 2)).toBe(6)
    expect(parseDecimals(36, 2)).toBe(36)
  })

  test.each([[-1], [37], [1.5], ['1.5'], ['x'], [''], [Number.NaN], [{}]])('rejects %j', (raw) => {
    expect(() => parseDecimals(raw, 2)).toThrow(AmountError)
  })
})

describe('parseDecimal / toDecimalString', () => {
  test('parses with padding and refuses extra precision', () => {
    expect(parseDecimal('1.50', 2)).toBe(150n)
    expect(parseDecimal('1.5', 2)).toBe(150n)
    expect(parseDecimal('1', 2)).toBe(100n)
    expect(parseDecimal('0.000001', 6)).toBe(1n)
    expect(parseDecimal(' 2.5 ', 2)).toBe(250n)
    expect(parseDecimal('500', 0)).toBe(500n)
    expect(() => parseDecimal('1.505', 2)).toThrow('1.505 has more than 2 decimal places')
    expect(() => parseDecimal('1.5', 0)).toThrow(AmountError)
  })

  test.each([['-1'], ['1.'], ['.5'], ['1,5'], ['1e2'], [''], ['abc']])('refuses %j', (text) => {
    expect(() => parseDecimal(text, 2)).toThrow(AmountError)
  })

  test('formats exactly, with zero padding', () => {
    expect(toDecimalString(150n, 2)).toBe('1.50')
    expect(toDecimalString(5n, 2)).toBe('0.05')
    expect(toDecimalString(0n, 2)).toBe('0.00')
    expect(toDecimalString(1n, 8)).toBe('0.00000001')
    expect(toDecimalString(500n, 0)).toBe('500')
    expect(toDecimalString(-150n, 2)).toBe('-1.50')
    expect(toDecimalString(-5n, 3)).toBe('-0.005')
  })

  test.each([
    ['0.75', 2],
    ['123456789.123456', 6],
    ['0.000000000000000001', 18],
    ['115792089237316195423570985008687907853269984665640564039457.584007913129639935', 18],
    ['99999999999999999999999999999999999999999999999999999999999999999999999999999', 0],
  ])('round-trips %s with %i decimals exactly', (text, decimals) => {
    const value = parseDecimal(text, decimals)
    expect(toDecimalString(value, decimals)).toBe(text)
    expect(parseDecimal(toDecimalString(value, decimals), decimals)).toBe(value)
  })

  test('a value far beyond float precision survives the round trip', () => {
    const value = 2n ** 256n - 1n
    expect(toDecimalString(value, 18)).toBe('115792089237316195423570985008687907853269984665640564039457.584007913129639935')
    expect(parseDecimal(toDecimalString(value, 18), 18)).toBe(value)
  })
})

describe('formatMoney', () => {
  test('fiat with its own decimals', () => {
    expect(formatMoney({ value: 75n, decimals: 2, currency: 'usd' }, en)).toBe('$0.75')
    expect(formatMoney({ value: 500n, decimals: 0, currency: 'jpy' }, en)).toBe('¥500')
    expect(formatMoney({ value: 123456n, decimals: 2, currency: 'EUR' }, en)).toBe('€1,234.56')
    expect(formatMoney({ value: 1500n, decimals: 3, currency: 'kwd' }, en)).toBe('KWD\u00a01.500')
  })

  test('fiat is exact beyond float precision', () => {
    expect(formatMoney({ value: 10n ** 33n + 1n, decimals: 2, currency: 'usd' }, en)).toBe('$10,000,000,000,000,000,000,000,000,000,000.01')
    expect(formatMoney({ value: 9007199254740993n, decimals: 2, currency: 'usd' }, en)).toBe('$90,071,992,547,409.93')
  })

  test('sats, singular and plural, grouped', () => {
    expect(formatMoney(sats(100), en)).toBe('100 sats')
    expect(formatMoney(sats(1), en)).toBe('1 sat')
    expect(formatMoney(sats(0), en)).toBe('0 sats')
    expect(formatMoney(sats(1234567n), en)).toBe('1,234,567 sats')
    expect(formatMoney({ value: 100n, decimals: 8, currency: 'BTC' }, en)).toBe('100 sats')
  })

  test('BTC in other decimals is not sats', () => {
    expect(formatMoney({ value: 150n, decimals: 2, currency: 'btc' }, en)).toBe('1.5 btc')
  })

  test('tokens use the symbol, else a short address, else the currency code', () => {
    expect(formatMoney({ value: 250000n, decimals: 6, currency: usdc, symbol: 'USDC' }, en)).toBe('0.25 USDC')
    expect(formatMoney({ value: 250000n, decimals: 6, currency: usdc }, en)).toBe('0.25 0xA0b8…eB48')
    expect(formatMoney({ value: 5n, decimals: 0, currency: 'credits' }, en)).toBe('5 credits')
    expect(formatMoney({ value: 1n, decimals: 18, currency: 'eth' }, en)).toBe('0.000000000000000001 eth')
    expect(formatMoney({ value: 1234567891n, decimals: 6, currency: 'credits' }, en)).toBe('1,234.567891 credits')
  })

  test('tokens with more decimals than Intl can show stay exact', () => {
    // 36 decimals (the most an offer may declare): 21+ significant fraction digits are not rounded.
    expect(formatMoney({ value: 10n ** 36n + 1n, decimals: 36, currency: 'credits' }, en)).toBe('1.000000000000000000000000000000000001 credits')
    expect(formatMoney({ value: 5n * 10n ** 35n, decimals: 36, currency: 'credits' }, en)).toBe('0.5 credits')
  })

  test('the locale decides separators', () => {
    expect(formatMoney({ value: 123456n, decimals: 2, currency: 'eur' }, { locale: 'de-DE' })).toBe('1.234,56\u00a0€')
    expect(formatMoney(sats(1234567), { locale: 'de-DE' })).toBe('1.234.567 sats')
  })
})

describe('constructors and helpers', () => {
  test('money() uses default decimals and lower-cases the currency', () => {
    expect(money('USD', '1.5')).toEqual({ value: 150n, decimals: 2, currency: 'usd' })
    expect(money('jpy', '500')).toEqual({ value: 500n, decimals: 0, currency: 'jpy' })
    expect(money('btc', '0.00000100')).toEqual({ value: 100n, decimals: 8, currency: 'btc' })
    expect(money('credits', '5', 0)).toEqual({ value: 5n, decimals: 0, currency: 'credits' })
    expect(() => money('credits', '5')).toThrow('Say how many decimals credits has')
    expect(() => money('jpy', '1.5')).toThrow(AmountError)
  })

  test('usd() and sats()', () => {
    expect(usd('0.75')).toEqual({ value: 75n, decimals: 2, currency: 'usd' })
    expect(sats(100)).toEqual({ value: 100n, decimals: 8, currency: 'btc' })
    expect(sats(21n)).toEqual({ value: 21n, decimals: 8, currency: 'btc' })
    expect(() => usd('0.755')).toThrow(AmountError)
  })

  test('defaultDecimals', () => {
    expect(defaultDecimals('usd')).toBe(2)
    expect(defaultDecimals('JPY')).toBe(0)
    expect(defaultDecimals('kwd')).toBe(3)
    expect(defaultDecimals('BTC')).toBe(8)
    expect(defaultDecimals('sats')).toBe(8)
    expect(defaultDecimals('eth')).toBeUndefined()
    expect(defaultDecimals('credits')).toBeUndefined()
    expect(defaultDecimals(usdc)).toBeUndefined()
  })

  test('isIsoCurrency, sameCurrency, shortAddress', () => {
    expect(isIsoCurrency('usd')).toBe(true)
    expect(isIsoCurrency('USD')).toBe(true)
    expect(isIsoCurrency('btc')).toBe(false)
    expect(isIsoCurrency('eth')).toBe(false)
    expect(isIsoCurrency('usdc')).toBe(false)
    expect(sameCurrency({ currency: 'USD' }, { currency: 'usd' })).toBe(true)
    expect(sameCurrency({ currency: 'usd' }, { currency: 'eur' })).toBe(false)
    expect(shortAddress(usdc)).toBe('0xA0b8…eB48')
    expect(shortAddress('0x1234')).toBe('0x1234')
  })
})

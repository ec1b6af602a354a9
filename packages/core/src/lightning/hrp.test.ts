import { describe, expect, test } from 'vitest'
import { makeInvoice } from '../../test/invoices'
import { InvoiceError, readInvoiceHrp } from './hrp'

describe('readInvoiceHrp', () => {
  test.each([
    ['lnbcrt500n1pexample', 'regtest', 50n],
    ['lnbc2500u1pexample', 'mainnet', 250_000n],
    ['lnbc1m1pexample', 'mainnet', 100_000n],
    ['lnbc20m1pexample', 'mainnet', 2_000_000n],
    ['lnbc1pexample', 'mainnet', undefined],
    ['lnbc211pexample', 'mainnet', 2_100_000_000n], // 21 BTC
    ['lnbc10000p1pexample', 'mainnet', 1n],
    ['lntb100u1pexample', 'testnet', 10_000n],
    ['lntbs100u1pexample', 'signet', 10_000n],
    ['lnbcrt1pexample', 'regtest', undefined],
    ['LNBCRT500N1PEXAMPLE', 'regtest', 50n],
    ['lightning:lnbcrt500n1pexample', 'regtest', 50n],
    ['  lnbcrt500n1pexample  ', 'regtest', 50n],
  ])('%s → %s, %s sats', (invoice, network, value) => {
    expect(readInvoiceHrp(invoice)).toEqual({ network, sats: value })
  })

  test('agrees with real signed invoices', () => {
    for (const [amount, network] of [
      [1, 'regtest'],
      [50, 'regtest'],
      [250_000, 'mainnet'],
      [123_456_789, 'testnet'],
      [7, 'signet'],
    ] as const) {
      const { invoice } = makeInvoice({ sats: amount, network, timestamp: 1_700_000_000 })
      expect(readInvoiceHrp(invoice)).toEqual({ network, sats: BigInt(amount) })
    }
  })

  test.each([
    ['not-an-invoice', 'Not a Lightning invoice'],
    ['', 'Not a Lightning invoice'],
    ['ln1abc', 'Not a Lightning invoice'],
    ['lnxy500n1pexample', 'Not a Lightning invoice'],
    ['bc1qexample', 'Not a Lightning invoice'],
    [`lnbc1${'q'.repeat(8200)}`, 'Not a Lightning invoice'],
    ['lnbc5x1pexample', 'The invoice amount is malformed'],
    ['lnbc1.5m1pexample', 'The invoice amount is malformed'],
    ['lnbc123456789012345678901n1pexample', 'The invoice amount is malformed'],
    ['lnbc15p1pexample', 'Invoices for fractions of a satoshi are not supported'],
    ['lnbc10p1pexample', 'Invoices for fractions of a satoshi are not supported'],
    ['lnbc1n1pexample', 'Invoices for fractions of a satoshi are not supported'],
  ])('%s is refused: %s', (invoice, message) => {
    expect(() => readInvoiceHrp(invoice)).toThrow(new InvoiceError(message))
  })

  test('a non-string is refused', () => {
    expect(() => readInvoiceHrp(42 as unknown as string)).toThrow(InvoiceError)
  })
})

import { describe, expect, test } from 'vitest'
import { makeInvoice, paymentHashOf, preimageFor } from '../../test/invoices'
import { sats } from '../amount'
import type { Offer } from '../offers/offer'
import { RailError } from '../rail'
import { checkInvoice, checkPreimage, decodeInvoice } from './invoice'

const t0 = 1_700_000_000 // invoice timestamp (unix seconds)
const inv = makeInvoice({ sats: 100, seed: 'inv', timestamp: t0, expirySeconds: 600, description: 'A photo' })

function offerFor(invoice: string, amount: bigint, details: Record<string, unknown> = {}): Offer {
  return {
    id: 'ch',
    protocol: 'mpp',
    method: 'lightning',
    intent: 'charge',
    amount: sats(amount),
    request: { amount: String(amount), currency: 'BTC', methodDetails: { invoice, ...details } },
    source: { protocol: 'l402', scheme: 'L402', token: 't', invoice },
  }
}

/** The RailError a call throws (code and message), or a failure. */
function railErrorOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(RailError)
    return { code: (error as RailError).code, message: (error as RailError).message }
  }
  throw new Error('expected a RailError')
}

describe('decodeInvoice', () => {
  test('a real signed regtest invoice', () => {
    expect(inv.invoice.startsWith('lnbcrt1u1')).toBe(true)
    expect(decodeInvoice(inv.invoice)).toEqual({
      paymentHash: inv.paymentHash,
      sats: 100n,
      network: 'regtest',
      expiresAt: new Date((t0 + 600) * 1000),
      memo: 'A photo',
    })
  })

  test.each([
    ['mainnet', 'lnbc'],
    ['testnet', 'lntb'],
    ['signet', 'lntbs'],
  ] as const)('%s invoice', (network, prefix) => {
    const i = makeInvoice({ sats: 2500, network, timestamp: t0 })
    expect(i.invoice.startsWith(`${prefix}25u1`)).toBe(true)
    expect(decodeInvoice(i.invoice)).toMatchObject({ network, sats: 2500n, paymentHash: i.paymentHash })
  })

  test('without an expiry tag the BOLT11 default of one hour applies', () => {
    const i = makeInvoice({ timestamp: t0, expirySeconds: null })
    expect(decodeInvoice(i.invoice).expiresAt).toEqual(new Date((t0 + 3600) * 1000))
  })

  test('a long memo is capped', () => {
    const i = makeInvoice({ timestamp: t0, description: 'm'.repeat(500) })
    expect(decodeInvoice(i.invoice).memo).toBe('m'.repeat(300))
  })

  test.each([
    ['garbage', 'not-an-invoice'],
    ['a broken checksum', `${inv.invoice.slice(0, -1)}${inv.invoice.endsWith('q') ? 'p' : 'q'}`],
    ['an empty string', ''],
  ])('%s is not valid', (_, text) => {
    expect(railErrorOf(() => decodeInvoice(text))).toEqual({ code: 'mismatch', message: 'The Lightning invoice is not valid.' })
  })

  test('an invoice without an amount', () => {
    const i = makeInvoice({ noAmount: true, timestamp: t0 })
    expect(railErrorOf(() => decodeInvoice(i.invoice))).toEqual({ code: 'mismatch', message: 'The Lightning invoice has no amount.' })
  })

  test('an invoice for a fraction of a satoshi', () => {
    const i = makeInvoice({ millisats: '1500', timestamp: t0 })
    expect(railErrorOf(() => decodeInvoice(i.invoice))).toEqual({ code: 'mismatch', message: 'The Lightning invoice asks for a fraction of a satoshi.' })
  })
})

describe('checkInvoice', () => {
  const before = (t0 + 100) * 1000

  test('an invoice that agrees with the challenge', () => {
    const checked = checkInvoice(offerFor(inv.invoice, 100n, { paymentHash: inv.paymentHash, network: 'regtest' }), before)
    expect(checked).toEqual({
      invoice: inv.invoice,
      paymentHash: inv.paymentHash,
      sats: 100n,
      network: 'regtest',
      expiresAt: new Date((t0 + 600) * 1000),
      memo: 'A photo',
    })
  })

  test('paymentHash and network are optional; the hash compares case-insensitively', () => {
    expect(checkInvoice(offerFor(inv.invoice, 100n), before).sats).toBe(100n)
    expect(checkInvoice(offerFor(inv.invoice, 100n, { paymentHash: inv.paymentHash.toUpperCase() }), before).paymentHash).toBe(inv.paymentHash)
  })

  test('amount mismatch', () => {
    expect(railErrorOf(() => checkInvoice(offerFor(inv.invoice, 10n), before))).toEqual({
      code: 'mismatch',
      message: 'The invoice asks for 100 sats but the price is 10 sats. It was not paid.',
    })
  })

  test('payment hash mismatch', () => {
    const other = paymentHashOf(preimageFor('someone else'))
    expect(railErrorOf(() => checkInvoice(offerFor(inv.invoice, 100n, { paymentHash: other }), before))).toEqual({
      code: 'mismatch',
      message: 'The invoice does not match the payment the server described. It was not paid.',
    })
  })

  test('network mismatch', () => {
    expect(railErrorOf(() => checkInvoice(offerFor(inv.invoice, 100n, { network: 'mainnet' }), before))).toEqual({
      code: 'mismatch',
      message: 'The invoice is for regtest, not mainnet. It was not paid.',
    })
    const mainnet = makeInvoice({ sats: 100, network: 'mainnet', timestamp: t0 })
    expect(railErrorOf(() => checkInvoice(offerFor(mainnet.invoice, 100n, { network: 'regtest' }), before)).message).toBe(
      'The invoice is for mainnet, not regtest. It was not paid.',
    )
  })

  test('expired invoice (at and after its expiry)', () => {
    const expired = { code: 'mismatch', message: 'The Lightning invoice has expired.' }
    expect(railErrorOf(() => checkInvoice(offerFor(inv.invoice, 100n), (t0 + 600) * 1000))).toEqual(expired)
    expect(railErrorOf(() => checkInvoice(offerFor(inv.invoice, 100n), (t0 + 601) * 1000))).toEqual(expired)
    expect(checkInvoice(offerFor(inv.invoice, 100n), (t0 + 600) * 1000 - 1).sats).toBe(100n)
  })

  test('uses the clock when no time is given', () => {
    const old = makeInvoice({ timestamp: t0, expirySeconds: 60 })
    expect(railErrorOf(() => checkInvoice(offerFor(old.invoice, 100n))).message).toBe('The Lightning invoice has expired.')
    const fresh = makeInvoice({ expirySeconds: 600 })
    expect(checkInvoice(offerFor(fresh.invoice, 100n)).paymentHash).toBe(fresh.paymentHash)
  })

  test('no invoice in the offer', () => {
    const offer = { ...offerFor(inv.invoice, 100n), request: { amount: '100', methodDetails: {} } }
    expect(railErrorOf(() => checkInvoice(offer, before))).toEqual({ code: 'mismatch', message: 'The offer carries no Lightning invoice.' })
    const noDetails = { ...offerFor(inv.invoice, 100n), request: { amount: '100' } }
    expect(railErrorOf(() => checkInvoice(noDetails, before)).message).toBe('The offer carries no Lightning invoice.')
  })
})

describe('checkPreimage', () => {
  test('the right preimage, normalized', () => {
    expect(checkPreimage(inv.preimage, inv.paymentHash)).toBe(inv.preimage)
    expect(checkPreimage(`  ${inv.preimage.toUpperCase()}\n`, inv.paymentHash)).toBe(inv.preimage)
  })

  test('a preimage of another invoice', () => {
    expect(railErrorOf(() => checkPreimage(preimageFor('other'), inv.paymentHash))).toEqual({
      code: 'invalid-input',
      message: 'That preimage does not belong to this invoice.',
    })
    // the payment hash itself is not the preimage
    expect(railErrorOf(() => checkPreimage(inv.paymentHash, inv.paymentHash)).message).toBe('That preimage does not belong to this invoice.')
  })

  test.each([[inv.preimage.slice(1)], [`${inv.preimage}0`], ['z'.repeat(64)], [''], [undefined], [null], [42], [{ preimage: inv.preimage }]])(
    'malformed %j',
    (value) => {
      expect(railErrorOf(() => checkPreimage(value, inv.paymentHash))).toEqual({ code: 'invalid-input', message: 'A preimage is 64 hexadecimal characters.' })
    },
  )
})

import { Receipt } from 'mppx'
import { describe, expect, test } from 'vitest'
import { sats } from './amount'
import type { Offer } from './offers/offer'
import { memoryReceiptStore, readReceiptHeader, receiptFor, type PaymentReceipt } from './receipts'

const header = Receipt.serialize(Receipt.from({ method: 'lightning', reference: 'abc123', status: 'success', timestamp: '2026-01-02T03:04:05.000Z' }))
const withReceipt = (value: string) => new Response('ok', { headers: { 'payment-receipt': value } })

const offer: Offer = {
  id: 'ch_1',
  protocol: 'mpp',
  method: 'lightning',
  intent: 'charge',
  amount: sats(100),
  description: 'A photo',
  request: {},
  source: { protocol: 'l402', scheme: 'L402', token: 't', invoice: 'i' },
}

describe('readReceiptHeader', () => {
  test('parses a Payment-Receipt', () => {
    expect(readReceiptHeader(withReceipt(header))).toEqual({ method: 'lightning', reference: 'abc123', status: 'success', timestamp: '2026-01-02T03:04:05.000Z' })
  })

  test('absent, malformed, too large or without a reference: undefined', () => {
    expect(readReceiptHeader(new Response('ok'))).toBeUndefined()
    expect(readReceiptHeader(withReceipt('not base64 json!'))).toBeUndefined()
    expect(readReceiptHeader(withReceipt('x'.repeat(17 * 1024)))).toBeUndefined()
    const noReference = Buffer.from(JSON.stringify({ method: 'lightning', status: 'success', timestamp: 'now' })).toString('base64url')
    expect(readReceiptHeader(withReceipt(noReference))).toBeUndefined()
  })
})

describe('receiptFor', () => {
  test('from the server receipt, amount from the offer', () => {
    const r = receiptFor(offer, withReceipt(header), 'https://api.example.test/photo', 'fallback')
    expect(r).toMatchObject({
      protocol: 'mpp',
      method: 'lightning',
      reference: 'abc123',
      status: 'success',
      timestamp: '2026-01-02T03:04:05.000Z',
      amount: sats(100),
      description: 'A photo',
      url: 'https://api.example.test/photo',
      fromServer: true,
    })
    expect(r.id).toMatch(/^r_[0-9a-z]+_[0-9a-z]+$/)
    expect(Object.isFrozen(r)).toBe(true)
  })

  test('without a server receipt the kit makes one from the offer', () => {
    const before = Date.now()
    const r = receiptFor(offer, new Response('ok'), 'https://api.example.test/photo', 'l402:0')
    expect(r).toMatchObject({ method: 'lightning', reference: 'l402:0', status: 'success', fromServer: false })
    expect(Date.parse(r.timestamp)).toBeGreaterThanOrEqual(before - 1000)
  })

  test('ids are unique', () => {
    const a = receiptFor(offer, new Response('ok'), 'u', 'f')
    const b = receiptFor(offer, new Response('ok'), 'u', 'f')
    expect(a.id).not.toBe(b.id)
  })
})

describe('memoryReceiptStore', () => {
  const r = (id: string) => ({ id }) as PaymentReceipt

  test('newest first, limited, with listeners', () => {
    const store = memoryReceiptStore(2)
    let notified = 0
    const off = store.subscribe(() => notified++)
    expect(store.list()).toEqual([])
    store.add(r('1'))
    store.add(r('2'))
    store.add(r('3'))
    expect(store.list().map((x) => x.id)).toEqual(['3', '2'])
    expect(notified).toBe(3)
    off()
    store.add(r('4'))
    expect(notified).toBe(3)
  })

  test('list() is a stable snapshot between changes', () => {
    const store = memoryReceiptStore()
    store.add(r('1'))
    const snapshot = store.list()
    expect(store.list()).toBe(snapshot)
    store.add(r('2'))
    expect(store.list()).not.toBe(snapshot)
    expect(snapshot.map((x) => x.id)).toEqual(['1'])
  })
})

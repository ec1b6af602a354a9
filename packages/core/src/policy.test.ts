import { describe, expect, test } from 'vitest'
import { money, sats, usd, type Money } from './amount'
import type { Offer } from './offers/offer'
import { createPolicy, memorySpendStore, type SpendStore } from './policy'

const site = 'https://api.example.test'
const other = 'https://other.example.test'
const now = Date.parse('2026-06-01T12:00:00Z')

let n = 0
function offer(amount: Money, extra: Partial<Offer> = {}): Offer {
  return {
    id: `o${n++}`,
    protocol: 'mpp',
    method: 'stripe',
    intent: 'charge',
    amount,
    request: {},
    source: { protocol: 'l402', scheme: 'L402', token: 't', invoice: 'i' },
    ...extra,
  }
}

describe('createPolicy', () => {
  test('no limits: allow', () => {
    expect(createPolicy().check(offer(usd('1000000')), site, now)).toEqual({ kind: 'allow' })
  })

  describe('maxPerPayment', () => {
    const policy = createPolicy({ maxPerPayment: [usd('1.00'), sats(500)] })

    test('equal to the cap is allowed', () => {
      expect(policy.check(offer(usd('1.00')), site, now)).toEqual({ kind: 'allow' })
      expect(policy.check(offer(sats(500)), site, now)).toEqual({ kind: 'allow' })
    })

    test('above the cap is refused with the cap and a message', () => {
      expect(policy.check(offer(usd('1.01')), site, now)).toEqual({
        kind: 'refuse',
        code: 'over-cap',
        limit: usd('1.00'),
        message: `${new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' }).format(1.01)} is above your limit of ${new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' }).format(1)} per payment.`,
      })
      expect(policy.check(offer(sats(501)), site, now)).toMatchObject({ kind: 'refuse', code: 'over-cap', limit: sats(500) })
    })

    test('a cap only applies to its own currency (case-insensitive)', () => {
      expect(policy.check(offer(money('eur', '999')), site, now)).toEqual({ kind: 'allow' })
      expect(policy.check(offer({ value: 101n, decimals: 2, currency: 'USD' }), site, now)).toMatchObject({ code: 'over-cap' })
    })

    test('an offer in finer decimals is rounded up, never undercutting the cap', () => {
      // $1.000001 in 6 decimals is above a $1.00 cap even though it rounds to $1.00 at 2 decimals.
      expect(policy.check(offer({ value: 1_000_001n, decimals: 6, currency: 'usd' }), site, now)).toMatchObject({ kind: 'refuse', code: 'over-cap' })
      expect(policy.check(offer({ value: 1_000_000n, decimals: 6, currency: 'usd' }), site, now)).toEqual({ kind: 'allow' })
      expect(policy.check(offer({ value: 999_999n, decimals: 6, currency: 'usd' }), site, now)).toEqual({ kind: 'allow' })
    })

    test('an offer in coarser decimals is scaled up exactly', () => {
      const fine = createPolicy({ maxPerPayment: [{ value: 1_000_000n, decimals: 6, currency: 'usd' }] })
      expect(fine.check(offer({ value: 100n, decimals: 2, currency: 'usd' }), site, now)).toEqual({ kind: 'allow' })
      expect(fine.check(offer({ value: 101n, decimals: 2, currency: 'usd' }), site, now)).toMatchObject({ code: 'over-cap' })
    })
  })

  describe('askAbove', () => {
    const policy = createPolicy({ askAbove: [usd('0.50')], maxPerPayment: [usd('2.00')] })

    test('at or below the ask limit: allow', () => {
      expect(policy.check(offer(usd('0.50')), site, now)).toEqual({ kind: 'allow' })
      expect(policy.check(offer(usd('0.01')), site, now)).toEqual({ kind: 'allow' })
    })

    test('between ask and cap: ask, with the limit', () => {
      const decision = policy.check(offer(usd('0.51')), site, now)
      expect(decision.kind).toBe('ask')
      expect(decision).toMatchObject({ limit: usd('0.50') })
      expect(decision.kind === 'ask' && decision.message).toMatch(/0\.51 is more than .*0\.50\. Confirm to continue\.$/)
      expect(policy.check(offer(usd('2.00')), site, now).kind).toBe('ask')
    })

    test('above the cap: refuse wins over ask', () => {
      expect(policy.check(offer(usd('2.01')), site, now)).toMatchObject({ kind: 'refuse', code: 'over-cap' })
    })

    test('rounded up in the limit decimals too', () => {
      expect(policy.check(offer({ value: 500_001n, decimals: 6, currency: 'usd' }), site, now).kind).toBe('ask')
    })
  })

  describe('budgetPerOrigin', () => {
    test('accumulates through record() and refuses what would go over', () => {
      const policy = createPolicy({ budgetPerOrigin: [usd('1.00')] })
      const p = offer(usd('0.40'))
      expect(policy.check(p, site, now)).toEqual({ kind: 'allow' })
      policy.record(p, site)
      policy.record(p, site)
      expect(policy.spent(site, 'usd')).toBe(80n)
      expect(policy.check(offer(usd('0.20')), site, now)).toEqual({ kind: 'allow' })
      const refused = policy.check(p, site, now)
      expect(refused).toMatchObject({ kind: 'refuse', code: 'over-budget', limit: usd('1.00') })
      expect(refused.kind === 'refuse' && refused.message).toMatch(/^This would go over your budget of .*1\.00 for this site\.$/)
      // per origin
      expect(policy.check(p, other, now)).toEqual({ kind: 'allow' })
      expect(policy.spent(other, 'usd')).toBe(0n)
      // per currency
      expect(policy.check(offer(sats(1_000_000)), site, now)).toEqual({ kind: 'allow' })
    })

    test('spend is recorded in the budget decimals, rounded up', () => {
      const policy = createPolicy({ budgetPerOrigin: [usd('0.02')] })
      const tiny = offer({ value: 1n, decimals: 6, currency: 'usd' }) // $0.000001 counts as $0.01
      policy.record(tiny, site)
      expect(policy.spent(site, 'usd')).toBe(1n)
      policy.record(tiny, site)
      expect(policy.spent(site, 'usd')).toBe(2n)
      expect(policy.check(tiny, site, now)).toMatchObject({ code: 'over-budget' })
    })

    test('without a budget, record keeps the raw base units', () => {
      const policy = createPolicy()
      policy.record(offer(sats(21)), site)
      policy.record(offer(sats(21)), site)
      expect(policy.spent(site, 'BTC')).toBe(42n)
    })

    test('a shared spend store is used', () => {
      const store: SpendStore = memorySpendStore()
      store.add(site, 'USD', 95n)
      const policy = createPolicy({ budgetPerOrigin: [usd('1.00')], spendStore: store })
      expect(policy.check(offer(usd('0.05')), site, now)).toEqual({ kind: 'allow' })
      expect(policy.check(offer(usd('0.06')), site, now)).toMatchObject({ code: 'over-budget' })
      policy.record(offer(usd('0.05')), site)
      expect(store.get(site, 'usd')).toBe(100n)
    })
  })

  test('allowedCurrencies (case-insensitive, token addresses too)', () => {
    const token = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48'
    const policy = createPolicy({ allowedCurrencies: ['USD', token.toLowerCase()] })
    expect(policy.check(offer(usd('1')), site, now)).toEqual({ kind: 'allow' })
    expect(policy.check(offer({ value: 1n, decimals: 6, currency: token, symbol: 'USDC' }), site, now)).toEqual({ kind: 'allow' })
    expect(policy.check(offer(money('eur', '1')), site, now)).toEqual({
      kind: 'refuse',
      code: 'currency-not-allowed',
      limit: undefined,
      message: 'Payments in EUR are not allowed here.',
    })
    expect(policy.check(offer({ value: 1n, decimals: 6, currency: '0xdead', symbol: 'FAKE' }), site, now)).toMatchObject({
      message: 'Payments in FAKE are not allowed here.',
    })
  })

  test('allowedRecipients (case-insensitive; no recipient is refused)', () => {
    const policy = createPolicy({ allowedRecipients: ['0xAbC0000000000000000000000000000000000001'] })
    expect(policy.check(offer(usd('1'), { recipient: '0xabc0000000000000000000000000000000000001' }), site, now)).toEqual({ kind: 'allow' })
    expect(policy.check(offer(usd('1'), { recipient: '0xabc0000000000000000000000000000000000002' }), site, now)).toEqual({
      kind: 'refuse',
      code: 'recipient-not-allowed',
      limit: undefined,
      message: 'This payment goes to a recipient that is not on the allowed list.',
    })
    expect(policy.check(offer(usd('1')), site, now)).toMatchObject({ code: 'recipient-not-allowed' })
  })

  test('an expired offer is refused with code expired, before any other rule', () => {
    const policy = createPolicy({ allowedCurrencies: ['eur'], maxPerPayment: [usd('0.01')] })
    const expired = offer(usd('5'), { expires: new Date(now - 1) })
    expect(policy.check(expired, site, now)).toEqual({ kind: 'refuse', code: 'expired', limit: undefined, message: 'This price has expired.' })
    expect(policy.check(offer(usd('5'), { expires: new Date(now) }), site, now)).toMatchObject({ code: 'expired' })
    expect(policy.check(offer(usd('5'), { expires: new Date(now + 1) }), site, now)).toMatchObject({ code: 'currency-not-allowed' })
  })

  test('check uses Date.now() when no time is given', () => {
    const policy = createPolicy()
    expect(policy.check(offer(usd('1'), { expires: new Date(Date.now() - 1000) }), site)).toMatchObject({ code: 'expired' })
    expect(policy.check(offer(usd('1'), { expires: new Date(Date.now() + 60_000) }), site)).toEqual({ kind: 'allow' })
  })
})

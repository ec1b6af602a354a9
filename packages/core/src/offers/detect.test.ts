import { Challenge } from 'mppx'
import { describe, expect, test } from 'vitest'
import { makeInvoice } from '../../test/invoices'
import { paymentHeader } from '../../test/challenges'
import { problemMessages } from '../problems'
import { maxOffers, readPaymentRequired } from './detect'
import { headlineOffer, isExpired, type MppSource } from './offer'

const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48'
const regtest50 = makeInvoice({ sats: 50, timestamp: 1_700_000_000 }).invoice
const mainnet250k = makeInvoice({ sats: 250_000, network: 'mainnet', timestamp: 1_700_000_000 }).invoice

function response402(header: string | null, init: { body?: string; contentType?: string; status?: number } = {}) {
  const headers = new Headers()
  if (header !== null) headers.set('www-authenticate', header)
  if (init.contentType) headers.set('content-type', init.contentType)
  return new Response(init.body ?? null, { status: init.status ?? 402, headers })
}

const stripe = (id: string, request: Record<string, unknown> = { amount: '75', currency: 'usd', decimals: 2 }, extra: { description?: string; expires?: string } = {}) =>
  paymentHeader({ id, method: 'stripe', request, ...extra })
const lightning = (id: string, request: Record<string, unknown>) => paymentHeader({ id, method: 'lightning', request })

describe('readPaymentRequired', () => {
  test('returns every offer, in the server order, not just the first', async () => {
    const header = [
      lightning('ln', { amount: '100', currency: 'BTC', methodDetails: { invoice: regtest50 } }),
      stripe('card'),
      paymentHeader({ id: 'tok', method: 'evm', request: { amount: '250000', currency: usdc, decimals: 6, symbol: 'USDC', recipient: '0xAbC0000000000000000000000000000000000001' } }),
      `L402 version="0", token="AgEDbG5k", invoice="${regtest50}"`,
    ].join(', ')
    const pr = await readPaymentRequired(response402(header))
    expect(pr.status).toBe(402)
    expect(pr.rejected).toEqual([])
    expect(pr.diagnostics).toEqual([])
    expect(pr.problem).toBeUndefined()
    expect(pr.offers.map((o) => [o.id, o.protocol, o.method, o.intent])).toEqual([
      ['ln', 'mpp', 'lightning', 'charge'],
      ['card', 'mpp', 'stripe', 'charge'],
      ['tok', 'mpp', 'evm', 'charge'],
      ['l402:0', 'l402', 'lightning', 'charge'],
    ])
    expect(pr.offers.map((o) => o.amount)).toEqual([
      { value: 100n, decimals: 8, currency: 'btc', symbol: undefined },
      { value: 75n, decimals: 2, currency: 'usd', symbol: undefined },
      { value: 250000n, decimals: 6, currency: usdc, symbol: 'USDC' },
      { value: 50n, decimals: 8, currency: 'btc' },
    ])
    expect(pr.offers[2]!.recipient).toBe('0xAbC0000000000000000000000000000000000001')
    expect(pr.offers[0]!.realm).toBe('api.example.test')
    expect(headlineOffer(pr.offers)).toBe(pr.offers[0])
  })

  test('an MPP offer keeps the exact challenge text and the mppx challenge', async () => {
    const text = stripe('card')
    const [offer] = (await readPaymentRequired(response402(`Bearer realm="x", ${text}`))).offers
    const source = offer!.source as MppSource
    expect(source.protocol).toBe('mpp')
    expect(source.header).toBe(text)
    expect(source.challenge).toEqual(Challenge.deserialize(text))
    expect(offer!.request).toEqual({ amount: '75', currency: 'usd', decimals: 2 })
    expect(Object.isFrozen(offer)).toBe(true)
    expect(Object.isFrozen(offer!.request)).toBe(true)
  })

  test('one malformed challenge is rejected, the others survive', async () => {
    const header = [
      stripe('good1'),
      'Payment id="bad", realm="api.example.test", method="stripe", intent="charge", request="!!not-base64!!"',
      stripe('good2'),
    ].join(', ')
    const pr = await readPaymentRequired(response402(header))
    expect(pr.offers.map((o) => o.id)).toEqual(['good1', 'good2'])
    expect(pr.rejected).toHaveLength(1)
    expect(pr.rejected[0]).toMatchObject({ protocol: 'mpp', method: 'stripe' })
    expect(pr.rejected[0]!.reason).toMatch(/^malformed challenge: /)
  })

  test('a broken (tokenizer-level) challenge is rejected with the reason', async () => {
    const pr = await readPaymentRequired(response402(`${stripe('good')}, Payment id="x", id="y"`))
    expect(pr.offers.map((o) => o.id)).toEqual(['good'])
    expect(pr.rejected).toEqual([{ protocol: 'mpp', method: undefined, reason: 'malformed challenge: duplicate parameter id' }])
  })

  test('a description claiming another price does not change the amount', async () => {
    const pr = await readPaymentRequired(response402(stripe('card', { amount: '7500', currency: 'usd', decimals: 2 }, { description: 'Only $0.01 today!' })))
    expect(pr.offers[0]!.amount).toEqual({ value: 7500n, decimals: 2, currency: 'usd', symbol: undefined })
    expect(pr.offers[0]!.description).toBe('Only $0.01 today!')
  })

  test('the description is capped at 500 characters', async () => {
    const pr = await readPaymentRequired(response402(stripe('card', undefined, { description: 'x'.repeat(2000) })))
    expect(pr.offers[0]!.description).toHaveLength(500)
  })

  test.each([
    [{ amount: '-1', currency: 'usd' }, 'Amount must be whole base units, got "-1"'],
    [{ amount: '1.5', currency: 'usd' }, 'Amount must be whole base units, got "1.5"'],
    [{ amount: '1e3', currency: 'usd' }, 'Amount must be whole base units, got "1e3"'],
    [{ amount: 75, currency: 'usd' }, 'Amount must be whole base units, got 75'],
    [{ amount: '1'.padEnd(79, '0'), currency: 'usd' }, 'Amount is too large'],
    [{ amount: '75', currency: 'usd', decimals: 37 }, 'Decimals must be a whole number from 0 to 36, got 37'],
    [{ amount: '75', currency: 'usd', decimals: -1 }, 'Decimals must be a whole number from 0 to 36, got -1'],
    [{ amount: '75', currency: 'usd', decimals: '2.5' }, 'Decimals must be a whole number from 0 to 36, got "2.5"'],
    [{ amount: '75' }, 'The offer does not say which currency it is in'],
    [{ amount: '75', currency: '' }, 'The offer does not say which currency it is in'],
    [{ amount: '5', currency: 'credits' }, 'The offer does not say how many decimals credits has'],
  ])('rejects the request %j', async (request, reason) => {
    const pr = await readPaymentRequired(response402(`${stripe('bad', request)}, ${stripe('ok')}`))
    expect(pr.offers.map((o) => o.id)).toEqual(['ok'])
    expect(pr.rejected).toEqual([{ protocol: 'mpp', method: 'stripe', reason }])
  })

  test('declared decimals and zero-decimal currencies', async () => {
    const header = [stripe('jpy', { amount: '500', currency: 'JPY' }), stripe('credits', { amount: '5', currency: 'credits', decimals: '0' })].join(', ')
    const pr = await readPaymentRequired(response402(header))
    expect(pr.offers.map((o) => o.amount)).toEqual([
      { value: 500n, decimals: 0, currency: 'jpy', symbol: undefined },
      { value: 5n, decimals: 0, currency: 'credits', symbol: undefined },
    ])
  })

  test('a Lightning amount is satoshis whatever decimals says, and must be BTC', async () => {
    const header = [
      lightning('a', { amount: '100', decimals: 2, methodDetails: { invoice: regtest50 } }),
      lightning('b', { amount: '100', currency: 'usd', methodDetails: { invoice: regtest50 } }),
    ].join(', ')
    const pr = await readPaymentRequired(response402(header))
    expect(pr.offers.map((o) => [o.id, o.amount])).toEqual([['a', { value: 100n, decimals: 8, currency: 'btc', symbol: undefined }]])
    expect(pr.rejected).toEqual([{ protocol: 'mpp', method: 'lightning', reason: 'Lightning offers must be in BTC' }])
  })

  test('expiry is read into a Date; an expired offer is still listed', async () => {
    const past = '2020-01-01T00:00:00.000Z'
    const future = '2999-01-01T00:00:00.000Z'
    const pr = await readPaymentRequired(response402(`${stripe('old', undefined, { expires: past })}, ${stripe('new', undefined, { expires: future })}`))
    expect(pr.offers.map((o) => o.expires?.toISOString())).toEqual([past, future])
    expect(isExpired(pr.offers[0]!)).toBe(true)
    expect(isExpired(pr.offers[1]!)).toBe(false)
    expect(isExpired({ expires: new Date(1000) }, 1000)).toBe(true)
    expect(isExpired({ expires: new Date(1000) }, 999)).toBe(false)
    expect(isExpired({ expires: undefined })).toBe(false)
  })

  test('duplicate challenge ids and too many offers are rejected', async () => {
    const many = Array.from({ length: maxOffers + 2 }, (_, i) => stripe(`c${i}`))
    const pr = await readPaymentRequired(response402([stripe('c0'), ...many].join(', ')))
    expect(pr.offers).toHaveLength(maxOffers)
    expect(pr.offers.map((o) => o.id)).toEqual(Array.from({ length: maxOffers }, (_, i) => `c${i}`))
    expect(pr.rejected).toEqual([
      { protocol: 'mpp', method: 'stripe', reason: 'duplicate challenge id' },
      { protocol: 'mpp', method: 'stripe', reason: 'too many offers' },
      { protocol: 'mpp', method: 'stripe', reason: 'too many offers' },
    ])
  })

  describe('L402', () => {
    test('token=, legacy macaroon= and the LSAT scheme', async () => {
      const header = [
        `L402 version="0", token="AgEDbG5k+/=", invoice="${regtest50}"`,
        `L402 macaroon="bWFjYXJvb24", invoice="${regtest50}"`,
        `LSAT macaroon="bHNhdA==", invoice="${mainnet250k}"`,
      ].join(', ')
      const pr = await readPaymentRequired(response402(header))
      expect(pr.rejected).toEqual([])
      expect(pr.offers.map((o) => [o.id, o.protocol, o.method, o.source])).toEqual([
        ['l402:0', 'l402', 'lightning', { protocol: 'l402', scheme: 'L402', token: 'AgEDbG5k+/=', invoice: regtest50 }],
        ['l402:1', 'l402', 'lightning', { protocol: 'l402', scheme: 'L402', token: 'bWFjYXJvb24', invoice: regtest50 }],
        ['l402:2', 'l402', 'lightning', { protocol: 'l402', scheme: 'LSAT', token: 'bHNhdA==', invoice: mainnet250k }],
      ])
      expect(pr.offers[0]!.request).toEqual({ amount: '50', currency: 'BTC', methodDetails: { invoice: regtest50 } })
    })

    test('the amount is read from the invoice HRP', async () => {
      expect(regtest50.startsWith('lnbcrt500n1')).toBe(true)
      expect(mainnet250k.startsWith('lnbc2500u1')).toBe(true)
      const pr = await readPaymentRequired(response402(`L402 token="a", invoice="${regtest50}", L402 token="b", invoice="${mainnet250k}"`))
      expect(pr.offers.map((o) => o.amount)).toEqual([
        { value: 50n, decimals: 8, currency: 'btc' },
        { value: 250000n, decimals: 8, currency: 'btc' },
      ])
    })

    test.each([
      [`L402 token="a"`, 'L402 challenge without token and invoice'],
      [`L402 invoice="${regtest50}"`, 'L402 challenge without token and invoice'],
      [`L402 token="a b", invoice="${regtest50}"`, 'L402 token is malformed'],
      [`L402 version="1", token="a", invoice="${regtest50}"`, 'L402 version 1 is not supported'],
      [`L402 token="a", invoice="${makeInvoice({ noAmount: true, timestamp: 1_700_000_000 }).invoice}"`, 'L402 invoice has no amount'],
      [`L402 token="a", invoice="not-an-invoice"`, 'Not a Lightning invoice'],
      [`L402 token="a", invoice="${makeInvoice({ millisats: '1500', timestamp: 1_700_000_000 }).invoice}"`, 'Invoices for fractions of a satoshi are not supported'],
      [`L402 token="a", token="b", invoice="${regtest50}"`, 'malformed challenge: duplicate parameter token'],
    ])('rejects %s', async (header, reason) => {
      const pr = await readPaymentRequired(response402(`${header}, ${stripe('ok')}`))
      expect(pr.offers.map((o) => o.id)).toEqual(['ok'])
      expect(pr.rejected).toEqual([{ protocol: 'l402', method: 'lightning', reason }])
    })
  })

  test('schemes that are not ways to pay are ignored; garbage is reported', async () => {
    const pr = await readPaymentRequired(response402(`Bearer realm="x", Basic realm="y", "junk", ${stripe('ok')}`))
    expect(pr.offers.map((o) => o.id)).toEqual(['ok'])
    expect(pr.rejected).toEqual([{ protocol: 'unknown', reason: 'malformed header: not a challenge' }])
  })

  test('no header: no offers (same-origin response, no CORS diagnostic)', async () => {
    const pr = await readPaymentRequired(response402(null))
    expect(pr).toEqual({ offers: [], rejected: [], problem: undefined, status: 402, diagnostics: [] })
  })

  test('problem+json with fresh challenges: kind and a human message, body left unread', async () => {
    const body = JSON.stringify({
      type: 'https://paymentauth.org/problems/verification-failed',
      title: 'Verification Failed',
      status: 402,
      detail: 'preimage does not match',
      challengeId: 'old',
    })
    const response = response402(stripe('fresh'), { body, contentType: 'application/problem+json' })
    const pr = await readPaymentRequired(response)
    expect(pr.offers.map((o) => o.id)).toEqual(['fresh'])
    expect(pr.problem).toEqual({
      kind: 'verification-failed',
      type: 'https://paymentauth.org/problems/verification-failed',
      title: 'Verification Failed',
      status: 402,
      detail: 'preimage does not match',
      challengeId: 'old',
      message: problemMessages['verification-failed'],
    })
    expect(response.bodyUsed).toBe(false)
    expect(await response.text()).toBe(body)
  })

  test('a plain JSON 402 body is not a problem', async () => {
    const pr = await readPaymentRequired(response402(stripe('ok'), { body: '{"type":"x"}', contentType: 'application/json' }))
    expect(pr.problem).toBeUndefined()
  })
})

import { Credential } from 'mppx'
import { Mppx as ClientMppx } from 'mppx/client'
import { Mppx as ServerMppx, stripe as serverStripe } from 'mppx/server'
import { describe, expect, it } from 'vitest'
import { paymentHeader } from '../../test/challenges'
import { until, untilStatus } from '../../test/helpers'
import { formatMoney } from '../amount'
import { createCheckout, type PaymentPreparer } from '../checkout/checkout'
import { readPaymentRequired } from '../offers/detect'
import type { Offer } from '../offers/offer'
import { createPolicy } from '../policy'
import { lightningRailCore } from '../lightning/rail'
import { RailError } from '../rail'
import { memoryReceiptStore } from '../receipts'
import { toPaidRequest } from '../request'
import { cardMessages } from './errors'
import { cardRailCore, readCardOffer } from './rail'

async function offerWith(request: Record<string, unknown>): Promise<Offer> {
  const header = paymentHeader({ id: 'ch_card', method: 'stripe', request })
  const pr = await readPaymentRequired(new Response(null, { status: 402, headers: { 'www-authenticate': header } }))
  expect(pr.rejected).toEqual([])
  return pr.offers[0]!
}
const details = { networkId: 'internal', paymentMethodTypes: ['card', 'link'] }

describe('card offers', () => {
  it('reads amount, currency and payment method types for Elements', async () => {
    const offer = await offerWith({ amount: '75', currency: 'usd', decimals: 2, methodDetails: details })
    expect(formatMoney(offer.amount)).toBe('$0.75')
    expect(readCardOffer(offer)).toEqual({ amount: 75, currency: 'usd', paymentMethodTypes: ['card', 'link'], networkId: 'internal' })
    expect(cardRailCore({ createToken: '/spt' }).blockedReason!(offer)).toBeUndefined()
  })

  it.each([
    [{ amount: '30', currency: 'usd', decimals: 2, methodDetails: details }, 'Card payments in USD start at $0.50.'],
    [{ amount: '40', currency: 'jpy', decimals: 0, methodDetails: details }, 'Card payments in JPY start at ¥50.'],
    [{ amount: '7500', currency: 'usd', decimals: 4, methodDetails: details }, /not in USD's minor units/],
    [{ amount: '75', currency: 'usd', decimals: 2, methodDetails: { networkId: 'internal' } }, /which payment methods/],
    [{ amount: '75', currency: 'usd', decimals: 2, methodDetails: { paymentMethodTypes: ['card'] } }, /no Stripe network id/],
  ])('blocks %j with a reason', async (request, reason) => {
    const offer = await offerWith(request)
    expect(cardRailCore({ createToken: '/spt' }).blockedReason!(offer)).toMatch(reason)
  })

  it('pays only with a Stripe payment method id', async () => {
    const rail = cardRailCore({ createToken: '/spt' })
    const offer = await offerWith({ amount: '75', currency: 'usd', decimals: 2, methodDetails: details })
    const signal = new AbortController().signal
    expect(await rail.pay(offer, { paymentMethod: 'pm_1Abc' }, { signal })).toEqual({ paymentMethod: 'pm_1Abc' })
    await expect(rail.pay(offer, { paymentMethod: 'tok_visa' }, { signal })).rejects.toBeInstanceOf(RailError)
    await expect(rail.pay(offer, undefined as never, { signal })).rejects.toBeInstanceOf(RailError)
  })
})

/**
 * A real mppx server with the real `stripe.charge` method and a Stripe client double that
 * declines one payment method, as Stripe does when it confirms the PaymentIntent.
 */
function cardServer() {
  const tokens = new Map<string, string>() // spt -> payment method
  const intents: Array<{ amount: number; currency: string; spt: string; idempotencyKey: string }> = []
  const client = {
    paymentIntents: {
      async create(params: Record<string, unknown>, options: { idempotencyKey: string }) {
        const spt = params.shared_payment_granted_token as string
        intents.push({ amount: params.amount as number, currency: params.currency as string, spt, idempotencyKey: options.idempotencyKey })
        if (tokens.get(spt) === 'pm_card_chargeDeclinedInsufficientFunds') throw new Error('Your card has insufficient funds.')
        return { id: `pi_${intents.length}`, status: 'succeeded', lastResponse: { headers: {} } }
      },
    },
  }
  const mppx = ServerMppx.create({
    realm: 'api.example.test',
    secretKey: 'card-rail-test-secret-0123456789abcdef',
    methods: [serverStripe.charge({ client: client as never, networkId: 'internal', paymentMethodTypes: ['card'] })],
  })
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const result = await mppx.charge({ amount: '0.75', currency: 'usd', decimals: 2, description: 'A photo' })(new Request(input, init))
    if (result.status === 402) return result.challenge
    return result.withReceipt(Response.json({ ok: true }))
  }
  const createToken = async ({ paymentMethod, amount }: { paymentMethod: string; amount: string }) => {
    const spt = `spt_${tokens.size + 1}_${amount}`
    tokens.set(spt, paymentMethod)
    return spt
  }
  return { fetch, intents, createToken }
}

describe('card rail in a checkout', () => {
  it('a declined card says so; another card then pays, with one PaymentIntent each', async () => {
    const server = cardServer()
    const rails = [cardRailCore({ createToken: server.createToken }), lightningRailCore()]
    const mppx = ClientMppx.create({ polyfill: false, acceptPaymentPolicy: 'never', fetch: server.fetch, methods: rails.flatMap((r) => r.methods ?? []) })
    const checkout = createCheckout(await toPaidRequest('https://api.example.test/photo'), {
      rails,
      policy: createPolicy(),
      mppx: mppx as unknown as PaymentPreparer,
      fetch: server.fetch,
      receipts: memoryReceiptStore(),
      timeoutMs: 2000,
    })
    checkout.start()
    const choosing = await untilStatus(checkout, 'choosing')
    expect(choosing.choices.map((c) => [c.rail, formatMoney(c.offer.amount)])).toEqual([['card', '$0.75']])

    checkout.choose(choosing.choices[0]!.offer.id)
    checkout.submit({ paymentMethod: 'pm_card_chargeDeclinedInsufficientFunds' })
    const failed = await untilStatus(checkout, 'failed')
    expect(failed.error?.message).toBe(cardMessages.insufficientFunds)
    expect(failed.problem?.kind).toBe('verification-failed')

    // mppx memoizes a failed credential per prepared payment: the kit prepares afresh per attempt.
    checkout.retry()
    await until(checkout, (s) => s.status === 'authorizing' && s.selected?.rail === 'card')
    checkout.submit({ paymentMethod: 'pm_card_visa' })
    const paid = await untilStatus(checkout, 'paid')
    expect(paid.receipt).toMatchObject({ method: 'stripe', reference: 'pi_2' })
    expect(server.intents.map((i) => [i.amount, i.currency])).toEqual([
      [75, 'usd'],
      [75, 'usd'],
    ])
    expect(new Set(server.intents.map((i) => i.idempotencyKey)).size).toBe(2)
  })

  it('a token endpoint that is down fails before anything is sent, and the card can be tried again', async () => {
    const server = cardServer()
    const rails = [cardRailCore({ createToken: 'https://app.test/spt', fetch: (async () => { throw new TypeError('Failed to fetch') }) as typeof fetch })]
    const mppx = ClientMppx.create({ polyfill: false, acceptPaymentPolicy: 'never', fetch: server.fetch, methods: rails.flatMap((r) => r.methods ?? []) })
    const checkout = createCheckout(await toPaidRequest('https://api.example.test/photo'), {
      rails,
      policy: createPolicy(),
      mppx: mppx as unknown as PaymentPreparer,
      fetch: server.fetch,
      receipts: memoryReceiptStore(),
      timeoutMs: 2000,
    })
    checkout.start()
    const choosing = await untilStatus(checkout, 'choosing')
    checkout.choose(choosing.choices[0]!.offer.id)
    checkout.submit({ paymentMethod: 'pm_card_visa' })
    const back = await until(checkout, (s) => s.status === 'authorizing' && !!s.error)
    expect(back.error?.message).toMatch(/token endpoint is down/)
    expect(back.attempts).toBe(0)
    expect(server.intents).toHaveLength(0)
  })

  it('the credential carries only the token', async () => {
    const server = cardServer()
    const [method] = cardRailCore({ createToken: server.createToken }).methods!
    const mppx = ClientMppx.create({ polyfill: false, acceptPaymentPolicy: 'never', fetch: server.fetch, methods: [method!] })
    const prepared = await mppx.preparePayment(await server.fetch('https://api.example.test/photo'), { request: {} })
    const credential = await prepared.createCredential({ paymentMethod: 'pm_card_visa' })
    expect(Credential.deserialize(credential).payload).toEqual({ spt: 'spt_1_75' })
  })
})

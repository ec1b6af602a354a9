import { Challenge, Receipt } from 'mppx'
import { Mppx, stripe } from 'mppx/client'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startDevnet, type RunningDevnet } from '../src'

let devnet: RunningDevnet
beforeAll(async () => {
  devnet = await startDevnet({ port: 0, evm: false })
})
afterAll(() => devnet?.close())

const getJson = async (path: string) => (await fetch(`${devnet.url}${path}`)).json()
const setConfig = (patch: Record<string, unknown>) =>
  fetch(`${devnet.url}/devnet/config`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(patch) })

/** A browser's card rail, minus Stripe.js: the payment method id is one of Stripe's test ids. */
const client = Mppx.create({
  polyfill: false,
  methods: [
    stripe.charge({
      createToken: async (params) => {
        const res = await fetch(`${devnet.url}/devnet/stripe/spt`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ ...params, client: undefined, challenge: Challenge.serialize(params.challenge) }),
        })
        const body = await res.json()
        if (!res.ok) throw Object.assign(new Error(body.error), { status: res.status, body })
        return body.spt
      },
    }),
  ],
})

async function payPhoto(paymentMethod: string) {
  const url = `${devnet.url}/api/photo`
  const payment = await client.preparePayment(await fetch(url), { request: {}, orderChallenges: (c) => c.filter((x) => x.challenge.method === 'stripe') })
  const credential = await payment.createCredential({ paymentMethod })
  return { response: await client.rawFetch(url, payment.setCredential({}, credential)), credential, setCredential: payment.setCredential }
}

beforeEach(async () => {
  await fetch(`${devnet.url}/devnet/reset`, { method: 'POST' })
  await setConfig({ cardPhotoCents: null, cardOfferBelowMinimum: false, sptEndpoint: 'up' })
})

describe('card payments (offline Stripe double)', () => {
  it('offers stripe/charge on the photo and the summary, in cents', async () => {
    const photo = Challenge.fromResponseList(await fetch(`${devnet.url}/api/photo`)).find((c) => c.method === 'stripe')!
    // mppx's stripe request transform drops `decimals` from the wire: the amount is in Stripe's
    // minor units for the currency (cents), which is how the kit reads it.
    expect(photo.request).toEqual({ amount: '50', currency: 'usd', methodDetails: { networkId: 'devnet-offline', paymentMethodTypes: ['card'] } })
    const summary = await fetch(`${devnet.url}/api/summarize`, { method: 'POST', body: 'some text to summarize' })
    expect(Challenge.fromResponseList(summary).find((c) => c.method === 'stripe')!.request.amount).toBe('75')
    const info = await getJson('/devnet/stripe')
    expect(info).toMatchObject({ mode: 'offline', publishableKey: expect.stringMatching(/^pk_test_/), stripeJs: `${devnet.url}/devnet/stripe.js` })
  })

  it('pays with a test card: one PaymentIntent, one settlement, and a replay is refused', async () => {
    const { response, credential, setCredential } = await payPhoto('pm_card_visa')
    expect(response.status).toBe(200)
    expect(Receipt.fromResponse(response)).toMatchObject({ method: 'stripe', reference: expect.stringMatching(/^pi_devnet/) })
    const replay = await client.rawFetch(`${devnet.url}/api/photo`, setCredential({}, credential))
    expect(replay.status).toBe(402)
    const stats = await getJson('/devnet/stats')
    expect(stats.routes['GET /api/photo']).toMatchObject({ accepted: { stripe: 1 }, settled: { stripe: 1 } })
    const info = await getJson('/devnet/stripe')
    expect(info.paymentIntents.filter((pi: { status: string }) => pi.status === 'succeeded')).toHaveLength(1)
    expect(info.paymentIntents[0]).toMatchObject({ amount: 50, currency: 'usd', route: 'GET /api/photo' })
  })

  it.each([
    ['pm_card_chargeDeclined', 'Your card was declined.'],
    ['pm_card_chargeDeclinedInsufficientFunds', 'Your card has insufficient funds.'],
    ['pm_card_chargeDeclinedExpiredCard', 'Your card has expired.'],
  ])('%s is declined when the PaymentIntent is confirmed, with Stripe’s words', async (pm, words) => {
    const { response } = await payPhoto(pm)
    expect(response.status).toBe(402)
    const problem = await response.json()
    expect(problem.type).toBe('https://paymentauth.org/problems/verification-failed')
    expect(problem.detail).toContain(words)
    expect((await getJson('/devnet/stats')).routes['GET /api/photo'].settled).toEqual({})
  })

  it('hides a card under Stripe’s minimum (mppx), or offers it when told to', async () => {
    await setConfig({ cardPhotoCents: 30 })
    const hidden = Challenge.fromResponseList(await fetch(`${devnet.url}/api/photo`))
    expect(hidden.map((c) => c.method)).not.toContain('stripe')
    await setConfig({ cardOfferBelowMinimum: true })
    const shown = Challenge.fromResponseList(await fetch(`${devnet.url}/api/photo`)).find((c) => c.method === 'stripe')
    expect(shown?.request.amount).toBe('30')
  })

  it('the token endpoint validates, caps to the challenge, and can be switched down or misconfigured', async () => {
    const post = (body: unknown) =>
      fetch(`${devnet.url}/devnet/stripe/spt`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'http://app.test' }, body: JSON.stringify(body) })
    const challenge = Challenge.fromResponseList(await fetch(`${devnet.url}/api/photo`)).find((c) => c.method === 'stripe')!
    const valid = { paymentMethod: 'pm_card_visa', amount: '50', currency: 'usd', networkId: 'devnet-offline', expiresAt: Math.floor(Date.now() / 1000) + 60, challenge: Challenge.serialize(challenge) }
    const ok = await post(valid)
    expect(ok.status).toBe(200)
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://app.test')
    expect((await post({ ...valid, amount: '5000' })).status).toBe(400)
    expect((await post({ ...valid, challenge: undefined })).status).toBe(400)
    await setConfig({ sptEndpoint: 'down' })
    expect((await post(valid)).status).toBe(503)
    await setConfig({ sptEndpoint: 'misconfigured' })
    const misconfigured = await post(valid)
    expect(misconfigured.status).toBe(502)
    expect(await misconfigured.json()).toMatchObject({ code: 'stripe_auth' })
  })

  it('serves the fake Stripe.js, labelled as a double, pointing at the fake API', async () => {
    const res = await fetch(`${devnet.url}/devnet/stripe.js`)
    expect(res.headers.get('content-type')).toContain('javascript')
    const js = await res.text()
    expect(js).toContain('Offline Stripe test double')
    expect(js).toMatch(/const API = "http:\/\/127\.0\.0\.1:\d+"/)
  })
})

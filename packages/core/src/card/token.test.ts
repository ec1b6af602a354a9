import { Challenge } from 'mppx'
import { describe, expect, it, vi } from 'vitest'
import { RailError } from '../rail'
import { cardMessages } from './errors'
import { requestSharedPaymentToken, type SharedPaymentTokenParams } from './token'

const challenge = Challenge.from({
  id: 'ch_card',
  realm: 'api.example.test',
  method: 'stripe',
  intent: 'charge',
  request: { amount: '75', currency: 'usd', methodDetails: { networkId: 'internal', paymentMethodTypes: ['card'] } },
})
const params: SharedPaymentTokenParams = {
  paymentMethod: 'pm_123',
  amount: '75',
  currency: 'usd',
  networkId: 'internal',
  expiresAt: 1_900_000_000,
  metadata: { order: '7' },
  challenge,
}

const answering = (response: Response | (() => never)) =>
  vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => (typeof response === 'function' ? response() : response))

async function failure(fetch: typeof globalThis.fetch): Promise<RailError> {
  const error = await requestSharedPaymentToken('https://app.test/spt', params, { fetch }).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(RailError)
  return error as RailError
}

describe('requestSharedPaymentToken', () => {
  it('posts the fields mppx gives, plus the challenge, and returns the token', async () => {
    const fetch = answering(Response.json({ spt: 'spt_abc123' }))
    expect(await requestSharedPaymentToken('https://app.test/spt', params, { fetch })).toBe('spt_abc123')
    const [url, init] = fetch.mock.calls[0]!
    expect(url).toBe('https://app.test/spt')
    expect(init!.method).toBe('POST')
    const body = JSON.parse(String(init!.body))
    expect(body).toMatchObject({ paymentMethod: 'pm_123', amount: '75', currency: 'usd', networkId: 'internal', expiresAt: 1_900_000_000, metadata: { order: '7' } })
    expect(Challenge.deserialize(body.challenge).id).toBe('ch_card')
  })

  it.each([
    ['no token', Response.json({ token: 'spt_x' })],
    ['a token that is not spt_', Response.json({ spt: 'pm_oops' })],
    ['HTML', new Response('<html>', { headers: { 'content-type': 'text/html' } })],
  ])('refuses an answer with %s as a misconfigured endpoint', async (_name, response) => {
    const error = await failure(answering(response))
    expect(error.code).toBe('unavailable')
    expect(error.message).toMatch(/without a payment token.*misconfigured.*Nothing was charged/)
  })

  it('says the endpoint is down when it cannot be reached', async () => {
    const error = await failure(
      answering(() => {
        throw new TypeError('Failed to fetch')
      }),
    )
    expect(error.message).toMatch(/token endpoint is down or unreachable/)
  })

  it.each([
    [402, { code: 'card_declined', declineCode: 'insufficient_funds' }, cardMessages.insufficientFunds],
    [402, { code: 'card_declined', declineCode: 'expired_card' }, cardMessages.expired],
    [402, { code: 'card_declined', declineCode: 'stolen_card' }, cardMessages.declined],
    [404, {}, /not set up on this site \(its token endpoint answered 404\)/],
    [502, { code: 'stripe_auth', error: 'Invalid API Key sk_test_123' }, /misconfigured \(Stripe refused its key\)/],
    [400, { code: 'amount_too_large', error: 'The token would allow more than the challenge asks for.' }, /refused this price/],
    [400, { code: 'invalid_request', error: 'Bad pm_secret123 thing' }, /refused the request: Bad … thing/],
    [503, {}, /failed \(HTTP 503\)/],
  ])('maps HTTP %i %j to a sentence a person can act on', async (status, body, expected) => {
    const error = await failure(answering(Response.json(body, { status })))
    expect(error.message).toMatch(expected)
    expect(error.message).not.toMatch(/sk_test|pm_secret/)
  })
})

import { Challenge, Credential, Receipt } from 'mppx'
import type { ProblemKind } from '@mppkit/core'
import type { WebLNProvider } from '@mppkit/react/lightning'
import fixtures from '../fixtures/invoices.json'

/**
 * A paid API that runs inside the story, as a `fetch`: no network. Its 402s are real MPP
 * challenges built with mppx's `Challenge.from` / `Challenge.serialize` (mppx/server does not run
 * in a browser), carrying real signed regtest BOLT11 invoices made ahead of time by
 * `fixtures/make-invoices.mjs`. Paid retries are checked with mppx's `Credential.deserialize` /
 * `Challenge.verify`, and answered with a `Payment-Receipt`, or with whatever the story asks for.
 */

export const origin = 'https://api.example.com'
export const photoUrl = `${origin}/photo/lighthouse.jpg`
const secretKey = 'mppkit storybook secret key, not a real one'
const realm = 'api.example.com'

export type FixtureInvoice = (typeof fixtures.invoices)[number]

export function invoiceFor(sats: number): FixtureInvoice {
  const invoice = fixtures.invoices.find((i) => i.sats === sats)
  if (!invoice) throw new Error(`no fixture invoice for ${sats} sats (see stories/fixtures/make-invoices.mjs)`)
  return invoice
}

export type OfferSpec =
  /** MPP `lightning/charge`; `invoiceSats` makes the invoice disagree with the price. */
  | { readonly kind: 'lightning'; readonly sats: number; readonly invoiceSats?: number }
  /** An L402 challenge for the same Lightning rail. */
  | { readonly kind: 'l402'; readonly sats: number }
  /** The stories' custom `credits/charge` method (see rails.tsx). */
  | { readonly kind: 'credits'; readonly amount: string }
  /** A method the story's rails cannot pay (e.g. `stripe`, `tempo`): shown, blocked. */
  | { readonly kind: 'other'; readonly method: string; readonly amount: string; readonly currency: string; readonly decimals?: number }

/** What the server answers to a paid retry. */
export type PaidAnswer =
  | 'ok'
  /** Never answers (until the checkout's own timeout aborts it). */
  | 'hang'
  /** The connection drops after the credential was sent. */
  | 'drop'
  | { readonly problem: ProblemKind; readonly detail?: string }
  | { readonly status: number }

/** What the server answers to the first, unpaid request. */
export type UnpaidAnswer = 'challenge' | 'hang' | 'offline' | 'no-offers' | 'free'

export type ServerOptions = {
  readonly offers?: readonly OfferSpec[]
  readonly description?: string
  /** Offer expiry from now (negative: already expired). */
  readonly expiresInMs?: number
  readonly unpaid?: UnpaidAnswer
  readonly paid?: PaidAnswer
  /** Milliseconds before each answer (to see the in-between states). */
  readonly delayMs?: number
}

export type StoryServer = ReturnType<typeof createStoryServer>

export function createStoryServer(options: ServerOptions = {}) {
  const config = {
    offers: options.offers ?? [{ kind: 'lightning', sats: 100 } as OfferSpec],
    description: options.description ?? 'A photo of a lighthouse, 4000 × 3000',
    expiresInMs: options.expiresInMs ?? 5 * 60_000,
    unpaid: options.unpaid ?? 'challenge',
    paid: options.paid ?? 'ok',
    delayMs: options.delayMs ?? 0,
  }
  const calls: { url: string; method: string; paid: boolean }[] = []

  function challenges(): string[] {
    const expires = new Date(Date.now() + config.expiresInMs).toISOString()
    const description = config.description
    return config.offers.map((spec) => {
      if (spec.kind === 'l402') {
        const inv = invoiceFor(spec.sats)
        return `L402 version="0", token="c3Rvcnlib29rLXRva2VuLTEyMw==", invoice="${inv.invoice}"`
      }
      const challenge =
        spec.kind === 'lightning'
          ? Challenge.from({
              secretKey,
              realm,
              method: 'lightning',
              intent: 'charge',
              request: {
                amount: String(spec.sats),
                currency: 'BTC',
                methodDetails: { invoice: invoiceFor(spec.invoiceSats ?? spec.sats).invoice, paymentHash: invoiceFor(spec.invoiceSats ?? spec.sats).paymentHash, network: 'regtest' },
              },
              expires,
              description,
            })
          : spec.kind === 'credits'
            ? Challenge.from({ secretKey, realm, method: 'credits', intent: 'charge', request: { amount: spec.amount, currency: 'usd', decimals: 2, methodDetails: { issuer: 'Example Team' } }, expires, description })
            : Challenge.from({ secretKey, realm, method: spec.method, intent: 'charge', request: { amount: spec.amount, currency: spec.currency, ...(spec.decimals === undefined ? {} : { decimals: spec.decimals }) }, expires, description })
      return Challenge.serialize(challenge)
    })
  }

  const paymentRequired = (problem?: Record<string, unknown>) => {
    const headers = new Headers({ 'content-type': problem ? 'application/problem+json' : 'application/json' })
    for (const c of challenges()) headers.append('www-authenticate', c)
    return new Response(JSON.stringify(problem ?? { error: 'payment required' }), { status: 402, headers })
  }

  const problem = (kind: ProblemKind, detail?: string) =>
    paymentRequired({ type: `https://paymentauth.org/problems/${kind}`, title: kind.replace(/-/g, ' '), status: 402, ...(detail ? { detail } : {}) })

  const paidOk = (reference: string, method: string) =>
    new Response(JSON.stringify({ photo: 'lighthouse.jpg' }), {
      status: 200,
      headers: {
        'content-type': 'application/json',
        'payment-receipt': Receipt.serialize(Receipt.from({ method, reference, status: 'success', timestamp: '2026-03-14T09:26:53.000Z' })),
      },
    })

  function verify(authorization: string): Response {
    if (authorization.startsWith('L402 ')) {
      const preimage = authorization.split(':')[1]
      const inv = fixtures.invoices.find((i) => i.preimage === preimage)
      return inv ? new Response(JSON.stringify({ photo: 'lighthouse.jpg' }), { status: 200 }) : new Response('bad preimage', { status: 401 })
    }
    let credential: Credential.Credential<{ preimage?: string; pin?: string }>
    try {
      credential = Credential.deserialize(authorization)
    } catch {
      return problem('malformed-credential')
    }
    if (!Challenge.verify(credential.challenge, { secretKey })) return problem('invalid-challenge')
    if (credential.challenge.method === 'credits')
      return credential.payload.pin === '4242' ? paidOk('credits_tx_0042_7f3a9c', 'credits') : problem('verification-failed', 'wrong PIN')
    const hash = (credential.challenge.request as { methodDetails?: { paymentHash?: string } }).methodDetails?.paymentHash
    const inv = fixtures.invoices.find((i) => i.paymentHash === hash)
    if (!inv || inv.preimage !== credential.payload.preimage) return problem('verification-failed', 'preimage does not match')
    return paidOk(inv.paymentHash, 'lightning')
  }

  const wait = (signal: AbortSignal | null | undefined, ms: number) =>
    new Promise<void>((resolve, reject) => {
      if (ms === Infinity) {
        signal?.addEventListener('abort', () => reject(signal.reason))
        return
      }
      const timer = setTimeout(resolve, ms)
      signal?.addEventListener('abort', () => {
        clearTimeout(timer)
        reject(signal.reason)
      })
    })

  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input)
    const authorization = new Headers(init.headers).get('authorization')
    calls.push({ url, method: (init.method ?? 'GET').toUpperCase(), paid: !!authorization })
    if (config.delayMs) await wait(init.signal, config.delayMs)
    if (!authorization) {
      switch (config.unpaid) {
        case 'hang':
          await wait(init.signal, Infinity)
          throw new Error('unreachable')
        case 'offline':
          throw new TypeError('Failed to fetch')
        case 'free':
          return new Response(JSON.stringify({ photo: 'lighthouse.jpg' }), { status: 200 })
        case 'no-offers':
          return new Response('{}', { status: 402, headers: { 'content-type': 'application/json' } })
        default:
          return paymentRequired()
      }
    }
    const answer = config.paid
    if (answer === 'hang') {
      await wait(init.signal, Infinity)
      throw new Error('unreachable')
    }
    if (answer === 'drop') throw new TypeError('Failed to fetch')
    if (typeof answer === 'object' && 'problem' in answer) return problem(answer.problem, answer.detail)
    if (typeof answer === 'object') return new Response('upstream error', { status: answer.status })
    const response = verify(authorization)
    return response
  }

  /** A WebLN wallet that pays the fixture invoices by revealing their preimages. */
  const wallet: WebLNProvider & { payments: string[]; hang?: boolean; refuse?: boolean } = {
    payments: [],
    async enable() {},
    async sendPayment(paymentRequest: string) {
      wallet.payments.push(paymentRequest)
      if (wallet.hang) await new Promise(() => {})
      if (wallet.refuse) throw new Error('User rejected the payment')
      const inv = fixtures.invoices.find((i) => i.invoice === paymentRequest)
      if (!inv) throw new Error('unknown invoice')
      return { preimage: inv.preimage }
    },
  }

  return { fetch: fetch as typeof globalThis.fetch, config, calls, wallet }
}

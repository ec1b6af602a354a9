import { Challenge, Credential, Receipt } from 'mppx'
import type { WebLNProvider } from '../src/lightning/rail'
import { makeInvoice, paymentHashOf, type TestInvoice } from './invoices'

/**
 * A tiny in-process MPP (and L402) server, as a `fetch` function. Every unpaid request gets a real
 * 402 with serialized challenges and a freshly minted, signed regtest invoice; a paid retry is
 * verified with mppx's `Credential.deserialize`, the challenge HMAC and sha256(preimage), and
 * answered 200 with a `Payment-Receipt`. Tests steer the next paid answers through `script`.
 */

export const secretKey = 'mppkit-core-unit-test-secret'
export const realm = 'api.example.test'
export const origin = 'https://api.example.test'

export type OfferKind = 'lightning' | 'l402' | 'lsat' | 'stripe'

/** What to do with the next paid retry instead of verifying it normally. */
export type PaidScript = 'verification-failed' | 'network-error' | 'hang' | 'server-error'

export type RecordedCall = {
  readonly url: string
  readonly method: string
  readonly headers: Headers
  readonly body: Uint8Array
  readonly authorization: string | null
}

export type ServerOptions = {
  offers?: OfferKind[]
  sats?: number
  /** Sats in the invoice when it should disagree with the challenge amount. */
  invoiceSats?: number
  /** Challenge expiry relative to now (ms); negative for an already expired price. */
  expiresInMs?: number
  /** Paths answered 200 without payment. */
  freePaths?: string[]
  description?: string
}

type Issued = { invoice: TestInvoice; token?: string }

export function createTestServer(options: ServerOptions = {}) {
  const calls: RecordedCall[] = []
  const issued = new Map<string, Issued>() // by payment hash
  const settled = new Map<string, string>() // payment hash -> preimage (what the wallet learns)
  const script: PaidScript[] = []
  let invoiceCounter = 0
  let challengeCounter = 0
  const config = {
    offers: options.offers ?? (['lightning'] as OfferKind[]),
    sats: options.sats ?? 100,
    invoiceSats: options.invoiceSats,
    expiresInMs: options.expiresInMs ?? 5 * 60_000,
    description: options.description ?? 'A photo of a lighthouse',
  }

  function mint(): TestInvoice {
    const invoice = makeInvoice({ sats: config.invoiceSats ?? config.sats, seed: `server-${invoiceCounter++}` })
    issued.set(invoice.paymentHash, { invoice })
    return invoice
  }

  function challengesHeader(): string {
    const expires = new Date(Date.now() + config.expiresInMs).toISOString()
    const parts: string[] = []
    for (const kind of config.offers) {
      if (kind === 'lightning') {
        const inv = mint()
        const challenge = Challenge.from({
          secretKey,
          realm,
          method: 'lightning',
          intent: 'charge',
          request: {
            amount: String(config.sats),
            currency: 'BTC',
            methodDetails: { invoice: inv.invoice, paymentHash: inv.paymentHash, network: 'regtest' },
          },
          expires,
          description: config.description,
        })
        parts.push(Challenge.serialize(challenge))
      } else if (kind === 'stripe') {
        const challenge = Challenge.from({
          id: `stripe-${challengeCounter++}`,
          realm,
          method: 'stripe',
          intent: 'charge',
          request: { amount: '75', currency: 'usd', decimals: 2 },
          expires,
        })
        parts.push(Challenge.serialize(challenge))
      } else {
        const inv = mint()
        const token = Buffer.from(`macaroon-for-${inv.paymentHash}`).toString('base64')
        issued.set(inv.paymentHash, { invoice: inv, token })
        parts.push(`${kind === 'lsat' ? 'LSAT' : 'L402'} version="0", token="${token}", invoice="${inv.invoice}"`)
      }
    }
    return parts.join(', ')
  }

  const paymentRequired = (problem?: Record<string, unknown>) =>
    new Response(problem ? JSON.stringify(problem) : JSON.stringify({ error: 'payment required' }), {
      status: 402,
      headers: { 'www-authenticate': challengesHeader(), 'content-type': problem ? 'application/problem+json' : 'application/json' },
    })

  const verificationFailed = (detail: string, challengeId?: string) =>
    paymentRequired({ type: 'https://paymentauth.org/problems/verification-failed', title: 'Verification Failed', status: 402, detail, challengeId })

  function paid(url: string, paymentHash: string, method: string): Response {
    const receipt = Receipt.serialize(Receipt.from({ method, reference: paymentHash, status: 'success', timestamp: '2026-01-02T03:04:05.000Z' }))
    return new Response(JSON.stringify({ content: `paid content for ${new URL(url).pathname}` }), {
      status: 200,
      headers: { 'content-type': 'application/json', 'payment-receipt': receipt },
    })
  }

  function verify(url: string, authorization: string): Response {
    if (authorization.startsWith('Payment ')) {
      let credential: Credential.Credential<{ preimage?: unknown }>
      try {
        credential = Credential.deserialize<{ preimage?: unknown }>(authorization)
      } catch {
        return verificationFailed('malformed credential')
      }
      const challenge = credential.challenge
      if (!Challenge.verify(challenge, { secretKey })) return verificationFailed('challenge was not issued here', challenge.id)
      const details = (challenge.request as { methodDetails?: { paymentHash?: string } }).methodDetails
      const record = details?.paymentHash ? issued.get(details.paymentHash) : undefined
      const preimage = credential.payload.preimage
      if (!record || typeof preimage !== 'string' || paymentHashOf(preimage) !== record.invoice.paymentHash)
        return verificationFailed('preimage does not match', challenge.id)
      return paid(url, record.invoice.paymentHash, 'lightning')
    }
    const l402 = /^(L402|LSAT) ([^:\s]+):([0-9a-f]{64})$/.exec(authorization)
    if (l402) {
      const [, , token, preimage] = l402
      const record = issued.get(paymentHashOf(preimage!))
      if (!record || record.token !== token) return verificationFailed('L402 token or preimage does not match')
      return new Response(JSON.stringify({ content: 'l402 content' }), { status: 200, headers: { 'content-type': 'application/json' } })
    }
    return verificationFailed('unknown authorization scheme')
  }

  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    if (input instanceof Request) throw new Error('the kit must call fetch with (url, init), never a Request')
    const url = String(input)
    const headers = new Headers(init.headers)
    const body = new Uint8Array(await new Response(init.body ?? null).arrayBuffer())
    const authorization = headers.get('authorization')
    calls.push({ url, method: (init.method ?? 'GET').toUpperCase(), headers, body, authorization })
    if (options.freePaths?.includes(new URL(url).pathname))
      return new Response('free content', { status: 200, headers: { 'content-type': 'text/plain' } })
    if (!authorization) return paymentRequired()
    const step = script.shift()
    if (step === 'network-error') throw new TypeError('fetch failed')
    if (step === 'hang')
      return new Promise<Response>((_, reject) => {
        const signal = init.signal
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true })
      })
    if (step === 'server-error') return new Response('boom', { status: 500 })
    if (step === 'verification-failed') return verificationFailed('the payment could not be verified')
    return verify(url, authorization)
  }

  /** A WebLN provider that "pays" invoices this server issued and learns their preimages. */
  const payments: string[] = []
  const wallet: WebLNProvider & { payments: string[]; enabled: number } = {
    payments,
    enabled: 0,
    async enable() {
      wallet.enabled++
    },
    async sendPayment(paymentRequest: string) {
      payments.push(paymentRequest)
      for (const record of issued.values())
        if (record.invoice.invoice === paymentRequest) {
          settled.set(record.invoice.paymentHash, record.invoice.preimage)
          return { preimage: record.invoice.preimage }
        }
      throw new Error('unknown invoice')
    },
  }

  return {
    fetch: fetch as typeof globalThis.fetch,
    calls,
    /** Requests that carried a credential. */
    get paidCalls() {
      return calls.filter((c) => c.authorization !== null)
    },
    script,
    config,
    wallet,
    /** Every invoice this server minted, oldest first. */
    get invoices() {
      return [...issued.values()].map((r) => r.invoice)
    },
    settled,
  }
}

export type TestServer = ReturnType<typeof createTestServer>

/** JSON.stringify that survives bigint (as `"123n"`) — used to look for leaked secrets in state. */
export function stringifyState(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))
}

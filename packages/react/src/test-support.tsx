import { createHash } from 'node:crypto'
import bolt11 from 'bolt11'
import { Challenge, Credential, Receipt } from 'mppx'
import { act, cleanup, render, type RenderResult } from '@testing-library/react'
import { createMppKit, readPaymentRequired, type Choice, type MppKit, type Offer, type PaymentReceipt, type PolicyConfig, type Rail } from '@mppkit/core'
import { afterEach, vi } from 'vitest'
import type { ReactNode } from 'react'
import { MppProvider, type MppProviderProps } from './MppProvider'
import { lightningRail, type WebLNProvider } from './lightning'
import { useMppFetch } from './useMppFetch'

/**
 * Test support: real protocol data, no mocks of the kit. An in-process MPP server (as a `fetch`)
 * answers with mppx-serialized `lightning/charge` challenges carrying real, signed regtest BOLT11
 * invoices, verifies `Authorization: Payment` credentials with mppx, and answers 200 with a
 * `Payment-Receipt`. A WebLN wallet "pays" the invoices it issued by revealing their preimages.
 */

const observers = new Set<MutationObserver>()

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  for (const observer of observers) observer.disconnect()
  observers.clear()
  cleanup()
  delete (globalThis as { webln?: unknown }).webln
})

export const secretKey = 'x'.repeat(32)
export const realm = 'api.example.test'
export const origin = 'https://api.example.test'

const regtest = { bech32: 'bcrt', pubKeyHash: 0x6f, scriptHash: 0xc4, validWitnessVersions: [0] }
const nodeKey = sha256Hex('mppkit react component-test lightning node')

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

export type TestInvoice = { invoice: string; preimage: string; paymentHash: string; sats: number }

let seedCounter = 0

/** A real, signed regtest BOLT11 invoice whose preimage we know. */
export function makeInvoice(sats: number, seed = `invoice-${seedCounter++}`): TestInvoice {
  const preimage = sha256Hex(`preimage:${seed}:${Math.random()}`)
  const paymentHash = sha256Hex(Buffer.from(preimage, 'hex'))
  const unsigned = bolt11.encode({
    network: regtest,
    satoshis: sats,
    timestamp: Math.floor(Date.now() / 1000),
    tags: [
      { tagName: 'payment_hash', data: paymentHash },
      { tagName: 'payment_secret', data: sha256Hex(`secret:${seed}`) },
      { tagName: 'description', data: 'mppkit react test invoice' },
      { tagName: 'expire_time', data: 600 },
    ],
  })
  return { invoice: bolt11.sign(unsigned, nodeKey).paymentRequest!, preimage, paymentHash, sats }
}

export type OfferSpec = {
  /** Price in the challenge (satoshis). */
  sats: number
  /** Sats in the invoice when it should disagree with the price. */
  invoiceSats?: number
}

export type ServerOptions = {
  offers?: OfferSpec[]
  description?: string
  expiresInMs?: number
}

export type RecordedCall = { readonly url: string; readonly method: string; readonly authorization: string | null }

export function createTestServer(options: ServerOptions = {}) {
  // Mutable: a test may change what the next 402 offers.
  const config = {
    offers: options.offers ?? [{ sats: 100 }],
    description: options.description ?? 'A photo of a lighthouse',
    expiresInMs: options.expiresInMs ?? 5 * 60_000,
  }
  const calls: RecordedCall[] = []
  const issued = new Map<string, TestInvoice>() // payment hash -> invoice

  function challenges(): string {
    const expires = new Date(Date.now() + config.expiresInMs).toISOString()
    return config.offers
      .map((spec) => {
        const inv = makeInvoice(spec.invoiceSats ?? spec.sats)
        issued.set(inv.paymentHash, inv)
        const challenge = Challenge.from({
          secretKey,
          realm,
          method: 'lightning',
          intent: 'charge',
          request: {
            amount: String(spec.sats),
            currency: 'BTC',
            methodDetails: { invoice: inv.invoice, paymentHash: inv.paymentHash, network: 'regtest' },
          },
          expires,
          description: config.description,
        })
        return Challenge.serialize(challenge)
      })
      .join(', ')
  }

  const paymentRequired = (problem?: Record<string, unknown>) =>
    new Response(JSON.stringify(problem ?? { error: 'payment required' }), {
      status: 402,
      headers: { 'www-authenticate': challenges(), 'content-type': problem ? 'application/problem+json' : 'application/json' },
    })

  const verificationFailed = (detail: string) =>
    paymentRequired({ type: 'https://paymentauth.org/problems/verification-failed', title: 'Verification Failed', status: 402, detail })

  function verify(url: string, authorization: string): Response {
    let credential: Credential.Credential<{ preimage?: unknown }>
    try {
      credential = Credential.deserialize<{ preimage?: unknown }>(authorization)
    } catch {
      return verificationFailed('malformed credential')
    }
    if (!Challenge.verify(credential.challenge, { secretKey })) return verificationFailed('challenge was not issued here')
    const hash = (credential.challenge.request as { methodDetails?: { paymentHash?: string } }).methodDetails?.paymentHash
    const record = hash ? issued.get(hash) : undefined
    const preimage = credential.payload.preimage
    if (!record || typeof preimage !== 'string' || sha256Hex(Buffer.from(preimage, 'hex')) !== record.paymentHash)
      return verificationFailed('preimage does not match')
    const receipt = Receipt.serialize(Receipt.from({ method: 'lightning', reference: record.paymentHash, status: 'success', timestamp: '2026-01-02T03:04:05.000Z' }))
    return new Response(JSON.stringify({ content: `paid content for ${new URL(url).pathname}` }), {
      status: 200,
      headers: { 'content-type': 'application/json', 'payment-receipt': receipt },
    })
  }

  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input)
    const authorization = new Headers(init.headers).get('authorization')
    calls.push({ url, method: (init.method ?? 'GET').toUpperCase(), authorization })
    if (!authorization) return paymentRequired()
    if (!authorization.startsWith('Payment ')) return verificationFailed('unknown authorization scheme')
    return verify(url, authorization)
  }

  /** An in-test WebLN provider: pays only invoices this server issued, returning the real preimage. */
  const wallet = {
    enabled: 0,
    payments: [] as string[],
    async enable() {
      wallet.enabled++
    },
    async sendPayment(paymentRequest: string) {
      wallet.payments.push(paymentRequest)
      for (const inv of issued.values()) if (inv.invoice === paymentRequest) return { preimage: inv.preimage }
      throw new Error('unknown invoice')
    },
  } satisfies WebLNProvider & Record<string, unknown>

  return {
    fetch: fetch as typeof globalThis.fetch,
    config,
    calls,
    wallet,
    get unpaidCalls() {
      return calls.filter((c) => c.authorization === null)
    },
    get paidCalls() {
      return calls.filter((c) => c.authorization !== null)
    },
    /** Every invoice minted so far, oldest first. */
    get invoices() {
      return [...issued.values()]
    },
    get preimages() {
      return [...issued.values()].map((i) => i.preimage)
    },
  }
}

export type TestServer = ReturnType<typeof createTestServer>

/**
 * Fails the test if any of the given secrets ever shows up in the page: checked on every DOM
 * mutation (attributes, text, added nodes) and on demand.
 */
export function watchForSecrets(secrets: () => readonly string[]) {
  const seen: string[] = []
  const check = () => {
    const html = document.body.innerHTML
    for (const s of secrets()) if (html.includes(s)) seen.push(s)
  }
  const observer = new MutationObserver(check)
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true })
  observers.add(observer)
  return {
    /** Secrets seen so far (checks the page now, too). */
    leaks() {
      check()
      return [...new Set(seen)]
    },
    stop: () => observer.disconnect(),
  }
}

export type RenderOptions = Omit<MppProviderProps, 'rails' | 'fetch' | 'children'> & {
  rails?: MppProviderProps['rails']
  /** The WebLN provider the rail uses; `null` for none. Defaults to the server's wallet. */
  webln?: WebLNProvider | null
}

/** Renders `ui` inside an `<MppProvider>` wired to the test server and the real Lightning rail. */
export function renderWithKit(ui: ReactNode, server: TestServer, options: RenderOptions = {}): RenderResult {
  const { webln, rails, ...rest } = options
  const provider = webln === undefined ? server.wallet : webln ?? undefined
  const railList = rails ?? [lightningRail({ webln: () => provider })]
  // A wrapper, so that `rerender` keeps the same provider (and kit).
  const Wrapper = ({ children }: { children: ReactNode }) => (
    <MppProvider rails={railList} fetch={server.fetch} {...rest}>
      {children}
    </MppProvider>
  )
  return render(ui, { wrapper: Wrapper })
}

export const url = `${origin}/photo`

/**
 * Renders the provider with a component that holds `useMppFetch()`; `fetch` calls it the way an
 * app's click handler would. The returned promise already has a handler, so a rejection the test
 * awaits later is not reported as unhandled.
 */
export function renderFetcher(server: TestServer, options: RenderOptions = {}) {
  let paidFetch!: ReturnType<typeof useMppFetch>
  function App() {
    paidFetch = useMppFetch()
    return null
  }
  const result = renderWithKit(<App />, server, options)
  return {
    ...result,
    fetch(input: RequestInfo | URL = url, init?: RequestInit): Promise<Response> {
      let promise!: Promise<Response>
      act(() => {
        promise = paidFetch(input, init)
      })
      promise.catch(() => {})
      return promise
    },
  }
}

/** The offers of one real 402 from the test server, as the kit reads them. */
export async function serverOffers(server: TestServer): Promise<readonly Offer[]> {
  return (await readPaymentRequired(await server.fetch(url))).offers
}

/** The choices a real headless checkout shows for the server's 402 under a policy. */
export async function headlessChoices(
  server: TestServer,
  policy?: PolicyConfig,
  rails: readonly Rail[] = [lightningRail({ webln: () => server.wallet })],
): Promise<{ kit: MppKit; choices: readonly Choice[] }> {
  const kit = createMppKit({ rails, fetch: server.fetch, policy })
  const checkout = await kit.checkout(url)
  checkout.start()
  await vi.waitFor(() => {
    if (checkout.getState().choices.length === 0) throw new Error('still asking the price')
  })
  return { kit, choices: checkout.getState().choices }
}

/** A receipt from a real headless payment through the kit (for rendering receipts alone). */
export async function payHeadless(server: TestServer): Promise<PaymentReceipt> {
  const kit = createMppKit({ rails: [lightningRail({ webln: () => server.wallet })], fetch: server.fetch })
  const checkout = await kit.checkout(url)
  checkout.start()
  await vi.waitFor(() => {
    if (checkout.getState().status !== 'choosing') throw new Error('still asking the price')
  })
  checkout.choose(checkout.getState().choices[0]!.offer.id)
  checkout.submit({ via: 'webln' })
  await checkout.result
  return checkout.getState().receipt!
}

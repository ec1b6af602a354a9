import { lightningCharge } from '@mppkit/core/lightning'
import { Credential, Method, z } from 'mppx'
import { Mppx } from 'mppx/client'
import { afterAll, beforeAll } from 'vitest'
import { creditsCharge, type RunningDevnet, startDevnet } from '../src'

/** Starts a devnet on a free port for this test file and closes it afterwards. */
export function useDevnet(): { readonly url: string } {
  let devnet: RunningDevnet | undefined
  beforeAll(async () => {
    // No EVM chain here: these files never pay with evm, and a Hardhat node per file costs seconds (test/evm.test.ts has its own).
    devnet = await startDevnet({ port: 0, evm: false })
  })
  afterAll(() => devnet?.close())
  return {
    get url() {
      if (!devnet) throw new Error('devnet not started')
      return devnet.url
    },
  }
}

/** The kit's way to pay: the person (here: the test) supplies what the rail needs as context. */
export const client = Mppx.create({
  polyfill: false,
  methods: [
    Method.toClient(lightningCharge, {
      context: z.object({ preimage: z.string() }),
      async createCredential({ challenge, context }) {
        return Credential.serialize({ challenge, payload: { preimage: context.preimage } })
      },
    }),
    Method.toClient(creditsCharge, {
      context: z.object({ account: z.string(), pin: z.string() }),
      async createCredential({ challenge, context }) {
        return Credential.serialize({ challenge, payload: context })
      },
    }),
  ],
})

/** Picks one rail's offer from a 402, the way a checkout does after the person chose it. */
export function prepare(response: Response, method: 'lightning' | 'credits', request: RequestInit = {}) {
  return client.preparePayment(response, {
    request,
    orderChallenges: (candidates) => candidates.filter((c) => c.challenge.method === method),
  })
}

export const invoiceOf = (challenge: { request: Record<string, unknown> }) =>
  (challenge.request.methodDetails as { invoice: string }).invoice

export async function payInvoice(url: string, invoice: string) {
  const res = await fetch(`${url}/devnet/lightning/pay`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ invoice }),
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

export async function getJson<T = Record<string, any>>(url: string): Promise<T> {
  return (await fetch(url)).json() as Promise<T>
}

import { Challenge } from 'mppx'
import { Mppx } from 'mppx/client'
import { describe, expect, it, vi } from 'vitest'
import type { Offer } from '../offers/offer'
import { walletRailCore } from './rail'

// No Tempo node runs here: these tests check the wiring only — that a tempo offer reaches mppx's
// real tempo.charge in push mode with the wallet's client and account, loaded on demand.
const charge = vi.hoisted(() => ({ calls: [] as unknown[], createCredential: vi.fn(async () => 'Payment tempo-credential') }))
vi.mock('mppx/client', async (importOriginal) => {
  const original = await importOriginal<typeof import('mppx/client')>()
  const tempo = Object.assign((...args: unknown[]) => original.tempo(...(args as [])), original.tempo, {
    charge: (parameters: unknown) => {
      charge.calls.push(parameters)
      return { createCredential: charge.createCredential }
    },
  })
  return { ...original, tempo }
})

const account = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const challenge = Challenge.from({
  id: 'tempo-challenge-1',
  realm: 'shop.example',
  method: 'tempo',
  intent: 'charge',
  request: { amount: '1000000', currency: '0x20c0000000000000000000000000000000000001', decimals: 6, recipient: '0xa0Ee7A142d267C1f36714E4a8F75612F20a79720', methodDetails: { chainId: 4217 } },
})
const offer = {
  id: challenge.id,
  protocol: 'mpp',
  method: 'tempo',
  intent: 'charge',
  amount: { value: 1_000_000n, decimals: 6, currency: '0x20c0000000000000000000000000000000000001' },
  recipient: '0xa0Ee7A142d267C1f36714E4a8F75612F20a79720',
  request: challenge.request,
  source: { protocol: 'mpp', challenge, header: Challenge.serialize(challenge) },
} as unknown as Offer

describe('tempo/charge wiring', () => {
  const rail = walletRailCore()
  const getClient = vi.fn()

  it('accepts tempo offers and refuses a wallet on another chain', async () => {
    expect(rail.accepts(offer)).toBe(true)
    const signer = { address: account, chainId: 1, signTypedData: vi.fn() } as const
    await expect(rail.pay(offer, { signer, getClient }, { signal: AbortSignal.timeout(1000) })).rejects.toThrow(/chain 4217/)
  })

  it('hands mppx tempo.charge push mode, the wallet client and the account', async () => {
    const signer = { address: account, chainId: 4217, signTypedData: vi.fn() } as const
    const proof = await rail.pay(offer, { signer, getClient }, { signal: AbortSignal.timeout(1000) })
    const mppx = Mppx.create({ polyfill: false, acceptPaymentPolicy: 'never', methods: rail.methods! })
    const only = new Response(null, { status: 402, headers: { 'www-authenticate': Challenge.serialize(challenge) } })
    const prepared = await mppx.preparePayment(only, { request: {} })
    expect(await prepared.createCredential(proof as never)).toBe('Payment tempo-credential')
    expect(charge.calls).toEqual([{ getClient, mode: 'push', account }])
    expect(charge.createCredential).toHaveBeenCalledWith({ challenge: expect.objectContaining({ id: 'tempo-challenge-1' }), context: { account } })
    expect(signer.signTypedData).not.toHaveBeenCalled()
  })

  it('needs the wallet client: without it nothing is sent', async () => {
    const signer = { address: account, chainId: 4217, signTypedData: vi.fn() } as const
    await expect(rail.pay(offer, { signer }, { signal: AbortSignal.timeout(1000) })).rejects.toThrow(/cannot send Tempo payments/)
  })
})

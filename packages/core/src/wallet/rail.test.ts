import { Mppx } from 'mppx/client'
import { Mppx as ServerMppx, evm } from 'mppx/server'
import { privateKeyToAccount } from 'viem/accounts'
import { describe, expect, it } from 'vitest'
import { readPaymentRequired } from '../offers/detect'
import { RailError } from '../rail'
import { walletRailCore, type WalletSigner } from './rail'

// A throwaway key (not a funded account anywhere): signatures are only checked locally.
const payer = privateKeyToAccount('0x1111111111111111111111111111111111111111111111111111111111111111')
const token = '0x5FbDB2315678afecb367f032d93F642f64180aa3'
const recipient = '0xa0Ee7A142d267C1f36714E4a8F75612F20a79720'

const server = ServerMppx.create({
  realm: 'test.local',
  secretKey: 'wallet-rail-test-secret-key-0123456789abcdef',
  methods: [evm.charge({ chainId: 31337, currency: token, decimals: 6, recipient, authorization: { name: 'Test USD', version: '1' }, settle: async () => ({ reference: '0xabc' }) })],
})

async function offers() {
  const response = await server['evm/charge']({ amount: '0.05', description: 'a photo' })(new Request('http://127.0.0.1/photo'))
  if (response.status !== 402) throw new Error('expected 402')
  return { response: response.challenge, read: await readPaymentRequired(response.challenge) }
}

function signer(overrides: Partial<WalletSigner> = {}): WalletSigner & { calls: number } {
  const s: WalletSigner & { calls: number } = {
    address: payer.address,
    chainId: 31337,
    calls: 0,
    signTypedData: async (td): Promise<`0x${string}`> => (s.calls++, payer.signTypedData(td as never)),
    ...overrides,
  }
  return s
}

describe('walletRailCore', () => {
  const rail = walletRailCore()
  const mppx = Mppx.create({ polyfill: false, acceptPaymentPolicy: 'never', methods: rail.methods! })
  const authorization = { name: 'Test USD', version: '1' }

  async function credentialFor(s: WalletSigner) {
    const { response, read } = await offers()
    const offer = read.offers.find((o) => o.method === 'evm')!
    const proof = await rail.pay(offer, { signer: s, authorization }, { signal: AbortSignal.timeout(1000) })
    const prepared = await mppx.preparePayment(response, { request: {} })
    return { offer, credential: await prepared.createCredential(proof as never), prepared }
  }

  it('signs an authorization the server verifies', async () => {
    const s = signer()
    const { credential, prepared } = await credentialFor(s)
    expect(s.calls).toBe(1)
    const init = prepared.setCredential({}, credential)
    const paid = await server['evm/charge']({ amount: '0.05', description: 'a photo' })(new Request('http://127.0.0.1/photo', init))
    expect(paid.status).toBe(200)
  })

  it('refuses a wallet on another chain before it is asked to sign', async () => {
    const s = signer({ chainId: 1 })
    const { read } = await offers()
    const offer = read.offers.find((o) => o.method === 'evm')!
    await expect(rail.pay(offer, { signer: s, authorization }, { signal: AbortSignal.timeout(1000) })).rejects.toThrow(/Switch your wallet to chain 31337/)
    expect(s.calls).toBe(0)
  })

  it('turns a rejected signature into a RailError that carries no wallet text', async () => {
    const s = signer({ signTypedData: async () => Promise.reject(Object.assign(new Error('User rejected 0xdeadbeef'), { code: 4001 })) })
    const error = await credentialFor(s).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RailError)
    expect((error as RailError).code).toBe('rejected')
    expect((error as Error).message).not.toContain('deadbeef')
  })

  it('does not sign typed data that differs from the offer', async () => {
    const { read } = await offers()
    const offer = read.offers.find((o) => o.method === 'evm')!
    const s = signer()
    const proof = (await rail.pay({ ...offer, amount: { ...offer.amount, value: 1n } }, { signer: s, authorization }, { signal: AbortSignal.timeout(1000) })) as { account: { signTypedData(td: unknown): Promise<string> } }
    const { response } = await offers()
    const prepared = await mppx.preparePayment(response, { request: {} })
    await expect(prepared.createCredential(proof as never)).rejects.toThrow(/does not match the offer/)
    expect(s.calls).toBe(0)
  })
})

import { walletEvmCharge } from '@mppkit/core/wallet'
import { Receipt } from 'mppx'
import { Mppx } from 'mppx/client'
import { createWalletClient, http, type Address } from 'viem'
import { hardhat } from 'viem/chains'
import { toAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDevnet, type RunningDevnet } from '../src'

// Real settlement on devnet's Hardhat chain: the payer signs through the node's unlocked test
// account (as the browser test wallet does) and the server submits transferWithAuthorization.
let devnet: RunningDevnet
beforeAll(async () => {
  devnet = await startDevnet({ port: 0 })
}, 30_000)
afterAll(() => devnet?.close())

type Info = { token: { address: Address; decimals: number }; accounts: { payer: Address; recipient: Address } }
const info = async (): Promise<Info> => (await fetch(`${devnet.url}/devnet/evm`)).json()
const balance = async (address: string) => BigInt((await (await fetch(`${devnet.url}/devnet/evm/balance/${address}`)).json()).balance)
const settled = async (route: string) => ((await (await fetch(`${devnet.url}/devnet/stats`)).json()).routes[route]?.settled ?? {}) as Record<string, number>

function payerAccount(address: Address) {
  const wallet = createWalletClient({ chain: hardhat, transport: http(devnet.evmRpcUrl) })
  return toAccount({
    address,
    signMessage: () => Promise.reject(new Error('not used')),
    signTransaction: () => Promise.reject(new Error('not used')),
    signTypedData: (typedData) => wallet.signTypedData({ ...(typedData as object), account: address } as never),
  })
}

describe('evm/charge on the devnet chain', () => {
  it('offers evm once per 402 next to x402, settles on chain and refuses a replay', async () => {
    const { accounts } = await info()
    const first = await fetch(`${devnet.url}/api/photo`)
    expect(first.status).toBe(402)
    expect(first.headers.get('www-authenticate')).toContain('method="evm"')
    expect(first.headers.get('payment-required')).toBeTruthy()

    const mppx = Mppx.create({ polyfill: false, acceptPaymentPolicy: 'never', methods: [walletEvmCharge] })
    const prepared = await mppx.preparePayment(first, { request: {}, orderChallenges: (c) => c.filter((x) => !x.challenge.id.startsWith('x402:')) })
    const credential = await prepared.createCredential({ account: payerAccount(accounts.payer), authorization: { name: 'Test USD', version: '1' } })
    const before = { payer: await balance(accounts.payer), recipient: await balance(accounts.recipient) }

    const paid = await fetch(`${devnet.url}/api/photo`, prepared.setCredential({}, credential))
    expect(paid.status).toBe(200)
    expect(Receipt.fromResponse(paid).reference).toMatch(/^0x[0-9a-f]{64}$/)
    expect(before.payer - (await balance(accounts.payer))).toBe(50_000n)
    expect((await balance(accounts.recipient)) - before.recipient).toBe(50_000n)
    expect(await settled('GET /api/photo')).toEqual({ evm: 1 })

    const replay = await fetch(`${devnet.url}/api/photo`, prepared.setCredential({}, credential))
    expect(replay.status).toBe(402)
    expect(await balance(accounts.recipient)).toBe(before.recipient + 50_000n)
  }, 30_000)

  it('GET /x402/quote offers x402 only and is paid with PAYMENT-SIGNATURE', async () => {
    const { accounts } = await info()
    const first = await fetch(`${devnet.url}/x402/quote`)
    expect(first.status).toBe(402)
    expect(first.headers.get('www-authenticate')).toBeNull()
    const mppx = Mppx.create({ polyfill: false, acceptPaymentPolicy: 'never', methods: [walletEvmCharge] })
    const prepared = await mppx.preparePayment(first, { request: {} })
    const init = prepared.setCredential({}, await prepared.createCredential({ account: payerAccount(accounts.payer) }))
    expect(new Headers(init.headers).has('payment-signature')).toBe(true)
    const before = await balance(accounts.payer)
    const paid = await fetch(`${devnet.url}/x402/quote`, init)
    expect(paid.status).toBe(200)
    expect(paid.headers.get('payment-response')).toBeTruthy()
    expect(before - (await balance(accounts.payer))).toBe(20_000n)
    expect(await settled('GET /x402/quote')).toEqual({ evm: 1 })
  }, 30_000)
})

import { x402FromHeader, type Offer } from '@mppkit/core'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { encodeFunctionResult, parseAbi, toFunctionSelector } from 'viem'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { defaultMessages } from '../messages'
import WalletPanel from './WalletPanel'

const token = '0x5FbDB2315678afecb367f032d93F642f64180aa3'
const recipient = '0xa0Ee7A142d267C1f36714E4a8F75612F20a79720'
const account = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const abi = parseAbi([
  'function balanceOf(address) view returns (uint256)',
  'function decimals() view returns (uint8)',
  'function symbol() view returns (string)',
  'function name() view returns (string)',
  'function version() view returns (string)',
])

/** A minimal EIP-1193 wallet on chain 31337 holding `balance` base units of the token. */
function installWallet(balance: bigint) {
  const results: Record<string, `0x${string}`> = {
    [toFunctionSelector(abi[0])]: encodeFunctionResult({ abi, functionName: 'balanceOf', result: balance }),
    [toFunctionSelector(abi[1])]: encodeFunctionResult({ abi, functionName: 'decimals', result: 6 }),
    [toFunctionSelector(abi[2])]: encodeFunctionResult({ abi, functionName: 'symbol', result: 'TUSD' }),
    [toFunctionSelector(abi[3])]: encodeFunctionResult({ abi, functionName: 'name', result: 'Test USD' }),
    [toFunctionSelector(abi[4])]: encodeFunctionResult({ abi, functionName: 'version', result: '1' }),
  }
  const signTypedData = vi.fn()
  const provider = {
    request: vi.fn(async ({ method, params }: { method: string; params?: unknown[] }) => {
      if (method === 'eth_requestAccounts' || method === 'eth_accounts') return [account]
      if (method === 'eth_chainId') return '0x7a69'
      if (method === 'eth_call') return results[String((params?.[0] as { data: string }).data).slice(0, 10)] ?? '0x'
      if (method === 'eth_signTypedData_v4') return signTypedData(params)
      if (method === 'wallet_requestPermissions' || method === 'wallet_getPermissions') return [{ parentCapability: 'eth_accounts' }]
      throw Object.assign(new Error(`unsupported ${method}`), { code: 4200 })
    }),
    on: () => {},
    removeListener: () => {},
  }
  ;(globalThis as { ethereum?: unknown }).ethereum = provider
  return { provider, signTypedData }
}

const b64 = (value: unknown) => btoa(JSON.stringify(value))
const x402Offer = x402FromHeader(
  b64({ x402Version: 2, resource: { url: 'https://api.example/q' }, accepts: [{ scheme: 'exact', network: 'eip155:31337', amount: '50000', asset: token, payTo: recipient, maxTimeoutSeconds: 60, extra: { name: 'Test USD', version: '1' } }] }),
)[0] as Offer

function renderPanel(submit = vi.fn()) {
  render(<WalletPanel offer={x402Offer} status="authorizing" busy={false} submit={submit} messages={defaultMessages} />)
  return submit
}

afterEach(() => {
  cleanup()
  delete (globalThis as { ethereum?: unknown }).ethereum
})

describe('WalletPanel', () => {
  test('shows recipient and network before connecting; after connecting reads decimals from the token', async () => {
    installWallet(100_000_000n)
    const submit = renderPanel()
    expect(screen.getByText('0xa0Ee…9720')).toBeTruthy()
    expect(screen.getByTestId('wallet-amount').textContent).toBe('50,000 base units (0x5FbD…0aa3)')
    fireEvent.click(await screen.findByRole('button', { name: /Connect/ }))
    await waitFor(() => expect(screen.getByTestId('wallet-amount').textContent).toBe('0.05 TUSD'))
    expect(screen.getByTestId('wallet-balance').textContent).toBe('100 TUSD')
    const pay = screen.getByRole('button', { name: 'Sign and pay 0.05 TUSD' }) as HTMLButtonElement
    expect(pay.disabled).toBe(false)
    fireEvent.click(pay)
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1))
    expect(submit.mock.calls[0]![0].signer).toMatchObject({ address: account, chainId: 31337 })
  })

  test('an account that cannot afford it gets a disabled button and the reason; nothing is submitted', async () => {
    const { signTypedData } = installWallet(10_000n)
    const submit = renderPanel()
    fireEvent.click(await screen.findByRole('button', { name: /Connect/ }))
    await waitFor(() => expect(screen.getByTestId('wallet-blocked').textContent).toBe('This account holds 0.01 TUSD; the payment needs 0.05 TUSD.'))
    const pay = screen.getByRole('button', { name: 'Sign and pay 0.05 TUSD' }) as HTMLButtonElement
    expect(pay.disabled).toBe(true)
    fireEvent.click(pay)
    expect(submit).not.toHaveBeenCalled()
    expect(signTypedData).not.toHaveBeenCalled()
  })
})

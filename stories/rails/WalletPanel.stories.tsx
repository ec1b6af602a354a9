import { createMppKit, x402FromHeader, type Offer } from '@mppkit/core'
import { useMppContext } from '@mppkit/react'
import { walletRail, WalletPanel } from '@mppkit/react/wallet'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { Suspense, useMemo } from 'react'
import { expect, fn, waitFor } from 'storybook/test'
import { defineChain, encodeFunctionResult, parseAbi, toFunctionSelector } from 'viem'
import { createConfig, custom, injected } from 'wagmi'
import { Kit, Part } from '../support/env'
import { dark, mobile } from '../support/story'

// The wallet rail's panel on its own, with a FAKE in-story wallet (an EIP-1193 object that answers
// from fixed numbers and never signs): each story gets its own wagmi config, so states do not leak.
// Real signing and settlement on a chain are in the e2e wallet spec against devnet's Hardhat node.

type Variant = 'ready' | 'cannot-afford' | 'wrong-chain'
type PanelArgs = { variant: Variant; protocol: 'mpp' | 'x402'; submit: (input: unknown) => void }

const submit = fn()
const rails = [walletRail()]
const kit = createMppKit({ rails })
const token = '0x5FbDB2315678afecb367f032d93F642f64180aa3'
const recipient = '0xa0Ee7A142d267C1f36714E4a8F75612F20a79720'
const account = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const devnetChain = defineChain({ id: 31337, name: 'Local devnet (Hardhat)', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [] } } })
const abi = parseAbi([
  'function balanceOf(address) view returns (uint256)',
  'function decimals() view returns (uint8)',
  'function symbol() view returns (string)',
  'function name() view returns (string)',
  'function version() view returns (string)',
])

function fakeWallet(balance: bigint, chainId: number) {
  const results: Record<string, string> = {
    [toFunctionSelector(abi[0])]: encodeFunctionResult({ abi, functionName: 'balanceOf', result: balance }),
    [toFunctionSelector(abi[1])]: encodeFunctionResult({ abi, functionName: 'decimals', result: 6 }),
    [toFunctionSelector(abi[2])]: encodeFunctionResult({ abi, functionName: 'symbol', result: 'TUSD' }),
    [toFunctionSelector(abi[3])]: encodeFunctionResult({ abi, functionName: 'name', result: 'Test USD' }),
    [toFunctionSelector(abi[4])]: encodeFunctionResult({ abi, functionName: 'version', result: '1' }),
  }
  let chain = chainId
  let connected = false
  const listeners: Record<string, Array<(value: unknown) => void>> = {}
  const provider = {
    async request({ method, params }: { method: string; params?: unknown[] }) {
      if (method === 'eth_requestAccounts') return (connected = true), [account]
      if (method === 'eth_accounts') return connected ? [account] : []
      if (method === 'eth_chainId') return `0x${chain.toString(16)}`
      if (method === 'wallet_switchEthereumChain') {
        chain = Number((params?.[0] as { chainId: string }).chainId)
        for (const listener of listeners.chainChanged ?? []) listener(`0x${chain.toString(16)}`)
        return null
      }
      if (method === 'eth_call') return results[String((params?.[0] as { data: string }).data).slice(0, 10)] ?? '0x'
      if (method === 'wallet_requestPermissions' || method === 'wallet_getPermissions') return [{ parentCapability: 'eth_accounts' }]
      throw Object.assign(new Error(`The story wallet does not do ${method}`), { code: 4200 })
    },
    on: (event: string, listener: (value: unknown) => void) => void (listeners[event] ??= []).push(listener),
    removeListener: () => {},
  }
  return createConfig({
    chains: [devnetChain],
    connectors: [injected({ target: { id: 'storyWallet', name: 'Story wallet (fake)', provider: provider as never } })],
    transports: { [devnetChain.id]: custom(provider) },
    multiInjectedProviderDiscovery: false,
    storage: null,
  })
}

const b64 = (value: unknown) => btoa(JSON.stringify(value))
function offerFor(protocol: 'mpp' | 'x402'): Offer {
  const [offer] = x402FromHeader(
    b64({ x402Version: 2, resource: { url: 'https://api.example.test/photo' }, accepts: [{ scheme: 'exact', network: 'eip155:31337', amount: '50000', asset: token, payTo: recipient, maxTimeoutSeconds: 300, extra: { name: 'Test USD', version: '1' } }] }),
  ) as [Offer]
  // The MPP evm offer states its decimals; the x402 one does not (the panel reads them from the token).
  return protocol === 'x402' ? offer : { ...offer, protocol: 'mpp', amount: { ...offer.amount, decimals: 6, symbol: undefined }, request: { ...offer.request, decimalsKnown: true } }
}

function Panel({ variant, protocol }: { variant: Variant; protocol: 'mpp' | 'x402' }) {
  const { messages, locale } = useMppContext()
  const config = useMemo(() => fakeWallet(variant === 'cannot-afford' ? 10_000n : 100_000_000n, variant === 'wrong-chain' ? 1 : 31337), [variant])
  const offer = useMemo(() => offerFor(protocol), [protocol])
  return (
    <Suspense fallback={<p>{messages.loading}</p>}>
      <WalletPanel offer={offer} status="authorizing" busy={false} submit={submit} messages={messages} locale={locale} config={config} />
    </Suspense>
  )
}

const meta = {
  title: 'Rails/WalletPanel',
  component: WalletPanel as never,
  tags: ['autodocs'],
  args: { variant: 'ready', protocol: 'mpp', submit },
  argTypes: {
    variant: { control: 'select', options: ['ready', 'cannot-afford', 'wrong-chain'], description: 'Story control only: what the fake wallet holds and which chain it is on.' },
    protocol: { control: 'select', options: ['mpp', 'x402'], description: 'Story control only: an MPP evm offer (decimals stated) or an x402 one (decimals read from the token).' },
    submit: { description: 'Called with `{ signer, authorization }` once the person presses “Sign and pay”.', table: { type: { summary: '(input: WalletInput) => void' } } },
  },
  render: (args) => (
    <Kit kit={kit} rails={rails}>
      <Part width={400}>
        <Panel variant={args.variant} protocol={args.protocol} />
      </Part>
    </Kit>
  ),
  parameters: {
    docs: {
      description: {
        component: `Pays an MPP \`evm/charge\` or x402 \`exact\` offer with an EIP-3009 authorization signed in a browser wallet (wagmi). Shows amount, token, recipient, network, account and balance before anything is signed; disables paying with the reason when the account cannot afford it; asks to switch a wallet on another chain. The wallet in these stories is a fake that never signs.

\`\`\`tsx
import { walletRail } from '@mppkit/react/wallet'
<MppProvider rails={[walletRail()]}>…</MppProvider>
\`\`\``,
      },
    },
  },
} satisfies Meta<PanelArgs>
export default meta
type Story = StoryObj<PanelArgs>

export const NotConnected: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Connect Story wallet (fake)' })).toBeEnabled()
    await expect(canvas.getByText('0xa0Ee…9720')).toBeVisible()
  },
}

export const Ready: Story = {
  play: async ({ canvas, userEvent }) => {
    submit.mockClear()
    await userEvent.click(await canvas.findByRole('button', { name: 'Connect Story wallet (fake)' }))
    const pay = await canvas.findByRole('button', { name: 'Sign and pay 0.05 TUSD' })
    await waitFor(() => expect(pay).toBeEnabled())
    await expect(canvas.getByTestId('wallet-balance')).toHaveTextContent('100 TUSD')
  },
}

export const CannotAfford: Story = {
  args: { variant: 'cannot-afford' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Connect Story wallet (fake)' }))
    await expect(await canvas.findByText('This account holds 0.01 TUSD; the payment needs 0.05 TUSD.')).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Sign and pay 0.05 TUSD' })).toBeDisabled()
  },
}

export const WrongChain: Story = {
  args: { variant: 'wrong-chain' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Connect Story wallet (fake)' }))
    await expect(await canvas.findByRole('button', { name: 'Switch to Local devnet (Hardhat)' })).toBeEnabled()
  },
}

export const X402: Story = {
  args: { protocol: 'x402' },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByTestId('wallet-amount')).toHaveTextContent('50,000 base units')
    await userEvent.click(await canvas.findByRole('button', { name: 'Connect Story wallet (fake)' }))
    await waitFor(() => expect(canvas.getByTestId('wallet-amount')).toHaveTextContent('0.05 TUSD'))
  },
}

export const DarkReady: Story = { ...Ready, ...dark }
export const Mobile: Story = { ...Ready, ...mobile }

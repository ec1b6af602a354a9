import { expect, test, type Page } from '@playwright/test'
import { devnet, openExample, photoCard, routeStats, shot } from '../support/devnet'

// The wallet rail against devnet's real Hardhat chain: wagmi's injected connector talks to the
// devnet test wallet (EIP-1193/6963 over the chain's unlocked accounts), the server settles with
// transferWithAuthorization, and TestUSD balances are read from the chain before and after.

type EvmInfo = { chainId: number; token: { address: string }; accounts: { payer: string; poorPayer: string; recipient: string } }
type WalletHooks = { rejectNext: boolean; signatures: number; use(name: 'payer' | 'poor'): void; setChain(id: number): void }

const evm = {
  info: async (): Promise<EvmInfo> => (await fetch(`${devnet.url}/devnet/evm`)).json(),
  balance: async (address: string): Promise<bigint> => BigInt((await (await fetch(`${devnet.url}/devnet/evm/balance/${address}`)).json()).balance),
}

async function balances(info: EvmInfo) {
  return { payer: await evm.balance(info.accounts.payer), recipient: await evm.balance(info.accounts.recipient) }
}

/** Runs once the devnet wallet script has loaded (it is injected after the devnet check). */
async function wallet<T>(page: Page, fn: (hooks: WalletHooks) => T): Promise<T> {
  await page.waitForFunction(() => 'ethereum' in window && '__devnetEvmWallet' in window)
  return page.evaluate(`(${fn.toString()})(window.__devnetEvmWallet)`) as Promise<T>
}

async function openWalletPanel(page: Page) {
  const card = photoCard(page)
  await card.getByRole('button', { name: /^Unlock for/ }).click()
  await card.getByRole('button', { name: /Wallet/ }).click()
  return card
}

test.beforeEach(async () => {
  await devnet.reset()
  await devnet.config({ challengeTtlSeconds: 300 })
})

test('connect and pay MPP evm: one signature, one on-chain transfer of exactly the price', async ({ page }) => {
  const info = await evm.info()
  const before = await balances(info)
  await openExample(page)
  await expect(page.getByText('devnet test wallet (EVM)')).toBeVisible()
  const card = await openWalletPanel(page)
  await card.getByRole('button', { name: 'Connect devnet test wallet' }).click()
  await expect(card.getByTestId('wallet-account')).toContainText('0x7099')
  await expect(card.getByTestId('wallet-balance')).toContainText('TUSD')
  await expect(card.getByTestId('wallet-amount')).toHaveText('0.05 TUSD')
  await shot(page, 'wallet-01-panel-light')
  await page.getByLabel('Theme').selectOption('dark')
  await shot(page, 'wallet-02-panel-dark')
  await page.getByLabel('Theme').selectOption('light')
  await card.getByRole('button', { name: 'Sign and pay 0.05 TUSD' }).dblclick()
  await expect(card.getByTestId('paid-photo')).toBeVisible()
  await shot(page, 'wallet-03-paid')
  expect(await wallet(page, (w) => w.signatures)).toBe(1)
  const after = await balances(info)
  expect(before.payer - after.payer).toBe(50_000n)
  expect(after.recipient - before.recipient).toBe(50_000n)
  const stats = await routeStats('GET /api/photo')
  expect(stats.accepted).toEqual({ evm: 1 })
  expect(stats.settled).toEqual({ evm: 1 })
})

test('x402-only route: the quote is paid with a PAYMENT-SIGNATURE and settles on chain', async ({ page }) => {
  const info = await evm.info()
  const before = await balances(info)
  await openExample(page)
  const card = page.locator('section', { has: page.getByRole('heading', { name: 'Market quote' }) })
  await card.getByRole('button', { name: 'Get a quote' }).click()
  const sheet = page.getByRole('dialog', { name: 'Payment required' })
  // x402 carries no decimals: until the wallet reads them, the list says "base units".
  await sheet.getByRole('button', { name: /^Wallet 20,000 base units \(0x/ }).click()
  await sheet.getByRole('button', { name: 'Connect devnet test wallet' }).click()
  // x402 carries no decimals: the panel reads them from the token, never guesses.
  await expect(sheet.getByTestId('wallet-amount')).toHaveText('0.02 TUSD')
  await expect(sheet.getByText('Decimals and symbol read from the token contract.')).toBeVisible()
  await shot(page, 'wallet-04-x402')
  const sent: string[] = []
  page.on('request', (request) => {
    const credential = request.headers()['payment-signature']
    if (credential) sent.push(credential)
  })
  await sheet.getByRole('button', { name: 'Sign and pay 0.02 TUSD' }).click()
  await expect(page.getByTestId('quote')).toContainText('TUSD/USD')
  // The credential went out in PAYMENT-SIGNATURE once, and is neither in the page nor in its URL.
  expect(sent).toHaveLength(1)
  const signature = JSON.parse(Buffer.from(sent[0]!, 'base64').toString()).payload.signature as string
  expect(signature).toMatch(/^0x[0-9a-f]{130}$/)
  expect(await page.content()).not.toContain(signature.slice(2, 40))
  expect(page.url()).not.toContain(signature.slice(2, 40))
  const after = await balances(info)
  expect(before.payer - after.payer).toBe(20_000n)
  expect(after.recipient - before.recipient).toBe(20_000n)
  expect((await routeStats('GET /x402/quote')).settled).toEqual({ evm: 1 })
})

test('an account that cannot afford it sees the pay button disabled with the reason; nothing is signed', async ({ page }) => {
  await openExample(page)
  await wallet(page, (w) => w.use('poor'))
  const card = await openWalletPanel(page)
  await card.getByRole('button', { name: 'Connect devnet test wallet' }).click()
  await expect(card.getByTestId('wallet-account')).toContainText('0x3C44')
  await expect(card.getByRole('button', { name: 'Sign and pay 0.05 TUSD' })).toBeDisabled()
  await expect(card.getByTestId('wallet-blocked')).toHaveText('This account holds 0.01 TUSD; the payment needs 0.05 TUSD.')
  await shot(page, 'wallet-05-cannot-afford')
  expect(await wallet(page, (w) => w.signatures)).toBe(0)
  expect((await routeStats('GET /api/photo')).accepted).toEqual({})
})

test('a rejected signature returns to the panel with a clear message; paying again moves money once', async ({ page }) => {
  const info = await evm.info()
  const before = await balances(info)
  await openExample(page)
  const card = await openWalletPanel(page)
  await card.getByRole('button', { name: 'Connect devnet test wallet' }).click()
  await wallet(page, (w) => void (w.rejectNext = true))
  await card.getByRole('button', { name: 'Sign and pay 0.05 TUSD' }).click()
  await expect(card.getByRole('alert')).toContainText('You declined the signature in your wallet. Nothing was paid.')
  await shot(page, 'wallet-06-rejected')
  expect(await evm.balance(info.accounts.payer)).toBe(before.payer)
  await card.getByRole('button', { name: 'Sign and pay 0.05 TUSD' }).click()
  await expect(card.getByTestId('paid-photo')).toBeVisible()
  expect(before.payer - (await evm.balance(info.accounts.payer))).toBe(50_000n)
  expect((await routeStats('GET /api/photo')).settled).toEqual({ evm: 1 })
})

test('a wallet on the wrong chain is asked to switch before anything is signed', async ({ page }) => {
  await openExample(page)
  await wallet(page, (w) => w.setChain(1))
  const card = await openWalletPanel(page)
  await card.getByRole('button', { name: 'Connect devnet test wallet' }).click()
  await expect(card.getByText(/Your wallet is on chain 1\. This payment is on Local devnet \(Hardhat\)\./)).toBeVisible()
  await expect(card.getByRole('button', { name: /Sign and pay/ })).toHaveCount(0)
  await shot(page, 'wallet-07-wrong-chain')
  await card.getByRole('button', { name: 'Switch to Local devnet (Hardhat)' }).click()
  await expect(card.getByTestId('wallet-balance')).toContainText('TUSD')
  await card.getByRole('button', { name: 'Sign and pay 0.05 TUSD' }).click()
  await expect(card.getByTestId('paid-photo')).toBeVisible()
  expect((await routeStats('GET /api/photo')).settled).toEqual({ evm: 1 })
})

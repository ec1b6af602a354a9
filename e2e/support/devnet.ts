import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, type Page } from '@playwright/test'
import { devnetUrl } from '../playwright.config'

type RouteStats = { challenges: number; accepted: Record<string, number>; settled: Record<string, number> }
export type Stats = { routes: Record<string, RouteStats>; rails: Record<string, { challenges: number; accepted: number; settled: number }> }

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${devnetUrl}${path}`, init)
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

export const devnet = {
  url: devnetUrl,
  reset: () => call('/devnet/reset', { method: 'POST' }),
  stats: () => call<Stats>('/devnet/stats'),
  config: (config: { challengeTtlSeconds: number }) =>
    call('/devnet/config', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(config) }),
  /** Pays an invoice with the devnet test wallet, as a person's phone wallet would. */
  payInvoice: (invoice: string) =>
    call<{ preimage: string; paymentHash: string; amountSats: number }>('/devnet/lightning/pay', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invoice }),
    }),
  credits: (account: string) => call<{ balance: number }>(`/devnet/credits/${account}`),
}

/** Counts for one route: accepted credentials and settled payments per rail. */
export async function routeStats(route: string): Promise<RouteStats> {
  return (await devnet.stats()).routes[route] ?? { challenges: 0, accepted: {}, settled: {} }
}

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url))
mkdirSync(artifacts, { recursive: true })

/** Saves a screenshot of a state under e2e/artifacts/ (git-ignored) to be looked at. */
export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${artifacts}${name}.png`, fullPage: true })
}

/** Opens the example against the test devnet; `query` adds e.g. `webln=off` or `cap=50`. */
export async function openExample(page: Page, query = '') {
  await page.goto(`/?api=${encodeURIComponent(devnetUrl)}${query ? `&${query}` : ''}`)
  await expect(page.getByTestId('api-banner')).toContainText('mppkit devnet')
}

export function photoCard(page: Page) {
  return page.locator('section', { has: page.getByRole('heading', { name: 'Photo of the day' }) })
}

import { sats, usd, type Money } from '@mppkit/react'

const params = new URLSearchParams(location.search)

/** The paid API: `?api=` wins, then VITE_MPP_API, then a local devnet. */
export const apiBase = (params.get('api') ?? import.meta.env.VITE_MPP_API ?? 'http://127.0.0.1:8402').replace(/\/+$/, '')

/** `?webln=off` hides the devnet browser wallet (to pay by QR + preimage instead). */
export const useDevnetWallet = params.get('webln') !== 'off'

/** `?evmwallet=off` leaves out the devnet EVM test wallet (to try a real browser wallet). */
export const useDevnetEvmWallet = params.get('evmwallet') !== 'off'

/** Spending limits, adjustable for demos: `?cap=` and `?ask=` in sats. */
const capSats = Number(params.get('cap') ?? 1000)
const askSats = Number(params.get('ask') ?? 200)
export const limits: { maxPerPayment: Money[]; askAbove: Money[] } = {
  // `?usdcap=` caps card and subscription prices (a subscription's cap applies to its tier price).
  maxPerPayment: [sats(capSats), { value: 100n, decimals: 0, currency: 'credits' }, usd(params.get('usdcap') ?? '20.00')],
  askAbove: [sats(askSats)],
}

export const initialTheme = (params.get('theme') as 'light' | 'dark' | null) ?? 'auto'

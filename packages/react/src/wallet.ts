// @mppkit/react/wallet — the wallet rail: MPP evm/charge and x402 `exact`, paid with an EIP-3009
// authorization signed in a browser wallet through wagmi. The panel (and wagmi/viem with it) loads
// only when a wallet offer is shown.
import { walletRailCore, type WalletInput, type WalletRailOptions } from '@mppkit/core/wallet'
import { createElement, lazy } from 'react'
import type { Config } from 'wagmi'
import type { RailPanelProps, ReactRail } from './rail'

export type { TokenInfo, WalletInput, WalletRailOptions, WalletSigner } from '@mppkit/core/wallet'

export const WalletPanel = lazy(() => import('./wallet/WalletPanel'))

export type ReactWalletRailOptions = WalletRailOptions & {
  /** The wagmi config to use when the app has no `WagmiProvider` (its provider's config wins). */
  config?: Config | undefined
}

export function walletRail(options: ReactWalletRailOptions = {}): ReactRail<WalletInput> {
  const core = walletRailCore(options)
  const Panel = (props: RailPanelProps<WalletInput>) => createElement(WalletPanel, { ...props, config: options.config, tokens: core.tokens })
  return { ...core, Panel }
}

// @mppkit/react/lightning — the Lightning rail: MPP lightning/charge and L402, paid with WebLN
// or any wallet (QR + pasted preimage). The panel and its QR/BOLT11 code load only when shown.
import { findWebLN, lightningRailCore, type LightningInput, type LightningRailOptions } from '@mppkit/core/lightning'
import { createElement, lazy } from 'react'
import type { RailPanelProps, ReactRail } from './rail'

export type { LightningInput, LightningRailOptions, WebLNProvider } from '@mppkit/core/lightning'

export const LightningPanel = lazy(() => import('./lightning/LightningPanel'))

export function lightningRail(options: LightningRailOptions = {}): ReactRail<LightningInput> {
  // The panel offers "Pay with browser wallet" for the same provider the rail pays with.
  const getWebLN = options.webln ?? findWebLN
  const Panel = (props: RailPanelProps<LightningInput>) => createElement(LightningPanel, { ...props, getWebLN })
  return { ...lightningRailCore(options), Panel }
}

// @mppkit/react/handoff — the hosted-checkout hand-off: UCAP offers (`checkout_url`) and UCP/ACP
// sessions (`continue_url`). The person pays on the publisher's page in a new tab; the kit waits
// for the entitlement and retries the request once. The panel's code loads only when shown.
import { handoffRailCore, type HandoffInput, type HandoffRailOptions } from '@mppkit/core/handoff'
import { createElement, lazy } from 'react'
import type { RailPanelProps, ReactRail } from './rail'

export type { HandoffInput, HandoffRailOptions, HandoffWaiter, HandoffWaitStatus, PollSchedule } from '@mppkit/core/handoff'
export { checkHandoffUrl, defaultHandoffChannel, handoffReturnMessage } from '@mppkit/core/handoff'
export type { HandoffPanelProps } from './handoff/HandoffPanel'

export const HandoffPanel = lazy(() => import('./handoff/HandoffPanel'))

/**
 * The hand-off rail. `fetch` is the fetcher every request of the rail goes through (route it
 * through your RFC 9421 signing proxy for UCAP); `entitlements` is where to look for the
 * entitlement; `allowLocalHttp` lets http://localhost checkout pages open (development only).
 */
export function handoffRail(options: HandoffRailOptions = {}): ReactRail<HandoffInput> {
  const Panel = (props: RailPanelProps<HandoffInput>) => createElement(HandoffPanel, { ...props, allowLocalHttp: options.allowLocalHttp })
  return { ...handoffRailCore(options), Panel }
}

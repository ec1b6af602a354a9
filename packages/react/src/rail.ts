import type { CheckoutError, CheckoutStatus, Offer, Rail } from '@mppkit/core'
import type { ComponentType } from 'react'
import type { Messages } from './messages'

/** What every rail panel receives. A panel collects input and calls `submit`; it never pays itself. */
export type RailPanelProps<Input = unknown> = {
  readonly offer: Offer
  readonly status: CheckoutStatus
  /** True while the payment is being sent; panels disable their controls. */
  readonly busy: boolean
  readonly error?: CheckoutError | undefined
  readonly submit: (input: Input) => void
  readonly messages: Messages
  readonly locale?: string | undefined
}

/** A rail with its React panel (usually `lazy`, so its code loads only when its offer is shown). */
export type ReactRail<Input = unknown> = Rail<Input> & {
  readonly Panel: ComponentType<RailPanelProps<Input>>
}

import { createMppKit, type AssetBook, type MppKit, type Policy, type PolicyConfig, type ReceiptStore } from '@mppkit/core'
import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { MppContext, type MppContextValue } from './context'
import { defaultMessages, type Messages } from './messages'
import { preloadCheckoutContent } from './LazyCheckoutContent'
import { PaymentSheet } from './PaymentSheet'
import type { ReactRail } from './rail'

export type MppProviderProps = {
  /** The rails this app pays with, in display order. Read once, when the provider mounts. */
  rails: readonly ReactRail<any>[]
  /** Spending limits every payment must pass. Read once, when the provider mounts. */
  policy?: PolicyConfig | Policy | undefined
  /** `auto` follows the system setting. */
  theme?: 'light' | 'dark' | 'auto' | undefined
  /** Overrides for any of the kit's words. */
  messages?: Partial<Messages> | undefined
  /** Locale for amounts and times (defaults to the browser's). */
  locale?: string | undefined
  /** The plain fetch requests go through (defaults to globalThis.fetch). */
  fetch?: typeof fetch | undefined
  receipts?: ReceiptStore | undefined
  /** Token names for offers that name a token only by address (see `createAssetBook`). */
  assets?: AssetBook | undefined
  /** Use an existing kit (shared with non-React code) instead of creating one. */
  kit?: MppKit | undefined
  /** Render the payment sheet for `useMppFetch` automatically (default true). */
  sheet?: boolean | undefined
  children?: ReactNode
}

/**
 * Owns the kit: one mppx client, the checkout queue and the receipts for the app's life.
 * Renders the payment sheet for whichever checkout is waiting for the person.
 */
export function MppProvider(props: MppProviderProps) {
  const { rails, theme = 'auto', locale, sheet = true, children } = props
  const [kit] = useState(
    () => props.kit ?? createMppKit({ rails, policy: props.policy, fetch: props.fetch, receipts: props.receipts, assets: props.assets }),
  )
  // Fetch the checkout UI once the page is up, so a 402 finds it ready.
  useEffect(() => void preloadCheckoutContent(), [])
  const overrides = props.messages
  const value = useMemo<MppContextValue>(
    () => ({ kit, rails, theme, locale, messages: overrides ? { ...defaultMessages, ...overrides } : defaultMessages }),
    [kit, rails, theme, locale, overrides],
  )
  return (
    <MppContext.Provider value={value}>
      {children}
      {sheet ? <PaymentSheet /> : null}
    </MppContext.Provider>
  )
}

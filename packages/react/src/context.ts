import type { MppKit } from '@mppkit/core'
import { createContext, useContext } from 'react'
import type { Messages } from './messages'
import type { ReactRail } from './rail'

export type MppContextValue = {
  readonly kit: MppKit
  readonly rails: readonly ReactRail<any>[]
  readonly messages: Messages
  readonly locale?: string | undefined
  readonly theme: 'light' | 'dark' | 'auto'
}

export const MppContext = createContext<MppContextValue | null>(null)

export function useMppContext(): MppContextValue {
  const value = useContext(MppContext)
  if (!value) throw new Error('mppkit: wrap your app in <MppProvider>.')
  return value
}

/** Attributes that scope the theme stylesheet to the kit's own elements. */
export function rootAttributes(theme: MppContextValue['theme']) {
  return { 'data-mppkit': '', 'data-theme': theme === 'auto' ? undefined : theme }
}

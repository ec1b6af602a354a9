import { createMppKit, type Checkout, type CheckoutStatus, type MppKit, type PolicyConfig } from '@mppkit/core'
import type { ReactRail } from '@mppkit/react'
import { createStoryServer, photoUrl, type ServerOptions, type StoryServer } from './server'
import { storyRails } from './rails'

/**
 * A story's world: the in-story server, a real kit (the headless checkout machine, mppx client,
 * policy) and the rails. Built in a loader, so a story opens already in the state it shows.
 */
export type SceneSpec = {
  readonly server?: ServerOptions
  readonly policy?: PolicyConfig
  /** A WebLN wallet in the page (default true). */
  readonly webln?: boolean
  /** The wallet never answers (to hold the checkout in `submitting`). */
  readonly walletHangs?: boolean
  readonly timeoutMs?: number
  /** Drives the checkout from its first state to the one the story shows. */
  readonly drive?: (checkout: Checkout, scene: Omit<Scene, 'checkout'>) => Promise<void>
}

export type Scene = {
  readonly server: StoryServer
  readonly kit: MppKit
  readonly rails: readonly ReactRail<any>[]
  readonly checkout: Checkout
}

export function kitFor(spec: SceneSpec = {}) {
  const server = createStoryServer(spec.server)
  server.wallet.hang = spec.walletHangs
  const rails = storyRails(spec.webln === false ? undefined : server.wallet)
  const kit = createMppKit({ rails, policy: spec.policy, fetch: server.fetch, timeoutMs: spec.timeoutMs })
  return { server, kit, rails }
}

export async function loadScene(spec: SceneSpec = {}): Promise<Scene> {
  const base = kitFor(spec)
  const checkout = await base.kit.checkout(photoUrl)
  checkout.start()
  if (spec.server?.unpaid !== 'hang') await until(checkout, (s) => s !== 'idle' && s !== 'requesting')
  await spec.drive?.(checkout, base)
  return { ...base, checkout }
}

/** Resolves when the checkout's status passes `test` (or is `status`); rejects after a while. */
export function until(checkout: Checkout, test: CheckoutStatus | ((status: CheckoutStatus) => boolean), ms = 5000): Promise<void> {
  const ok = typeof test === 'string' ? (s: CheckoutStatus) => s === test : test
  return new Promise((resolve, reject) => {
    if (ok(checkout.getState().status)) return resolve()
    const timer = setTimeout(() => {
      stop()
      reject(new Error(`checkout stayed ${checkout.getState().status}`))
    }, ms)
    const stop = checkout.subscribe(() => {
      if (!ok(checkout.getState().status)) return
      clearTimeout(timer)
      stop()
      resolve()
    })
  })
}

/** Chooses the first open offer paid by `rail` (or with that protocol, for `l402`). */
export function chooseRail(checkout: Checkout, rail: string) {
  const choice = checkout.getState().choices.find((c) => !c.blocked && (c.rail === rail || c.offer.protocol === rail))
  if (!choice) throw new Error(`no open ${rail} offer`)
  checkout.choose(choice.offer.id)
}

/** Common drives. */
export const drive = {
  authorize: (rail = 'lightning') => async (checkout: Checkout) => chooseRail(checkout, rail),
  payWithWallet: (settle: CheckoutStatus | ((s: CheckoutStatus) => boolean)) => async (checkout: Checkout) => {
    chooseRail(checkout, 'lightning')
    checkout.submit({ via: 'webln' })
    await until(checkout, settle)
  },
}

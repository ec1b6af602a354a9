import { randomBytes } from 'node:crypto'
import { publisher, type Tier } from './catalog'

/** A hosted checkout for one tier, minted with each 402; it expires like a real one. */
export type CheckoutSession = {
  readonly id: string
  readonly reader: string
  readonly tier: Tier
  /** The stats key of the content that asked for payment (`GET /ucap/v1/content/devnet/welcome`). */
  readonly route: string
  readonly expiresAt: number
  /** Where to send the person after paying (a loopback page of the app), if the app gave one. */
  readonly returnUrl?: string | undefined
  status: 'open' | 'paid'
}

export type Entitlement = {
  readonly id: string
  readonly publisher_id: string
  readonly publisher_name: string
  readonly tier_id: string
  readonly tier_name: string
  readonly status: 'active'
  readonly created_at: string
  readonly renews_at: string
  readonly price: { readonly amount: number; readonly currency: string; readonly interval: string }
}

const maxSessions = 5_000

/**
 * Checkout sessions and entitlements, per devnet reader. A reader is the devnet's stand-in for
 * UCAP's signed agent + linked user: an id the app sends as `?reader=` on every UCAP request.
 */
export function createUcapStore() {
  const sessions = new Map<string, CheckoutSession>()
  const entitlements = new Map<string, Entitlement[]>()
  return {
    openSession(reader: string, tier: Tier, route: string, ttlSeconds: number, returnUrl?: string): CheckoutSession {
      if (sessions.size >= maxSessions) sessions.delete(sessions.keys().next().value!)
      const session: CheckoutSession = { id: `cs_${randomBytes(9).toString('base64url')}`, reader, tier, route, expiresAt: Date.now() + ttlSeconds * 1000, returnUrl, status: 'open' }
      sessions.set(session.id, session)
      return session
    },
    session: (id: string) => sessions.get(id),
    /** What the payment processor's webhook does: the reader now holds the tier. */
    mint(session: CheckoutSession): Entitlement {
      const list = entitlements.get(session.reader) ?? []
      const existing = list.find((e) => e.tier_id === session.tier.id)
      session.status = 'paid'
      if (existing) return existing
      const now = new Date()
      const renews = new Date(now)
      renews.setUTCMonth(renews.getUTCMonth() + (session.tier.interval === 'year' ? 12 : 1))
      const entitlement: Entitlement = {
        id: `ent_${randomBytes(6).toString('hex')}`,
        publisher_id: publisher.id,
        publisher_name: publisher.name,
        tier_id: session.tier.id,
        tier_name: session.tier.name,
        status: 'active',
        created_at: now.toISOString(),
        renews_at: renews.toISOString(),
        price: { amount: session.tier.cents, currency: session.tier.currency, interval: session.tier.interval },
      }
      entitlements.set(session.reader, [...list, entitlement])
      return entitlement
    },
    entitlementsOf: (reader: string): readonly Entitlement[] => entitlements.get(reader) ?? [],
  }
}

export type UcapStore = ReturnType<typeof createUcapStore>

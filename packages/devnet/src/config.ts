/** Settings a test can change at runtime through `POST /devnet/config`. */
export type DevnetConfig = {
  /** Lifetime of every new challenge, invoice and L402 token. */
  challengeTtlSeconds: number
  /** The photo's card price in US cents; unset = the route table's. Under 50 mppx does not offer it. */
  cardPhotoCents?: number | undefined
  /** Offer a card even under Stripe's minimum (as a server without mppx might), to show the kit's own check. */
  cardOfferBelowMinimum: boolean
  /** The Shared Payment Token endpoint: working, `down` (503) or `misconfigured` (Stripe refuses its key). */
  sptEndpoint: 'up' | 'down' | 'misconfigured'
}

export const defaultConfig: Readonly<DevnetConfig> = { challengeTtlSeconds: 300, cardOfferBelowMinimum: false, sptEndpoint: 'up' }

// A day is plenty for a devnet; anything larger is almost certainly a typo in a test.
const maxTtlSeconds = 86_400

export function createConfig() {
  const config: DevnetConfig = { ...defaultConfig }
  return {
    get: (): DevnetConfig => ({ ...config }),
    /** Applies a partial update; returns an error message instead of throwing so the route can answer 400. */
    update(patch: unknown): string | undefined {
      if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return 'expected a JSON object'
      const { challengeTtlSeconds, cardPhotoCents, cardOfferBelowMinimum, sptEndpoint } = patch as Record<string, unknown>
      if (cardPhotoCents !== undefined && cardPhotoCents !== null && (!Number.isSafeInteger(cardPhotoCents) || (cardPhotoCents as number) < 1 || (cardPhotoCents as number) > 100_000))
        return 'cardPhotoCents must be a whole number of cents from 1 to 100000 (or null for the default)'
      if (cardOfferBelowMinimum !== undefined && typeof cardOfferBelowMinimum !== 'boolean') return 'cardOfferBelowMinimum must be true or false'
      if (sptEndpoint !== undefined && sptEndpoint !== 'up' && sptEndpoint !== 'down' && sptEndpoint !== 'misconfigured')
        return 'sptEndpoint must be "up", "down" or "misconfigured"'
      if (challengeTtlSeconds !== undefined) {
        if (typeof challengeTtlSeconds !== 'number' || !Number.isFinite(challengeTtlSeconds))
          return 'challengeTtlSeconds must be a number'
        if (challengeTtlSeconds <= 0 || challengeTtlSeconds > maxTtlSeconds)
          return `challengeTtlSeconds must be in (0, ${maxTtlSeconds}]`
        config.challengeTtlSeconds = challengeTtlSeconds
      }
      // Applied only once every field is valid, so a bad patch changes nothing.
      if (cardPhotoCents !== undefined) config.cardPhotoCents = (cardPhotoCents as number | null) ?? undefined
      if (cardOfferBelowMinimum !== undefined) config.cardOfferBelowMinimum = cardOfferBelowMinimum
      if (sptEndpoint !== undefined) config.sptEndpoint = sptEndpoint
      return undefined
    },
    /** ISO timestamp for a challenge issued now. */
    expiresAt: (): string => new Date(Date.now() + config.challengeTtlSeconds * 1000).toISOString(),
  }
}

export type ConfigStore = ReturnType<typeof createConfig>

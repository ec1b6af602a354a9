/** Settings a test can change at runtime through `POST /devnet/config`. */
export type DevnetConfig = {
  /** Lifetime of every new challenge, invoice and L402 token. */
  challengeTtlSeconds: number
}

export const defaultConfig: Readonly<DevnetConfig> = { challengeTtlSeconds: 300 }

// A day is plenty for a devnet; anything larger is almost certainly a typo in a test.
const maxTtlSeconds = 86_400

export function createConfig() {
  const config: DevnetConfig = { ...defaultConfig }
  return {
    get: (): DevnetConfig => ({ ...config }),
    /** Applies a partial update; returns an error message instead of throwing so the route can answer 400. */
    update(patch: unknown): string | undefined {
      if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return 'expected a JSON object'
      const { challengeTtlSeconds } = patch as Record<string, unknown>
      if (challengeTtlSeconds !== undefined) {
        if (typeof challengeTtlSeconds !== 'number' || !Number.isFinite(challengeTtlSeconds))
          return 'challengeTtlSeconds must be a number'
        if (challengeTtlSeconds <= 0 || challengeTtlSeconds > maxTtlSeconds)
          return `challengeTtlSeconds must be in (0, ${maxTtlSeconds}]`
        config.challengeTtlSeconds = challengeTtlSeconds
      }
      return undefined
    },
    /** ISO timestamp for a challenge issued now. */
    expiresAt: (): string => new Date(Date.now() + config.challengeTtlSeconds * 1000).toISOString(),
  }
}

export type ConfigStore = ReturnType<typeof createConfig>

/**
 * Counts what e2e tests and the examples' debug panels assert on.
 *
 * - challenges: offers issued (one per method per 402)
 * - accepted: credentials the server verified
 * - settled: money actually moved (a test-wallet payment, a credits deduction)
 *
 * The JSON shape is a contract (tests read it), so keep `toJSON` stable.
 */
export type RouteStats = {
  challenges: number
  accepted: Record<string, number>
  settled: Record<string, number>
}
export type RailStats = { challenges: number; accepted: number; settled: number }
export type StatsSnapshot = {
  routes: Record<string, RouteStats>
  rails: Record<string, RailStats>
}

export function createStats() {
  let routes: Record<string, RouteStats> = {}
  let rails: Record<string, RailStats> = {}

  const route = (key: string) => (routes[key] ??= { challenges: 0, accepted: {}, settled: {} })
  const rail = (name: string) => (rails[name] ??= { challenges: 0, accepted: 0, settled: 0 })

  return {
    challenge(routeKey: string, railName: string) {
      route(routeKey).challenges++
      rail(railName).challenges++
    },
    accepted(routeKey: string, railName: string) {
      const r = route(routeKey)
      r.accepted[railName] = (r.accepted[railName] ?? 0) + 1
      rail(railName).accepted++
    },
    settled(routeKey: string, railName: string) {
      const r = route(routeKey)
      r.settled[railName] = (r.settled[railName] ?? 0) + 1
      rail(railName).settled++
    },
    reset() {
      routes = {}
      rails = {}
    },
    toJSON: (): StatsSnapshot => structuredClone({ routes, rails }),
  }
}

export type Stats = ReturnType<typeof createStats>

/** The key stats use for a route: `GET /api/photo`. */
export const routeKey = (method: string, pathname: string) => `${method.toUpperCase()} ${pathname}`

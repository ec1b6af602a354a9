/** How often to look for the entitlement while a person pays in another tab. */
export type PollSchedule = {
  /** First wait (default 2 s). */
  readonly minMs: number
  /** Longest wait (default 10 s). */
  readonly maxMs: number
  /** Growth per attempt (default 1.5). */
  readonly factor: number
  /** ± fraction of random spread so many tabs do not poll in step (default 0.2). */
  readonly jitter: number
}

export const defaultPollSchedule: PollSchedule = { minMs: 2_000, maxMs: 10_000, factor: 1.5, jitter: 0.2 }

/**
 * The wait before check number `attempt` (0-based): min·factorⁿ capped at max, spread by jitter
 * and kept within [min, max]. `random` is injectable for tests.
 */
export function pollDelay(attempt: number, schedule: PollSchedule = defaultPollSchedule, random: () => number = Math.random): number {
  const base = Math.min(schedule.minMs * schedule.factor ** Math.max(0, attempt), schedule.maxMs)
  const spread = base * schedule.jitter * (random() * 2 - 1)
  return Math.round(Math.min(Math.max(base + spread, schedule.minMs), schedule.maxMs))
}

/** `Retry-After` as milliseconds from now (seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (!header) return undefined
  const value = header.trim()
  if (/^\d{1,7}$/.test(value)) return Number(value) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

export function pollSchedule(partial: Partial<PollSchedule> = {}): PollSchedule {
  const s = { ...defaultPollSchedule, ...partial }
  if (!(s.minMs > 0) || !(s.maxMs >= s.minMs) || !(s.factor >= 1) || !(s.jitter >= 0 && s.jitter < 1))
    throw new RangeError('poll schedule needs 0 < minMs ≤ maxMs, factor ≥ 1 and 0 ≤ jitter < 1')
  return s
}

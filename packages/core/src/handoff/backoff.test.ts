import { describe, expect, test } from 'vitest'
import { defaultPollSchedule, pollDelay, pollSchedule, retryAfterMs } from './backoff'

const middle = () => 0.5 // no jitter
describe('poll schedule', () => {
  test('2 s growing by 1.5× to a 10 s ceiling', () => {
    expect([0, 1, 2, 3, 4, 5, 20].map((n) => pollDelay(n, defaultPollSchedule, middle))).toEqual([2000, 3000, 4500, 6750, 10000, 10000, 10000])
  })

  test('jitter spreads ±20 % but never leaves [2 s, 10 s]', () => {
    expect(pollDelay(1, defaultPollSchedule, () => 0)).toBe(2400)
    expect(pollDelay(1, defaultPollSchedule, () => 0.999999)).toBe(3600)
    expect(pollDelay(0, defaultPollSchedule, () => 0)).toBe(2000)
    expect(pollDelay(9, defaultPollSchedule, () => 0.999999)).toBe(10000)
    for (let i = 0; i < 200; i++) {
      const d = pollDelay(i % 8)
      expect(d).toBeGreaterThanOrEqual(2000)
      expect(d).toBeLessThanOrEqual(10000)
    }
  })

  test('configurable (tests poll fast); nonsense is refused', () => {
    expect(pollDelay(0, pollSchedule({ minMs: 50, maxMs: 200 }), middle)).toBe(50)
    expect(() => pollSchedule({ minMs: 0 })).toThrow(RangeError)
    expect(() => pollSchedule({ minMs: 500, maxMs: 100 })).toThrow(RangeError)
    expect(() => pollSchedule({ jitter: 1 })).toThrow(RangeError)
  })

  test('Retry-After in seconds or as a date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(retryAfterMs('7', now)).toBe(7000)
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30000)
    expect(retryAfterMs('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0)
    expect(retryAfterMs('soon', now)).toBeUndefined()
    expect(retryAfterMs(null, now)).toBeUndefined()
  })
})

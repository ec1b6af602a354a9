/** Why the rail looked for the entitlement now. */
export type WakeReason = 'timer' | 'person' | 'focus' | 'signal'

/** What the waiting panel shows. `not-detected` follows a check the person asked for that found nothing. */
export type HandoffWaitStatus =
  | { readonly kind: 'waiting'; readonly checks: number }
  | { readonly kind: 'checking'; readonly checks: number }
  | { readonly kind: 'not-detected'; readonly checks: number }
  | { readonly kind: 'found'; readonly checks: number }

/**
 * The line between the panel and the waiting rail: the panel asks for a check ("I've paid —
 * check now") and shows the status; the rail sleeps on it between checks and reports back.
 */
export type HandoffWaiter = {
  getStatus(): HandoffWaitStatus
  subscribe(listener: () => void): () => void
  /** Check at once (the person says they paid). */
  checkNow(): void
  /** Rail side: ends the current sleep early. */
  wake(reason: WakeReason): void
  /** Rail side: waits `ms`, or less when woken; rejects when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<WakeReason>
  /** Rail side. */
  report(status: HandoffWaitStatus): void
}

export function createHandoffWaiter(): HandoffWaiter {
  let status: HandoffWaitStatus = { kind: 'waiting', checks: 0 }
  const listeners = new Set<() => void>()
  let wakeUp: ((reason: WakeReason) => void) | undefined
  // A wake while no sleep is running (the rail is mid-check) is kept for the next sleep.
  let pending: WakeReason | undefined
  const waiter: HandoffWaiter = {
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    checkNow: () => waiter.wake('person'),
    wake(reason) {
      if (wakeUp) wakeUp(reason)
      else if (pending !== 'person') pending = reason
    },
    sleep(ms, signal) {
      return new Promise<WakeReason>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason)
        if (pending) {
          const reason = pending
          pending = undefined
          return resolve(reason)
        }
        const done = (reason: WakeReason) => {
          clearTimeout(timer)
          signal?.removeEventListener('abort', onAbort)
          wakeUp = undefined
          resolve(reason)
        }
        const onAbort = () => {
          clearTimeout(timer)
          wakeUp = undefined
          reject(signal!.reason)
        }
        const timer = setTimeout(() => done('timer'), Math.max(0, Math.min(ms, 2 ** 31 - 1)))
        signal?.addEventListener('abort', onAbort, { once: true })
        wakeUp = done
      })
    },
    report(next) {
      status = next
      for (const listener of listeners) listener()
    },
  }
  return waiter
}

/** EIP-1193 4001 (and viem's UserRejectedRequestError, which wraps it). */
export function isUserRejection(error: unknown): boolean {
  for (let e = error as { code?: unknown; name?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e.code === 4001 || e.name === 'UserRejectedRequestError') return true
  }
  return false
}

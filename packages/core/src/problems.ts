/**
 * `application/problem+json` answers from MPP servers (https://paymentauth.org/problems/*), typed,
 * each with a short message a person can act on. mppx has no client-side parser for these.
 */
export const problemBase = 'https://paymentauth.org/problems/'

export const problemKinds = [
  'verification-failed',
  'payment-expired',
  'payment-insufficient',
  'method-unsupported',
  'malformed-credential',
  'invalid-challenge',
  'invalid-payload',
  'payment-required',
  'payment-action-required',
  'bad-request',
  'internal-payment-error',
  'unknown',
] as const
export type ProblemKind = (typeof problemKinds)[number]

export type Problem = {
  readonly kind: ProblemKind
  /** The problem type URI as sent (or `about:blank`). */
  readonly type: string
  readonly title: string
  readonly status: number
  /** The server's own words; shown as detail, never trusted for amounts. */
  readonly detail?: string | undefined
  readonly challengeId?: string | undefined
  /** A short sentence for a person. */
  readonly message: string
}

export const problemMessages: Record<ProblemKind, string> = {
  'verification-failed': 'The payment could not be verified. Nothing more was charged — try again or pick another way to pay.',
  'payment-expired': 'This price expired before the payment arrived. Get a fresh price and try again.',
  'payment-insufficient': 'The payment was less than the price, or the balance was too low.',
  'method-unsupported': 'The server does not accept this way of paying. Pick another one.',
  'malformed-credential': 'The payment proof was not in a form the server accepts.',
  'invalid-challenge': 'The server no longer recognises this price. Get a fresh price and try again.',
  'invalid-payload': 'The payment details were rejected by the server.',
  'payment-required': 'Payment is required to continue.',
  'payment-action-required': 'The payment needs one more step before it can complete.',
  'bad-request': 'The server could not read the request.',
  'internal-payment-error': 'The server failed while taking the payment. You may not have been charged; check before paying again.',
  unknown: 'The server refused the payment.',
}

const maxProblemBytes = 64 * 1024

export function kindOfProblemType(type: unknown): ProblemKind {
  if (typeof type !== 'string' || !type.startsWith(problemBase)) return 'unknown'
  const suffix = type.slice(problemBase.length)
  if (suffix.startsWith('session/')) return 'payment-insufficient'
  return (problemKinds as readonly string[]).includes(suffix) ? (suffix as ProblemKind) : 'unknown'
}

/** Builds a Problem from a parsed problem+json object (or anything else, defensively). */
export function toProblem(body: unknown, status: number): Problem {
  const o = body && typeof body === 'object' ? (body as Record<string, unknown>) : {}
  const kind = kindOfProblemType(o.type)
  const str = (v: unknown, max = 500) => (typeof v === 'string' && v ? v.slice(0, max) : undefined)
  return {
    kind,
    type: str(o.type, 300) ?? 'about:blank',
    title: str(o.title, 200) ?? (status === 402 ? 'Payment Required' : `HTTP ${status}`),
    status: typeof o.status === 'number' && Number.isInteger(o.status) ? o.status : status,
    detail: str(o.detail),
    challengeId: str(o.challengeId, 200),
    message: problemMessages[kind],
  }
}

/**
 * Reads a problem from a response without consuming it. Returns undefined when the body is not
 * problem+json. Never throws.
 */
export async function readProblem(response: Response): Promise<Problem | undefined> {
  const type = response.headers.get('content-type') ?? ''
  if (!/^application\/problem\+json\b/i.test(type)) return undefined
  try {
    const text = await response.clone().text()
    if (text.length > maxProblemBytes) return toProblem({}, response.status)
    return toProblem(JSON.parse(text), response.status)
  } catch {
    return toProblem({}, response.status)
  }
}

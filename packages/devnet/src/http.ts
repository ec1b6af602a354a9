/** Small response helpers shared by every route. */

export function json(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers)
  headers.set('Content-Type', 'application/json; charset=utf-8')
  headers.set('Cache-Control', 'no-store')
  return new Response(JSON.stringify(body), { ...init, headers })
}

/** A JSON error: `{ error, code?, ...extra }`. `code` is stable for tests; `error` is for people. */
export function jsonError(
  status: number,
  error: string,
  extra: Record<string, unknown> = {},
  headers?: HeadersInit,
): Response {
  return json({ error, ...extra }, { status, ...(headers ? { headers } : {}) })
}

export function text(body: string, contentType: string, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers)
  headers.set('Content-Type', contentType)
  return new Response(body, { ...init, headers })
}

/** Parses a JSON request body; an empty body reads as `{}` so optional-field endpoints accept bare POSTs. */
export async function readJson(request: Request): Promise<{ value: unknown } | { error: string }> {
  const raw = await request.text()
  if (raw.trim() === '') return { value: {} }
  try {
    return { value: JSON.parse(raw) }
  } catch {
    return { error: 'request body is not valid JSON' }
  }
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

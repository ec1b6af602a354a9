/**
 * A request the kit can send twice byte for byte: the unpaid attempt and the paid retry.
 *
 * mppx loses a `Request` object's method and body on its paid retry, FormData gets a fresh
 * multipart boundary each send, and a stream can be read only once — so every body is buffered
 * to bytes (with its content type) before the first send, and every call goes out as (url, init).
 */
export type PaidRequest = {
  readonly url: string
  readonly method: string
  readonly origin: string
  readonly init: RequestInit
  /** A key for recognizing the same request (method, url, body bytes). */
  readonly key: string
}

export class RequestBodyError extends Error {
  override readonly name = 'RequestBodyError'
}

export const maxBufferedBody = 32 * 1024 * 1024

export async function toPaidRequest(input: RequestInfo | URL, init: RequestInit = {}): Promise<PaidRequest> {
  let url: string
  let base: RequestInit = {}
  if (typeof Request !== 'undefined' && input instanceof Request) {
    url = input.url
    base = {
      method: input.method,
      headers: input.headers,
      credentials: input.credentials,
      cache: input.cache,
      integrity: input.integrity,
      keepalive: input.keepalive,
      mode: input.mode,
      redirect: input.redirect,
      referrer: input.referrer,
      referrerPolicy: input.referrerPolicy,
      signal: input.signal,
    }
    if (input.body !== null && init.body === undefined) base.body = await input.clone().arrayBuffer()
  } else {
    url = input instanceof URL ? input.href : String(input)
  }
  const merged: RequestInit = { ...base, ...init }
  const method = (merged.method ?? 'GET').toUpperCase()
  const parsed = new URL(url, globalThis.location?.href) // parsed once: this runs on every request, 402 or not
  const absolute = parsed.href
  const headers = new Headers(merged.headers)
  let body = merged.body ?? undefined
  let bodyKey = ''
  if (body !== undefined && body !== null) {
    if (method === 'GET' || method === 'HEAD') throw new RequestBodyError(`A ${method} request cannot have a body`)
    if (typeof body === 'string') {
      bodyKey = body
    } else {
      // Let the platform serialize it once (boundary, content type), then keep the bytes.
      const probe = new Request('http://mppkit.invalid/', { method: 'POST', body, duplex: 'half' } as RequestInit)
      const bytes = new Uint8Array(await probe.arrayBuffer())
      if (bytes.byteLength > maxBufferedBody) throw new RequestBodyError('The request body is too large to replay after payment')
      const type = probe.headers.get('content-type')
      if (type && !headers.has('content-type')) headers.set('content-type', type)
      body = bytes
      bodyKey = `${bytes.byteLength}:${hashBytes(bytes)}`
    }
  }
  const requestInit: RequestInit = { ...merged, method, headers, body: body ?? null }
  delete (requestInit as { duplex?: unknown }).duplex
  return Object.freeze({
    url: absolute,
    method,
    origin: parsed.origin,
    init: requestInit,
    key: `${method} ${absolute} ${bodyKey.length > 256 ? hashString(bodyKey) : bodyKey}`,
  })
}

/** A fresh init for each send, so a send never mutates what the next one reuses. */
export function initFor(request: PaidRequest, extraHeaders?: Headers): RequestInit {
  const headers = new Headers(request.init.headers)
  extraHeaders?.forEach((value, key) => headers.set(key, value))
  return { ...request.init, headers }
}

// FNV-1a: a cheap identity for request coalescing, not a security boundary.
function hashBytes(bytes: Uint8Array): string {
  let h = 0x811c9dc5
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193)
  return (h >>> 0).toString(36)
}
function hashString(text: string): string {
  return hashBytes(new TextEncoder().encode(text))
}

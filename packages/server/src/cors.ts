/**
 * CORS for paid routes. mppx sets no CORS headers, and without `Access-Control-Expose-Headers` a
 * cross-origin page sees a bare 402: the challenge header is there, but the browser hides it.
 */

/** Response headers a paying page must be able to read. */
export const paymentExposeHeaders = ['WWW-Authenticate', 'Payment-Receipt', 'PAYMENT-REQUIRED', 'PAYMENT-RESPONSE'] as const
/** Request headers a paying page sends. */
export const paymentAllowHeaders = ['Authorization', 'Accept-Payment', 'PAYMENT-SIGNATURE', 'Content-Type'] as const

export type FetchHandler = (request: Request) => Response | Promise<Response>

export type PaymentCorsOptions = {
  /**
   * Which page origins may call: a list (`['https://shop.example']`), `'*'` for any, or a test.
   * Origins are compared exactly (scheme, host and port), never as prefixes.
   */
  origins: readonly string[] | '*' | ((origin: string) => boolean)
  /** Methods allowed on preflight; default GET, POST, HEAD, OPTIONS. */
  methods?: readonly string[] | undefined
  /** More request headers to allow (e.g. `Idempotency-Key`). */
  allowHeaders?: readonly string[] | undefined
  /** Let the page send cookies. Never combined with `'*'`: the origin is echoed instead. */
  credentials?: boolean | undefined
  /** Seconds a browser may cache the preflight; default 600. */
  maxAge?: number | undefined
}

/**
 * Wraps a fetch handler (an mppx route, a Next.js route handler, a Hono handler) so browsers on
 * the allowed origins can read challenges and receipts and send credentials. Requests from other
 * origins pass through without CORS headers, so the browser blocks them as usual.
 */
export function withPaymentCors(handler: FetchHandler, options: PaymentCorsOptions): (request: Request) => Promise<Response> {
  const allowed = originTest(options.origins)
  const methods = (options.methods ?? ['GET', 'POST', 'HEAD', 'OPTIONS']).join(', ')
  const allowHeaders = [...paymentAllowHeaders, ...(options.allowHeaders ?? [])].join(', ')
  const maxAge = String(options.maxAge ?? 600)

  return async (request) => {
    const origin = request.headers.get('Origin')
    const ok = origin !== null && allowed(origin)
    if (request.method === 'OPTIONS' && request.headers.has('Access-Control-Request-Method')) {
      const headers = new Headers({ Vary: 'Origin' })
      if (ok) {
        setOrigin(headers, origin, options)
        headers.set('Access-Control-Allow-Methods', methods)
        headers.set('Access-Control-Allow-Headers', allowHeaders)
        headers.set('Access-Control-Max-Age', maxAge)
      }
      return new Response(null, { status: 204, headers })
    }
    const response = await handler(request)
    if (!ok) return response
    // Copy: responses from fetch (or frameworks) may have immutable headers.
    const headers = new Headers(response.headers)
    setOrigin(headers, origin, options)
    headers.append('Vary', 'Origin')
    headers.set('Access-Control-Expose-Headers', paymentExposeHeaders.join(', '))
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
  }
}

function setOrigin(headers: Headers, origin: string, options: PaymentCorsOptions) {
  // The origin is echoed (not `*`) so a response is never shared with an origin that was not checked.
  headers.set('Access-Control-Allow-Origin', origin)
  if (options.credentials) headers.set('Access-Control-Allow-Credentials', 'true')
}

function originTest(origins: PaymentCorsOptions['origins']): (origin: string) => boolean {
  if (origins === '*') return () => true
  if (typeof origins === 'function') return origins
  const list = new Set(
    origins.map((o) => {
      const url = new URL(o) // throws on a typo at startup, not on the first request
      return url.origin
    }),
  )
  return (origin) => list.has(origin)
}

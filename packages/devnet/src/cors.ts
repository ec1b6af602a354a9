/**
 * mppx sets no CORS headers, and without `Access-Control-Expose-Headers` a cross-origin page sees a
 * bare 402: `Challenge.fromResponseList` throws and `Receipt.fromResponse` finds nothing. The examples
 * run on other ports than devnet, so every response goes through here.
 */

const exposedHeaders = 'WWW-Authenticate, Payment-Receipt, PAYMENT-REQUIRED, PAYMENT-RESPONSE, Mcp-Session-Id'
const allowedHeaders = 'Authorization, Accept-Payment, PAYMENT-SIGNATURE, Content-Type, Idempotency-Key, Mcp-Session-Id, Mcp-Protocol-Version, Last-Event-ID'

export function isPreflight(request: Request): boolean {
  return request.method === 'OPTIONS'
}

export function preflightResponse(request: Request): Response {
  return withCors(
    request,
    new Response(null, {
      status: 204,
      headers: {
        'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
        'Access-Control-Allow-Headers': allowedHeaders,
        'Access-Control-Max-Age': '600',
      },
    }),
  )
}

export function withCors(request: Request, response: Response): Response {
  // Copy rather than mutate: some responses (e.g. from fetch) have immutable headers.
  const headers = new Headers(response.headers)
  // Echo the origin instead of `*` so a page may also send credentials if it wants to.
  headers.set('Access-Control-Allow-Origin', request.headers.get('Origin') ?? '*')
  headers.append('Vary', 'Origin')
  headers.set('Access-Control-Expose-Headers', exposedHeaders)
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
}

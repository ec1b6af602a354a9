import { createHmac, timingSafeEqual } from 'node:crypto'
import { Receipt } from 'mppx'
import { fortuneFor } from './content/fortunes'
import { json } from './http'
import { type LightningNode, preimageMatches } from './lightning/node'

/**
 * L402 (not MPP): `WWW-Authenticate: L402 version="0", token="…", invoice="…"` on 402, and
 * `Authorization: L402 <token>:<preimage>` (or the legacy `LSAT` scheme) to pay.
 *
 * The token is a stateless stand-in for a macaroon: base64url(JSON claims ‖ HMAC-SHA256), binding
 * the payment hash, the route and an expiry. Like a macaroon it is a bearer credential once paid,
 * so it may be reused until it expires.
 */

type Claims = { v: 0; hash: string; route: string; exp: number }

const macLength = 32
const authorizationPattern = /^(?:L402|LSAT)\s+([A-Za-z0-9_-]+):([0-9a-fA-F]+)\s*$/

export type L402Options = {
  node: LightningNode
  secretKey: string
  ttlSeconds: () => number
}

export function createL402({ node, secretKey, ttlSeconds }: L402Options) {
  const macKey = createHmac('sha256', secretKey).update('mppkit devnet l402 token key').digest()
  const mac = (bytes: Buffer) => createHmac('sha256', macKey).update(bytes).digest()

  function mintToken(claims: Claims): string {
    const body = Buffer.from(JSON.stringify(claims))
    return Buffer.concat([body, mac(body)]).toString('base64url')
  }

  function readToken(token: string): Claims | undefined {
    const bytes = Buffer.from(token, 'base64url')
    if (bytes.length <= macLength) return undefined
    const body = bytes.subarray(0, bytes.length - macLength)
    if (!timingSafeEqual(mac(body), bytes.subarray(bytes.length - macLength))) return undefined
    try {
      const claims = JSON.parse(body.toString('utf8')) as Claims
      return claims.v === 0 && typeof claims.hash === 'string' && typeof claims.exp === 'number' ? claims : undefined
    } catch {
      return undefined
    }
  }

  /** A 402 with a fresh invoice and token; `problem` explains why a presented token was refused. */
  function challenge(route: string, sats: number, memo: string, problem?: { code: string; error: string }): Response {
    const ttl = ttlSeconds()
    const invoice = node.createInvoice({ amountSats: sats, description: memo, expirySeconds: ttl, route })
    const token = mintToken({ v: 0, hash: invoice.paymentHash, route, exp: Date.now() + ttl * 1000 })
    return json(problem ?? { error: 'payment required' }, {
      status: 402,
      headers: { 'WWW-Authenticate': `L402 version="0", token="${token}", invoice="${invoice.invoice}"` },
    })
  }

  /**
   * Gates one route. Returns the paid response from `serve`, or a 402 with a fresh challenge.
   */
  return function gate(
    request: Request,
    route: { key: string; sats: number; memo: string },
    serve: (paymentHash: string) => Response,
  ): Response {
    const authorization = request.headers.get('Authorization')
    if (!authorization || !/^(?:L402|LSAT)\s/i.test(authorization)) return challenge(route.key, route.sats, route.memo)

    const match = authorizationPattern.exec(authorization)
    if (!match)
      return challenge(route.key, route.sats, route.memo, {
        code: 'malformed',
        error: 'expected "Authorization: L402 <token>:<preimage hex>"',
      })
    const [, token = '', preimage = ''] = match
    const claims = readToken(token)
    if (!claims || claims.route !== route.key)
      return challenge(route.key, route.sats, route.memo, { code: 'invalid_token', error: 'this token was not issued for this route' })
    if (claims.exp <= Date.now())
      return challenge(route.key, route.sats, route.memo, { code: 'expired', error: 'this token has expired; pay the new invoice' })
    if (!preimageMatches(preimage.toLowerCase(), claims.hash))
      return challenge(route.key, route.sats, route.memo, {
        code: 'invalid_preimage',
        error: 'the preimage does not match the token’s payment hash',
      })

    const response = serve(claims.hash)
    const headers = new Headers(response.headers)
    headers.set(
      'Payment-Receipt',
      Receipt.serialize({ method: 'lightning', reference: claims.hash, status: 'success', timestamp: new Date().toISOString() }),
    )
    headers.set('Cache-Control', 'private, no-store')
    return new Response(response.body, { status: response.status, headers })
  }
}

export type L402Gate = ReturnType<typeof createL402>

export const fortuneResponse = (paymentHash: string) => json({ fortune: fortuneFor(paymentHash) })

import type { ConfigStore } from '../config'
import { json } from '../http'
import type { PaymentServer } from '../payments'
import type { Stats } from '../stats'
import { excerptOf, posts, publisher, tiers, wordCount, type Post } from './catalog'
import { checkoutPage, donePage, expiredPage, notFoundPage, testCards } from './pages'
import type { UcapStore } from './store'

/**
 * A UCAP publisher on the devnet (https://ucap.dev, content-access + subscription):
 *
 * - `GET /ucap/v1/content/devnet/:post?reader=<id>[&return_url=<loopback url>]`: 402 with a teaser
 *   and two tiers (each with a fresh checkout session that expires after `challengeTtlSeconds`), or
 *   200 with the full text once the reader holds an entitlement. `field-guide` also carries an MPP
 *   Lightning challenge in the same 402.
 * - `GET /ucap/v1/entitlements?reader=<id>`: the reader's entitlements.
 * - `GET|POST /ucap/checkout/:session`: the hosted checkout page (test card form). Paying mints the
 *   entitlement like a payment webhook would, then redirects to `return_url` (or a devnet "done" page).
 *
 * A real UCAP server identifies the agent by RFC 9421 signatures and the person by a linked
 * account; the devnet stands both in with `reader`, an id the app picks and sends as a query.
 */
export function createUcapRoutes(deps: { store: UcapStore; config: ConfigStore; stats: Stats; payments: PaymentServer }) {
  const { store, config, stats, payments } = deps

  async function content(request: Request, publisherId: string, postId: string): Promise<Response> {
    const url = new URL(request.url)
    const post = publisherId === publisher.id ? posts[postId] : undefined
    if (!post) return ucapError(404, 'content_not_found', `No post ${publisherId}/${postId}.`)
    const reader = readerOf(url)
    if (!reader) return ucapError(400, 'reader_required', 'Send ?reader=<id> (letters, digits, _ and -): the devnet stand-in for a signed agent and linked user.')
    const route = `GET /ucap/v1/content/${publisherId}/${postId}`

    const entitlement = store.entitlementsOf(reader).find((e) => e.status === 'active' && e.publisher_id === publisher.id)
    if (entitlement) {
      stats.accepted(route, 'handoff')
      return json({ content: fullText(post), entitlement: { id: entitlement.id, tier_id: entitlement.tier_id } })
    }

    let challengeHeaders: Headers | undefined
    if (post.lightningSats) {
      const result = await payments.compose([
        'lightning/charge',
        { amount: String(post.lightningSats), description: post.title, expires: config.expiresAt(), scope: route },
      ])(request)
      if (result.status !== 402) {
        stats.accepted(route, 'lightning')
        return result.withReceipt(json({ content: fullText(post) }))
      }
      challengeHeaders = result.challenge.headers
      stats.challenge(route, 'lightning')
    }

    const returnUrl = loopbackUrl(url.searchParams.get('return_url'))
    const ttl = config.get().challengeTtlSeconds
    const offers = tiers.map((tier) => {
      const session = store.openSession(reader, tier, route, ttl, returnUrl)
      stats.challenge(route, 'handoff')
      return {
        tier_id: tier.id,
        tier_name: tier.name,
        price: { amount: tier.cents, currency: tier.currency, interval: tier.interval },
        features: tier.features,
        checkout_url: `${url.origin}/ucap/checkout/${session.id}`,
        // Not in the UCAP 402 shape; the subscribe endpoint's `checkout.expires_at`, per offer.
        expires_at: new Date(session.expiresAt).toISOString(),
      }
    })
    const headers = new Headers()
    const authenticate = challengeHeaders?.get('www-authenticate')
    if (authenticate) headers.set('WWW-Authenticate', authenticate)
    return json(
      {
        error: { code: 'payment_required', message: 'This content requires a subscription' },
        teaser: { title: post.title, excerpt: excerptOf(post), word_count: wordCount(post), format: 'text', author: post.author, published_at: post.publishedAt },
        offers,
        publisher,
      },
      { status: 402, headers },
    )
  }

  function entitlements(request: Request): Response {
    const reader = readerOf(new URL(request.url))
    if (!reader) return ucapError(400, 'reader_required', 'Send ?reader=<id>.')
    return json({ entitlements: store.entitlementsOf(reader) })
  }

  function showCheckout(id: string): Response {
    const session = store.session(id)
    if (!session) return html(notFoundPage(), 404)
    if (session.status === 'paid') return html(donePage(session))
    if (Date.now() >= session.expiresAt) return html(expiredPage(), 410)
    return html(checkoutPage(session))
  }

  async function payCheckout(request: Request, id: string): Promise<Response> {
    const session = store.session(id)
    if (!session) return html(notFoundPage(), 404)
    if (session.status === 'paid') return redirectAfterPaying(session)
    if (Date.now() >= session.expiresAt) return html(expiredPage(), 410)
    let card = ''
    try {
      card = String((await request.formData()).get('card') ?? '').replace(/[\s-]/g, '')
    } catch {
      return html(checkoutPage(session, 'The form could not be read.'), 400)
    }
    if (card === testCards.declined) return html(checkoutPage(session, 'Your card was declined (test card 4000 0000 0000 0002).'), 402)
    if (card !== testCards.pays) return html(checkoutPage(session, 'Use the test card 4242 4242 4242 4242.'), 400)
    // What the payment processor's webhook would do: the reader now holds the tier.
    store.mint(session)
    stats.settled(session.route, 'handoff')
    return redirectAfterPaying(session)
  }

  /** `/ucap/...` requests, or undefined for paths it does not serve. */
  return async function handle(request: Request, pathname: string): Promise<Response | undefined> {
    const get = request.method === 'GET'
    const contentMatch = /^\/ucap\/v1\/content\/([^/]+)\/([^/]+)$/.exec(pathname)
    if (contentMatch && get) return content(request, decodeURIComponent(contentMatch[1]!), decodeURIComponent(contentMatch[2]!))
    if (pathname === '/ucap/v1/entitlements' && get) return entitlements(request)
    const doneMatch = /^\/ucap\/checkout\/([\w-]+)\/done$/.exec(pathname)
    if (doneMatch && get) {
      const session = store.session(doneMatch[1]!)
      return session?.status === 'paid' ? html(donePage(session)) : html(notFoundPage(), 404)
    }
    const checkoutMatch = /^\/ucap\/checkout\/([\w-]+)$/.exec(pathname)
    if (checkoutMatch && get) return showCheckout(checkoutMatch[1]!)
    if (checkoutMatch && request.method === 'POST') return payCheckout(request, checkoutMatch[1]!)
    if (contentMatch || checkoutMatch || pathname === '/ucap/v1/entitlements') return ucapError(405, 'method_not_allowed', `${request.method} is not allowed on ${pathname}`)
    return undefined
  }
}

function redirectAfterPaying(session: { id: string; returnUrl?: string | undefined }): Response {
  let location = `/ucap/checkout/${session.id}/done`
  if (session.returnUrl) {
    const back = new URL(session.returnUrl)
    back.searchParams.set('ucap_session', session.id)
    back.searchParams.set('status', 'paid')
    location = back.href
  }
  return new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } })
}

function fullText(post: Post) {
  return { id: post.id, title: post.title, author: post.author, published_at: post.publishedAt, format: 'text', word_count: wordCount(post), text: post.text }
}

function readerOf(url: URL): string | undefined {
  const reader = url.searchParams.get('reader')
  return reader && /^[A-Za-z0-9_-]{1,64}$/.test(reader) ? reader : undefined
}

/** Only loopback pages: the devnet never redirects a person anywhere else (no open redirect). */
function loopbackUrl(raw: string | null): string | undefined {
  if (!raw) return undefined
  try {
    const url = new URL(raw)
    const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]'
    return loopback && (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password ? url.href : undefined
  } catch {
    return undefined
  }
}

/** UCAP's error shape: `{ error: { code, message } }`. */
function ucapError(status: number, code: string, message: string): Response {
  return json({ error: { code, message } }, { status })
}

function html(body: string, status = 200): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } })
}

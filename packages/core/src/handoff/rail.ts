import { isHandoffSource, type HandoffSource, type Offer } from '../offers/offer'
import { RailError, type Rail, type RailContext } from '../rail'
import { pollDelay, pollSchedule, retryAfterMs, type PollSchedule } from './backoff'
import { checkHandoffUrl } from './url'
import { createHandoffWaiter, type HandoffWaiter, type WakeReason } from './waiter'

/** What the hand-off panel hands the rail once the person opened the checkout. */
export type HandoffInput = { readonly waiter: HandoffWaiter }

export type HandoffRailOptions = {
  /**
   * Every request this rail makes goes through it (entitlement checks, content re-checks). UCAP
   * servers require RFC 9421 signatures from the agent's backend: pass a fetch that goes through
   * your signing proxy. Give the same one to the kit (`MppProvider fetch`) for the content itself.
   */
  fetch?: typeof fetch | undefined
  /**
   * Where to look for the entitlement (UCAP `GET /v1/entitlements`, identity-linked). Without it
   * the rail re-requests the content itself until it is no longer 402.
   */
  entitlements?: string | ((offer: Offer) => string | undefined) | undefined
  /** Poll timing (default 2 s growing to 10 s, ±20 %). */
  poll?: Partial<PollSchedule> | undefined
  /** Give up after this long when the offer has no expiry (default 1 h, UCAP's "e.g. 1 hour"). */
  maxWaitMs?: number | undefined
  /** Allow http://localhost checkout pages (development, devnet). Default false. */
  allowLocalHttp?: boolean | undefined
  /** BroadcastChannel the return page posts `{ type: 'mppkit:handoff-return' }` on. */
  channel?: string | undefined
}

export const handoffReturnMessage = 'mppkit:handoff-return'
export const defaultHandoffChannel = 'mppkit-handoff'

export function isHandoffOffer(offer: Offer): boolean {
  return isHandoffSource(offer.source)
}

/**
 * Pays hosted-checkout offers (UCAP, UCP/ACP) by waiting: the panel opens the checkout on the
 * person's click; `pay` then polls for the entitlement (jittered backoff, `Retry-After`, the
 * session's expiry) and checks at once when the tab regains focus, the return page signals, or
 * the person says they paid. It resolves when the entitlement exists; the kit then sends the
 * original request once, unchanged (no credential header: the server knows the entitlement).
 */
export function handoffRailCore(options: HandoffRailOptions = {}): Rail<HandoffInput> & { readonly waitsForPerson: true } {
  const schedule = pollSchedule(options.poll)
  const send: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const maxWaitMs = options.maxWaitMs ?? 60 * 60 * 1000
  return {
    id: 'handoff',
    label: 'Hosted checkout',
    waitsForPerson: true,
    accepts: isHandoffOffer,
    async pay(offer, input, context) {
      const source = offer.source
      if (!isHandoffSource(source)) throw new RailError('unavailable', 'This is not a hosted checkout.')
      const link = checkHandoffUrl(source.checkoutUrl, { allowLocalHttp: options.allowLocalHttp })
      if (!link.ok) throw new RailError('rejected', link.reason)
      const waiter = input?.waiter ?? createHandoffWaiter()
      const deadline = offer.expires?.getTime() ?? Date.now() + maxWaitMs
      const stopListening = listenForReturn(waiter, link.origin, options.channel ?? defaultHandoffChannel)
      const entitlementsUrl = typeof options.entitlements === 'function' ? options.entitlements(offer) : options.entitlements
      try {
        let checks = 0
        let wait = pollDelay(0, schedule)
        for (;;) {
          const reason: WakeReason = await waiter.sleep(Math.min(wait, Math.max(deadline - Date.now(), 0)), context.signal)
          waiter.report({ kind: 'checking', checks })
          const found = entitlementsUrl
            ? await lookUpEntitlement(send, entitlementsUrl, source, context.signal)
            : await lookUpContent(send, source, context)
          checks++
          if (found.entitled) {
            waiter.report({ kind: 'found', checks })
            return found.reference ? { entitlement: found.reference } : {}
          }
          if (Date.now() >= deadline)
            throw new RailError('expired', 'This checkout expired before a payment was detected. Nothing was charged through this page; start a fresh checkout.')
          waiter.report({ kind: reason === 'person' ? 'not-detected' : 'waiting', checks })
          wait = Math.max(pollDelay(checks, schedule), found.retryAfterMs ?? 0)
        }
      } finally {
        stopListening()
      }
    },
  }
}

type Lookup = { entitled: boolean; reference?: string | undefined; retryAfterMs?: number | undefined }

async function lookUpEntitlement(send: typeof fetch, url: string, source: HandoffSource, signal: AbortSignal): Promise<Lookup> {
  let response: Response
  try {
    response = await send(url, { headers: { accept: 'application/json' }, signal })
  } catch (error) {
    if (signal.aborted) throw error
    return { entitled: false } // offline for a moment: try again at the next check
  }
  if (!response.ok) return { entitled: false, retryAfterMs: retryAfterMs(response.headers.get('retry-after')) }
  try {
    const body = (await response.json()) as { entitlements?: unknown }
    const list = Array.isArray(body.entitlements) ? body.entitlements : []
    const match = list.find(
      (e): e is { id?: unknown } =>
        !!e &&
        typeof e === 'object' &&
        (e as Record<string, unknown>).status === 'active' &&
        source.tiers.includes(String((e as Record<string, unknown>).tier_id)) &&
        (!source.publisher?.id || (e as Record<string, unknown>).publisher_id === source.publisher.id),
    )
    return match ? { entitled: true, reference: typeof match.id === 'string' ? match.id.slice(0, 200) : undefined } : { entitled: false }
  } catch {
    return { entitled: false }
  }
}

/** Without an entitlement endpoint: ask for the content again (through the same fetcher). */
async function lookUpContent(send: typeof fetch, source: HandoffSource, context: RailContext): Promise<Lookup> {
  const request = context.request
  if (!request) throw new RailError('unavailable', 'The hand-off needs the original request or an entitlements URL.')
  let response: Response
  try {
    response = await send(request.url, { ...request.init, headers: new Headers(request.init.headers), signal: context.signal })
  } catch (error) {
    if (context.signal.aborted) throw error
    return { entitled: false }
  }
  if (response.status === 402 || !response.ok) return { entitled: false, retryAfterMs: retryAfterMs(response.headers.get('retry-after')) }
  if (source.protocol === 'ucp') {
    // A UCP/ACP session answers 200 throughout: it is done when it says so.
    const body = (await response.json().catch(() => ({}))) as { status?: unknown }
    return { entitled: body.status === 'completed' }
  }
  return { entitled: true }
}

/** Wakes the waiter when the person comes back: tab focus, or the return page's signal. */
function listenForReturn(waiter: HandoffWaiter, checkoutOrigin: string, channelName: string): () => void {
  if (typeof window === 'undefined' || typeof window.addEventListener !== 'function') return () => {}
  const onFocus = () => waiter.wake('focus')
  const onVisible = () => {
    if (document.visibilityState === 'visible') waiter.wake('focus')
  }
  // A signal only triggers a check, so a forged one costs a request, never a state change.
  const isReturn = (data: unknown) => !!data && typeof data === 'object' && (data as { type?: unknown }).type === handoffReturnMessage
  const onMessage = (event: MessageEvent) => {
    if ((event.origin === checkoutOrigin || event.origin === window.location.origin) && isReturn(event.data)) waiter.wake('signal')
  }
  window.addEventListener('focus', onFocus)
  window.addEventListener('message', onMessage)
  document.addEventListener('visibilitychange', onVisible)
  let channel: BroadcastChannel | undefined
  if (typeof BroadcastChannel === 'function') {
    channel = new BroadcastChannel(channelName)
    channel.onmessage = (event) => {
      if (isReturn(event.data)) waiter.wake('signal')
    }
  }
  return () => {
    window.removeEventListener('focus', onFocus)
    window.removeEventListener('message', onMessage)
    document.removeEventListener('visibilitychange', onVisible)
    channel?.close()
  }
}

/**
 * Opens a checkout page in a new tab from the person's click. The tab starts blank so a blocked
 * popup can be told apart (with the `noopener` feature `window.open` always returns null); its
 * `opener` is cut before it navigates, which is what `noopener` does. Returns false when blocked.
 */
export function openCheckoutTab(href: string, open: typeof window.open = (...args) => window.open(...args)): boolean {
  const tab = open('about:blank', '_blank')
  if (!tab) return false
  try {
    tab.opener = null
    tab.location.replace(href)
  } catch {
    tab.close()
    return false
  }
  return true
}

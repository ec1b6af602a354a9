/**
 * Checks a payment link before a person is shown an "Open" button for it. The link is never
 * fetched, prefetched or framed: it is only displayed in full and opened on a click.
 */
export type PaymentLink = {
  readonly ok: true
  /** The full URL, exactly as it will be opened. */
  readonly href: string
  readonly origin: string
  readonly host: string
  /** Reasons to look twice (punycode, plain http on loopback). */
  readonly warnings: readonly string[]
}
export type RefusedLink = { readonly ok: false; readonly reason: string }

export const maxLinkLength = 2048

export function checkPaymentLink(text: string, options: { allowLoopbackHttp?: boolean } = {}): PaymentLink | RefusedLink {
  if (text.length > maxLinkLength) return { ok: false, reason: 'The link is too long.' }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return { ok: false, reason: 'The link is not a valid URL.' }
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]'
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback && options.allowLoopbackHttp))
    return { ok: false, reason: `Only https links can be opened (this one is ${url.protocol.replace(':', '')}).` }
  if (url.username || url.password) return { ok: false, reason: 'The link carries a user name or password.' }
  const warnings: string[] = []
  if (url.hostname.split('.').some((label) => label.startsWith('xn--'))) warnings.push('The address uses international characters (punycode); check it is the site you expect.')
  if (url.protocol === 'http:') warnings.push('This is an unencrypted local address (development only).')
  return { ok: true, href: url.href, origin: url.origin, host: url.host, warnings }
}

/** Opens a checked link in a new tab without giving it a handle on this page. */
export function openPaymentLink(link: PaymentLink): void {
  globalThis.open?.(link.href, '_blank', 'noopener,noreferrer')
}

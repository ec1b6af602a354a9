/**
 * The safety rules a hosted-checkout link passes before a person may open it. The kit opens a
 * link only on the person's click, in a new tab with `noopener`; this decides whether it may at
 * all, and what to show: the full address, its domain plainly, and warnings about look-alikes.
 */
export type HandoffUrlCheck =
  | {
      readonly ok: true
      /** The normalized address (`URL.href`: international hosts in punycode, so nothing hides). */
      readonly href: string
      readonly origin: string
      /** The host as the browser will contact it. */
      readonly host: string
      /** The part that says who runs the site (approximately its registrable domain). */
      readonly domain: string
      /** Reasons to look twice; the link may still be opened. */
      readonly warnings: readonly string[]
    }
  | { readonly ok: false; readonly reason: string }

export type HandoffUrlOptions = {
  /** Allow `http:` for localhost / 127.0.0.1 / [::1] (development and devnet only). */
  allowLocalHttp?: boolean | undefined
}

export const maxHandoffUrlLength = 4096
const neverOpened = new Set(['javascript:', 'data:', 'vbscript:', 'file:', 'blob:', 'about:', 'filesystem:'])
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]'])
// Second-level labels under which registrations happen one level deeper (co.uk, com.au…).
const sharedSecondLevels = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'edu', 'ne', 'or', 'go'])
const commonTlds = 'com|net|org|io|co|app|dev|pay|shop|info|biz'

export function checkHandoffUrl(raw: unknown, options: HandoffUrlOptions = {}): HandoffUrlCheck {
  const refuse = (reason: string): HandoffUrlCheck => ({ ok: false, reason })
  if (typeof raw !== 'string' || raw.trim() === '') return refuse('The checkout link is missing.')
  if (raw.length > maxHandoffUrlLength) return refuse('The checkout link is too long to be genuine.')
  // Control characters and whitespace let a link display differently from where it goes.
  if (/[\u0000-\u0020\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/.test(raw.trim())) return refuse('The checkout link contains hidden or blank characters.')
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return refuse('The checkout link is not a complete web address.')
  }
  if (neverOpened.has(url.protocol)) return refuse(`"${url.protocol}" links are never opened: only https checkout pages are.`)
  const local = loopbackHosts.has(url.hostname)
  if (url.protocol === 'http:') {
    if (!local) return refuse('The checkout page is not encrypted (http): only https checkout pages are opened.')
    if (!options.allowLocalHttp) return refuse('The checkout page is on http://localhost, which is allowed only in development.')
  } else if (url.protocol !== 'https:') return refuse(`"${url.protocol}" links are never opened: only https checkout pages are.`)
  if (url.username || url.password) return refuse('The checkout link carries a user name or password, a trick used to disguise where it goes.')
  if (!url.hostname || url.hostname.endsWith('.')) return refuse('The checkout link has no proper host name.')

  const host = url.hostname
  const warnings: string[] = []
  const domain = local || isIp(host) ? host : registrableDomain(host)
  if (host.split('.').some((label) => label.startsWith('xn--')))
    warnings.push(`The address uses international characters (shown as ${host}); it may imitate another site's name.`)
  if (isIp(host) && !local) warnings.push('The address is a bare IP number, not a named site.')
  const sub = host.slice(0, Math.max(0, host.length - domain.length))
  if (new RegExp(`(^|\\.)[a-z0-9-]+\\.(${commonTlds})(\\.|-)`, 'i').test(sub))
    warnings.push(`Another site's name appears inside this address; the site is really ${domain}.`)
  if (/[0-9]/.test(domain.split('.')[0] ?? '') && /[a-z]/i.test(domain.split('.')[0] ?? '') && /(0|1|3|5)/.test(domain) && !local && !isIp(host))
    warnings.push(`Check the spelling of ${domain}: digits in a name can stand in for letters.`)
  return { ok: true, href: url.href, origin: url.origin, host: url.host, domain, warnings }
}

function isIp(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[')
}

/** example.com for checkout.example.com; example.co.uk for pay.example.co.uk (no public-suffix list: an approximation). */
export function registrableDomain(host: string): string {
  const labels = host.split('.')
  if (labels.length <= 2) return host
  const take = labels.at(-1)!.length === 2 && sharedSecondLevels.has(labels.at(-2)!) ? 3 : 2
  return labels.slice(-take).join('.')
}

import { handoffRail } from '@mppkit/react/handoff'
import { apiBase } from './config'

const params = new URLSearchParams(location.search)

/**
 * The devnet's stand-in for a UCAP reader (a signed agent + linked account): an id this browser
 * keeps and sends as `?reader=`. `?reader=` in the page URL picks one explicitly.
 */
export const reader = params.get('reader') ?? storedReader()

/** Where the hosted checkout sends the person back: a page of this app that signals this tab. */
const returnUrl = new URL('handoff-return.html', location.href).href

export const articleUrl = (post: string) =>
  `${apiBase}/ucap/v1/content/devnet/${post}?reader=${encodeURIComponent(reader)}&return_url=${encodeURIComponent(returnUrl)}`

/** `?poll=<ms>` polls at a fixed pace (tests); otherwise 2 s growing to 10 s. */
const pollMs = Number(params.get('poll') ?? '')
const loopbackApi = ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(apiBase).hostname)

export function exampleHandoffRail() {
  return handoffRail({
    entitlements: `${apiBase}/ucap/v1/entitlements?reader=${encodeURIComponent(reader)}`,
    // The devnet's checkout page is plain http on 127.0.0.1: allowed only when the API is local.
    allowLocalHttp: loopbackApi,
    poll: pollMs > 0 ? { minMs: pollMs, maxMs: pollMs } : undefined,
  })
}

function storedReader(): string {
  const key = 'mppkit-example-reader'
  let id = localStorage.getItem(key)
  if (!id) {
    id = `reader_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`
    localStorage.setItem(key, id)
  }
  return id
}

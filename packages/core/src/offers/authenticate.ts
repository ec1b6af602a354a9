/**
 * RFC 9110 §11.6.1 `WWW-Authenticate` parsing: a list of challenges, each a scheme followed by
 * `key=value` / `key="quoted"` params (or a token68), all comma-separated. Browsers merge repeated
 * headers into one comma-joined value, so challenges must be split without trusting commas.
 *
 * This tokenizer never throws: a broken challenge is returned with `broken` set so that one bad
 * offer cannot hide the good ones beside it.
 */
export type AuthChallenge = {
  scheme: string
  params: Record<string, string>
  token68?: string | undefined
  /** The challenge's own text, from its scheme to its end (for re-parsing by mppx). */
  text: string
  broken?: string | undefined
}

/** Headers larger than this are not parsed (a 402 header is a few KB at most). */
export const maxAuthenticateLength = 256 * 1024

const tokenChar = /[!#$%&'*+.^_`|~0-9A-Za-z-]/
const token68Char = /[A-Za-z0-9\-._~+/]/

export function parseAuthenticate(header: string | null | undefined): AuthChallenge[] {
  if (!header) return []
  if (header.length > maxAuthenticateLength) return [{ scheme: '', params: {}, text: '', broken: 'header too large' }]
  const out: AuthChallenge[] = []
  let i = 0
  const n = header.length
  const skipSpace = () => {
    while (i < n && (header[i] === ' ' || header[i] === '\t')) i++
  }
  const readToken = () => {
    const start = i
    while (i < n && tokenChar.test(header[i]!)) i++
    return header.slice(start, i)
  }
  // Is a `token =` coming up at position p (an auth-param rather than a new scheme)?
  const paramAhead = (p: number) => {
    let j = p
    while (j < n && tokenChar.test(header[j]!)) j++
    if (j === p) return false
    while (j < n && (header[j] === ' ' || header[j] === '\t')) j++
    return header[j] === '=' && header[j + 1] !== '='
  }

  while (i < n) {
    while (i < n && (header[i] === ',' || header[i] === ' ' || header[i] === '\t')) i++
    if (i >= n) break
    const start = i
    const scheme = readToken()
    if (!scheme) {
      // Garbage where a scheme should be: skip to the next comma.
      while (i < n && header[i] !== ',') i++
      out.push({ scheme: '', params: {}, text: header.slice(start, i), broken: 'not a challenge' })
      continue
    }
    const challenge: AuthChallenge = { scheme, params: {}, text: '' }
    skipSpace()
    // token68 form (e.g. `Bearer abc==`): a run of token68 chars not followed by '='-param syntax.
    if (i < n && header[i] !== ',' && !paramAhead(i)) {
      const t = i
      while (i < n && token68Char.test(header[i]!)) i++
      while (i < n && header[i] === '=') i++
      if (i > t) challenge.token68 = header.slice(t, i)
      skipSpace()
      if (i < n && header[i] !== ',') {
        challenge.broken = 'unexpected characters'
        while (i < n && header[i] !== ',') i++
      }
    } else {
      // auth-params until the next scheme
      for (;;) {
        skipSpace()
        if (!paramAhead(i)) break
        const key = readToken().toLowerCase()
        skipSpace()
        i++ // '='
        skipSpace()
        let value = ''
        if (header[i] === '"') {
          const open = ++i
          let closed = false
          while (i < n) {
            const c = header[i]!
            if (c === '\\' && i + 1 < n) {
              value += header[i + 1]
              i += 2
              continue
            }
            if (c === '"') {
              closed = true
              i++
              break
            }
            value += c
            i++
          }
          if (!closed) {
            // It would swallow every challenge after it: end the value at the next comma instead.
            challenge.broken = `unterminated quote in ${key}`
            i = open
            while (i < n && header[i] !== ',') i++
            value = header.slice(open, i)
          }
        } else {
          value = readToken()
        }
        if (key in challenge.params) challenge.broken ??= `duplicate parameter ${key}`
        else challenge.params[key] = value
        skipSpace()
        if (i < n && header[i] !== ',') {
          challenge.broken ??= 'unexpected characters'
          while (i < n && header[i] !== ',') i++
        }
        if (i >= n) break
        // a comma: either another param of this challenge or the start of the next challenge
        let j = i + 1
        while (j < n && (header[j] === ' ' || header[j] === '\t' || header[j] === ',')) j++
        if (!paramAhead(j)) break
        i = j
      }
    }
    challenge.text = header.slice(start, i).replace(/[\s,]+$/, '')
    out.push(challenge)
  }
  return out
}

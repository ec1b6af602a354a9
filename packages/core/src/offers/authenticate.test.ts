import { Challenge } from 'mppx'
import { describe, expect, test } from 'vitest'
import { maxAuthenticateLength, parseAuthenticate } from './authenticate'

const lightning = Challenge.serialize(
  Challenge.from({
    id: 'ch_lightning',
    realm: 'api.example.test',
    method: 'lightning',
    intent: 'charge',
    request: { amount: '100', currency: 'BTC', methodDetails: { invoice: 'lnbcrt1u1pexample' } },
    description: 'Photo, full size',
  }),
)
const stripe = Challenge.serialize(
  Challenge.from({ id: 'ch_stripe', realm: 'api.example.test', method: 'stripe', intent: 'charge', request: { amount: '75', currency: 'usd', decimals: 2 } }),
)

describe('parseAuthenticate', () => {
  test('nothing to parse', () => {
    expect(parseAuthenticate(null)).toEqual([])
    expect(parseAuthenticate(undefined)).toEqual([])
    expect(parseAuthenticate('')).toEqual([])
    expect(parseAuthenticate(' , ,')).toEqual([])
  })

  test('one Payment challenge: params, lower-cased keys, text kept exactly', () => {
    const [c, ...rest] = parseAuthenticate(lightning)
    expect(rest).toEqual([])
    expect(c!.scheme).toBe('Payment')
    expect(c!.broken).toBeUndefined()
    expect(c!.text).toBe(lightning)
    expect(c!.params).toEqual({
      id: 'ch_lightning',
      realm: 'api.example.test',
      method: 'lightning',
      intent: 'charge',
      request: /request="([^"]+)"/.exec(lightning)![1],
      description: 'Photo, full size',
    })
    expect(c!.params.request).toMatch(/^[A-Za-z0-9_-]{20,}$/)
  })

  test('several Payment challenges merged into one header value (as browsers join them)', () => {
    const merged = `${lightning}, ${stripe}`
    const out = parseAuthenticate(merged)
    expect(out.map((c) => [c.scheme, c.params.id, c.params.method, c.broken])).toEqual([
      ['Payment', 'ch_lightning', 'lightning', undefined],
      ['Payment', 'ch_stripe', 'stripe', undefined],
    ])
    // Each challenge's text is exactly what the server serialized, so mppx can re-read it.
    expect(out.map((c) => c.text)).toEqual([lightning, stripe])
    expect(Challenge.deserialize(out[1]!.text).id).toBe('ch_stripe')
  })

  test('Payment, Bearer and L402 mixed', () => {
    const header = `Bearer realm="api", error="invalid_token", ${lightning}, L402 version="0", token="AgEDbG5k+/=", invoice="lnbcrt500n1pabc", Basic realm="x"`
    const out = parseAuthenticate(header)
    expect(out.map((c) => c.scheme)).toEqual(['Bearer', 'Payment', 'L402', 'Basic'])
    expect(out[0]!.params).toEqual({ realm: 'api', error: 'invalid_token' })
    expect(out[1]!.text).toBe(lightning)
    expect(out[2]!.params).toEqual({ version: '0', token: 'AgEDbG5k+/=', invoice: 'lnbcrt500n1pabc' })
    expect(out[3]!.params).toEqual({ realm: 'x' })
    expect(out.every((c) => c.broken === undefined)).toBe(true)
  })

  test('quoted commas and escaped quotes stay inside their value', () => {
    const header = 'Payment id="a", description="one, two \\"three\\", four", method="stripe", Payment id="b", description="x\\\\y"'
    const out = parseAuthenticate(header)
    expect(out).toHaveLength(2)
    expect(out[0]!.params).toEqual({ id: 'a', description: 'one, two "three", four', method: 'stripe' })
    expect(out[0]!.text).toBe('Payment id="a", description="one, two \\"three\\", four", method="stripe"')
    expect(out[1]!.params).toEqual({ id: 'b', description: 'x\\y' })
  })

  test('unquoted tokens, spaces around "=", tabs and case-insensitive keys', () => {
    const out = parseAuthenticate('Payment ID = abc ,\tRealm=api.example.test,method=stripe')
    expect(out).toHaveLength(1)
    expect(out[0]!.params).toEqual({ id: 'abc', realm: 'api.example.test', method: 'stripe' })
  })

  test('token68 forms', () => {
    const out = parseAuthenticate('Bearer mF_9.B5f-4.1JqM, Negotiate YIIBeg+/AQ==, Basic, ' + stripe)
    expect(out.map((c) => [c.scheme, c.token68, c.broken])).toEqual([
      ['Bearer', 'mF_9.B5f-4.1JqM', undefined],
      ['Negotiate', 'YIIBeg+/AQ==', undefined],
      ['Basic', undefined, undefined],
      ['Payment', undefined, undefined],
    ])
    expect(out[0]!.params).toEqual({})
    expect(out[3]!.params.id).toBe('ch_stripe')
  })

  test('token68 followed by junk is broken, the next challenge is intact', () => {
    const out = parseAuthenticate(`Bearer abc def, ${stripe}`)
    expect(out[0]).toMatchObject({ scheme: 'Bearer', token68: 'abc', broken: 'unexpected characters' })
    expect(out[1]).toMatchObject({ scheme: 'Payment', text: stripe })
    expect(out[1]!.broken).toBeUndefined()
  })

  test('an unterminated quote in the last challenge marks it broken and keeps the ones before', () => {
    const out = parseAuthenticate(`${stripe}, Payment id="bad", description="never closed`)
    expect(out).toHaveLength(2)
    expect(out[0]).toMatchObject({ text: stripe })
    expect(out[0]!.broken).toBeUndefined()
    expect(out[1]!.broken).toBe('unterminated quote in description')
    expect(out[1]!.params.id).toBe('bad')
  })

  test('an unterminated quote does not swallow the challenge after it', () => {
    const out = parseAuthenticate('Payment id="bad, Payment id=good, realm=api, method=stripe, intent=charge, request=e30')
    expect(out.map((c) => [c.scheme, c.params.id, c.broken])).toEqual([
      ['Payment', 'bad', 'unterminated quote in id'],
      ['Payment', 'good', undefined],
    ])
    expect(out[1]!.params).toEqual({ id: 'good', realm: 'api', method: 'stripe', intent: 'charge', request: 'e30' })
  })

  test('a duplicate parameter breaks only its own challenge', () => {
    const out = parseAuthenticate(`Payment id="a", id="b", ${stripe}`)
    expect(out[0]).toMatchObject({ broken: 'duplicate parameter id', params: { id: 'a' } })
    expect(out[1]).toMatchObject({ text: stripe })
    expect(out[1]!.broken).toBeUndefined()
  })

  test('garbage where a scheme should be is skipped, marked, and the rest survives', () => {
    const out = parseAuthenticate(`"quoted junk", ===, ${stripe}, @@@`)
    expect(out.map((c) => [c.scheme, c.broken, c.text])).toEqual([
      ['', 'not a challenge', '"quoted junk"'],
      ['', 'not a challenge', '==='],
      ['Payment', undefined, stripe],
      ['', 'not a challenge', '@@@'],
    ])
  })

  test('junk after a param value breaks the challenge at that point only', () => {
    const out = parseAuthenticate(`Payment id="a" trailing stuff, realm="r", ${stripe}`)
    expect(out[0]).toMatchObject({ scheme: 'Payment', broken: 'unexpected characters', params: { id: 'a', realm: 'r' } })
    expect(out[1]).toMatchObject({ text: stripe })
    expect(out[1]!.broken).toBeUndefined()
  })

  test('never throws on arbitrary input', () => {
    const samples = ['"', '\\', '=', 'a=', 'a="', 'Payment a="\\', ',,,', 'Payment ,', '\u0000\u0001', 'Payment id="x" "y"']
    for (const s of samples) expect(() => parseAuthenticate(s)).not.toThrow()
    expect(parseAuthenticate('Payment a="\\')[0]!.broken).toBe('unterminated quote in a')
  })

  test('a header larger than the limit is not parsed', () => {
    const out = parseAuthenticate(`${stripe}, Payment id="x", description="${'a'.repeat(maxAuthenticateLength)}"`)
    expect(out).toEqual([{ scheme: '', params: {}, text: '', broken: 'header too large' }])
  })
})

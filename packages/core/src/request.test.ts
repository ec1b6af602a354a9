import { afterEach, describe, expect, test, vi } from 'vitest'
import { initFor, maxBufferedBody, RequestBodyError, toPaidRequest } from './request'

const url = 'https://api.example.test/summarize?lang=en'

const bytesOf = async (init: RequestInit) => new Uint8Array(await new Response(init.body ?? null).arrayBuffer())
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('toPaidRequest', () => {
  test('a plain GET', async () => {
    const r = await toPaidRequest(url)
    expect(r.url).toBe(url)
    expect(r.method).toBe('GET')
    expect(r.origin).toBe('https://api.example.test')
    expect(r.init.method).toBe('GET')
    expect(r.init.body).toBeNull()
    expect(r.key).toBe(`GET ${url} `)
    expect(Object.isFrozen(r)).toBe(true)
  })

  test('a URL object and a lower-case method', async () => {
    const r = await toPaidRequest(new URL('https://api.example.test/a/../b'), { method: 'delete' })
    expect([r.url, r.method, r.init.method]).toEqual(['https://api.example.test/b', 'DELETE', 'DELETE'])
  })

  test('a relative URL resolves against the page', async () => {
    vi.stubGlobal('location', { href: 'https://shop.example.test/articles/1' })
    const r = await toPaidRequest('/api/photo')
    expect([r.url, r.origin]).toEqual(['https://shop.example.test/api/photo', 'https://shop.example.test'])
  })

  test.each([['GET'], ['HEAD'], ['get']])('%s with a body is refused', async (method) => {
    await expect(toPaidRequest(url, { method, body: 'x' })).rejects.toThrow(new RequestBodyError(`A ${method.toUpperCase()} request cannot have a body`))
  })

  test('a string body stays a string and is part of the key', async () => {
    const body = JSON.stringify({ text: 'hello' })
    const r = await toPaidRequest(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } })
    expect(r.init.body).toBe(body)
    expect(new Headers(r.init.headers).get('content-type')).toBe('application/json')
    expect(r.key).toBe(`POST ${url} ${body}`)
  })

  test('a long string body is hashed in the key', async () => {
    const a = await toPaidRequest(url, { method: 'POST', body: 'a'.repeat(300) })
    const b = await toPaidRequest(url, { method: 'POST', body: `${'a'.repeat(299)}b` })
    expect(a.key).toMatch(/^POST https:\/\/api\.example\.test\/summarize\?lang=en [0-9a-z]+$/)
    expect(a.key.length).toBeLessThan(80)
    expect(a.key).not.toBe(b.key)
    expect((await toPaidRequest(url, { method: 'POST', body: 'a'.repeat(300) })).key).toBe(a.key)
  })

  test('FormData is serialized once: same bytes and boundary on every send', async () => {
    const form = new FormData()
    form.set('title', 'Lighthouse')
    form.set('file', new Blob(['PNG…'], { type: 'image/png' }), 'photo.png')
    const r = await toPaidRequest(url, { method: 'POST', body: form })
    const type = new Headers(r.init.headers).get('content-type')!
    expect(type).toMatch(/^multipart\/form-data; boundary=/)
    const boundary = type.split('boundary=')[1]!
    const first = await bytesOf(initFor(r))
    const second = await bytesOf(initFor(r))
    expect(second).toEqual(first)
    expect(text(first)).toContain(`--${boundary}`)
    expect(text(first)).toContain('name="title"\r\n\r\nLighthouse')
    expect(text(first)).toContain('filename="photo.png"\r\nContent-Type: image/png\r\n\r\nPNG…')
    expect(r.key).toMatch(new RegExp(`^POST ${url.replace(/[?.]/g, '\\$&')} ${first.byteLength}:[0-9a-z]+$`))
  })

  test('Blob, Uint8Array, ArrayBuffer, URLSearchParams and a stream become bytes', async () => {
    const blob = await toPaidRequest(url, { method: 'PUT', body: new Blob(['{"a":1}'], { type: 'application/json' }) })
    expect(new Headers(blob.init.headers).get('content-type')).toBe('application/json')
    expect(text(await bytesOf(blob.init))).toBe('{"a":1}')

    const raw = new Uint8Array([0, 1, 2, 255])
    const u8 = await toPaidRequest(url, { method: 'POST', body: raw })
    expect(await bytesOf(u8.init)).toEqual(raw)
    expect(new Headers(u8.init.headers).has('content-type')).toBe(false)

    const ab = await toPaidRequest(url, { method: 'POST', body: raw.buffer })
    expect(await bytesOf(ab.init)).toEqual(raw)
    expect(ab.key).toBe(u8.key)

    const params = await toPaidRequest(url, { method: 'POST', body: new URLSearchParams({ q: 'a b' }) })
    expect(new Headers(params.init.headers).get('content-type')).toBe('application/x-www-form-urlencoded;charset=UTF-8')
    expect(text(await bytesOf(params.init))).toBe('q=a+b')

    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode('chunk1,'))
        c.enqueue(new TextEncoder().encode('chunk2'))
        c.close()
      },
    })
    const streamed = await toPaidRequest(url, { method: 'POST', body: stream, duplex: 'half' } as RequestInit)
    expect(text(await bytesOf(streamed.init))).toBe('chunk1,chunk2')
    expect(text(await bytesOf(streamed.init))).toBe('chunk1,chunk2')
    expect('duplex' in streamed.init).toBe(false)
  })

  test('an explicit content type wins over the body type', async () => {
    const r = await toPaidRequest(url, { method: 'POST', body: new Blob(['x'], { type: 'text/plain' }), headers: { 'Content-Type': 'application/x-custom' } })
    expect(new Headers(r.init.headers).get('content-type')).toBe('application/x-custom')
  })

  test('different bodies have different keys; equal bodies the same', async () => {
    const a = await toPaidRequest(url, { method: 'POST', body: new Uint8Array([1, 2, 3]) })
    const b = await toPaidRequest(url, { method: 'POST', body: new Uint8Array([1, 2, 4]) })
    const c = await toPaidRequest(url, { method: 'POST', body: new Uint8Array([1, 2, 3]) })
    expect(a.key).not.toBe(b.key)
    expect(a.key).toBe(c.key)
    expect((await toPaidRequest(url, { method: 'PUT', body: new Uint8Array([1, 2, 3]) })).key).not.toBe(a.key)
  })

  test('a Request object: method, headers and body are kept (mppx would lose them)', async () => {
    const input = new Request(url, { method: 'POST', body: '{"text":"hi"}', headers: { 'content-type': 'application/json', 'x-trace': '1' } })
    const r = await toPaidRequest(input)
    expect(r.method).toBe('POST')
    const headers = new Headers(r.init.headers)
    expect(headers.get('content-type')).toBe('application/json')
    expect(headers.get('x-trace')).toBe('1')
    expect(text(await bytesOf(r.init))).toBe('{"text":"hi"}')
    expect(input.bodyUsed).toBe(false)
    expect(r.init.signal).toBe(input.signal)
  })

  test('init overrides a Request object', async () => {
    const input = new Request(url, { method: 'POST', body: 'original', headers: { 'x-a': '1' } })
    const r = await toPaidRequest(input, { method: 'PUT', body: 'override' })
    expect(r.method).toBe('PUT')
    expect(r.init.body).toBe('override')
    expect(new Headers(r.init.headers).get('x-a')).toBe('1')
  })

  test('a body too large to replay is refused', async () => {
    await expect(toPaidRequest(url, { method: 'POST', body: new Uint8Array(maxBufferedBody + 1) })).rejects.toThrow(
      new RequestBodyError('The request body is too large to replay after payment'),
    )
  })
})

describe('initFor', () => {
  test('a fresh init each time; extra headers never leak into the request', async () => {
    const r = await toPaidRequest(url, { method: 'POST', body: 'x', headers: { 'x-a': '1' } })
    const paid = initFor(r, new Headers({ authorization: 'Payment abc' }))
    expect(new Headers(paid.headers).get('authorization')).toBe('Payment abc')
    expect(new Headers(paid.headers).get('x-a')).toBe('1')
    const plain = initFor(r)
    expect(new Headers(plain.headers).has('authorization')).toBe(false)
    expect(new Headers(r.init.headers).has('authorization')).toBe(false)
    expect(plain.headers).not.toBe(r.init.headers)
    expect([plain.method, plain.body]).toEqual(['POST', 'x'])
  })

  test('extra headers replace the request’s own', async () => {
    const r = await toPaidRequest(url, { headers: { authorization: 'Bearer app-token' } })
    expect(new Headers(initFor(r, new Headers({ authorization: 'L402 t:p' })).headers).get('authorization')).toBe('L402 t:p')
  })
})

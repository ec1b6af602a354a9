import { describe, expect, it } from 'vitest'
import { withPaymentCors } from './cors'

const paid = async () =>
  new Response('pay me', { status: 402, headers: { 'WWW-Authenticate': 'Payment id="x", realm="r", method="stripe", intent="charge", request="e30"' } })

describe('withPaymentCors', () => {
  it('lets an allowed origin read the challenge and receipt headers', async () => {
    const handler = withPaymentCors(paid, { origins: ['https://shop.example'] })
    const res = await handler(new Request('https://api.example/photo', { headers: { Origin: 'https://shop.example' } }))
    expect(res.status).toBe(402)
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('https://shop.example')
    expect(res.headers.get('Access-Control-Expose-Headers')).toBe('WWW-Authenticate, Payment-Receipt, PAYMENT-REQUIRED, PAYMENT-RESPONSE')
    expect(res.headers.get('Vary')).toContain('Origin')
    expect(res.headers.get('WWW-Authenticate')).toContain('Payment')
  })

  it('answers a preflight with the payment request headers', async () => {
    const handler = withPaymentCors(paid, { origins: '*', allowHeaders: ['Idempotency-Key'] })
    const res = await handler(
      new Request('https://api.example/photo', { method: 'OPTIONS', headers: { Origin: 'http://127.0.0.1:5173', 'Access-Control-Request-Method': 'GET' } }),
    )
    expect(res.status).toBe(204)
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('http://127.0.0.1:5173')
    expect(res.headers.get('Access-Control-Allow-Headers')).toBe('Authorization, Accept-Payment, PAYMENT-SIGNATURE, Content-Type, Idempotency-Key')
    expect(res.headers.get('Access-Control-Allow-Methods')).toContain('POST')
  })

  it('adds nothing for other origins, and compares whole origins', async () => {
    const handler = withPaymentCors(paid, { origins: ['https://shop.example'] })
    for (const origin of ['https://evil.example', 'https://shop.example.evil.test', 'http://shop.example']) {
      const res = await handler(new Request('https://api.example/photo', { headers: { Origin: origin } }))
      expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull()
      const pre = await handler(new Request('https://api.example/photo', { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' } }))
      expect(pre.headers.get('Access-Control-Allow-Origin')).toBeNull()
    }
  })

  it('passes same-origin requests through untouched and rejects a malformed origin list at startup', async () => {
    const res = await withPaymentCors(paid, { origins: ['https://shop.example'] })(new Request('https://api.example/photo'))
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull()
    expect(() => withPaymentCors(paid, { origins: ['shop.example'] })).toThrow()
  })

  it('can allow credentials', async () => {
    const res = await withPaymentCors(paid, { origins: (o) => o.endsWith('.shop.example'), credentials: true })(
      new Request('https://api.example/photo', { headers: { Origin: 'https://www.shop.example' } }),
    )
    expect(res.headers.get('Access-Control-Allow-Credentials')).toBe('true')
  })
})

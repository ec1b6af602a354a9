import { describe, expect, test } from 'vitest'
import { checkHandoffUrl, registrableDomain } from './url'

const reason = (url: unknown, allowLocalHttp = false) => {
  const check = checkHandoffUrl(url, { allowLocalHttp })
  return check.ok ? 'ok' : check.reason
}

describe('checkHandoffUrl', () => {
  test('an https checkout page passes, with its domain to show plainly', () => {
    expect(checkHandoffUrl('https://checkout.stripe.com/c/pay/cs_test_1')).toEqual({
      ok: true,
      href: 'https://checkout.stripe.com/c/pay/cs_test_1',
      origin: 'https://checkout.stripe.com',
      host: 'checkout.stripe.com',
      domain: 'stripe.com',
      warnings: [],
    })
  })

  test.each([
    ['javascript:alert(1)', '"javascript:" links are never opened: only https checkout pages are.'],
    ['JaVaScRiPt:alert(1)', '"javascript:" links are never opened: only https checkout pages are.'],
    ['data:text/html,<script>alert(1)</script>', '"data:" links are never opened: only https checkout pages are.'],
    ['vbscript:msgbox(1)', '"vbscript:" links are never opened: only https checkout pages are.'],
    ['file:///etc/passwd', '"file:" links are never opened: only https checkout pages are.'],
    ['blob:https://example.com/123', '"blob:" links are never opened: only https checkout pages are.'],
    ['ftp://example.com/pay', '"ftp:" links are never opened: only https checkout pages are.'],
    ['http://example.com/pay', 'The checkout page is not encrypted (http): only https checkout pages are opened.'],
    ['https://user:pass@example.com/pay', 'The checkout link carries a user name or password, a trick used to disguise where it goes.'],
    ['https://stripe.com@evil.example/pay', 'The checkout link carries a user name or password, a trick used to disguise where it goes.'],
    ['/checkout/session_1', 'The checkout link is not a complete web address.'],
    ['https://exa mple.com/', 'The checkout link contains hidden or blank characters.'],
    ['https://example.com/\u202epay', 'The checkout link contains hidden or blank characters.'],
    ['', 'The checkout link is missing.'],
    [42, 'The checkout link is missing.'],
    [`https://example.com/${'a'.repeat(5000)}`, 'The checkout link is too long to be genuine.'],
  ])('%s is refused', (url, why) => {
    expect(reason(url)).toBe(why)
  })

  test('http is allowed only for localhost / 127.0.0.1 / [::1], and only in development', () => {
    expect(reason('http://127.0.0.1:8402/ucap/checkout/s1')).toBe('The checkout page is on http://localhost, which is allowed only in development.')
    expect(reason('http://127.0.0.1:8402/ucap/checkout/s1', true)).toBe('ok')
    expect(reason('http://localhost:8402/x', true)).toBe('ok')
    expect(reason('http://[::1]:8402/x', true)).toBe('ok')
    expect(reason('http://127.0.0.1.evil.example/x', true)).toBe('The checkout page is not encrypted (http): only https checkout pages are opened.')
    expect(reason('http://10.0.0.1/x', true)).toBe('The checkout page is not encrypted (http): only https checkout pages are opened.')
  })

  test('look-alikes pass with a warning and the real domain', () => {
    const idn = checkHandoffUrl('https://pаypal.com/checkout') // Cyrillic "а"
    expect(idn).toMatchObject({ ok: true, host: 'xn--pypal-4ve.com', domain: 'xn--pypal-4ve.com' })
    expect(idn.ok && idn.warnings[0]).toMatch(/international characters \(shown as xn--pypal-4ve\.com\)/)
    const nested = checkHandoffUrl('https://checkout.stripe.com.pay-now.example/s/1')
    expect(nested).toMatchObject({ ok: true, domain: 'pay-now.example' })
    expect(nested.ok && nested.warnings).toEqual(["Another site's name appears inside this address; the site is really pay-now.example."])
    const ip = checkHandoffUrl('https://203.0.113.9/pay')
    expect(ip.ok && ip.warnings).toEqual(['The address is a bare IP number, not a named site.'])
    const digits = checkHandoffUrl('https://paypa1.com/pay')
    expect(digits.ok && digits.warnings).toEqual(['Check the spelling of paypa1.com: digits in a name can stand in for letters.'])
  })

  test('registrableDomain keeps one label below a public suffix', () => {
    expect(registrableDomain('checkout.example.com')).toBe('example.com')
    expect(registrableDomain('pay.shop.example.co.uk')).toBe('example.co.uk')
    expect(registrableDomain('example.com')).toBe('example.com')
  })
})

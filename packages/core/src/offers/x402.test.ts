import { Mppx as ServerMppx, evm } from 'mppx/server'
import { describe, expect, it } from 'vitest'
import { createPolicy } from '../policy'
import { readReceiptHeader } from '../receipts'
import { readPaymentRequired } from './detect'
import { samePayment, x402FromBody, x402FromHeader, x402SingleOfferResponse, type X402Source } from './x402'

const token = '0x5FbDB2315678afecb367f032d93F642f64180aa3'
const recipient = '0xa0Ee7A142d267C1f36714E4a8F75612F20a79720'
const server = ServerMppx.create({
  realm: 'test.local',
  secretKey: 'x402-detect-test-secret-key-0123456789abcdef',
  methods: [evm.charge({ chainId: 31337, currency: token, decimals: 6, recipient, authorization: { name: 'Test USD', version: '1' }, settle: async () => ({ reference: '0xabc' }) })],
})

/** A real mppx 402 that offers the same payment over MPP (WWW-Authenticate) and x402 (PAYMENT-REQUIRED). */
async function both(): Promise<Response> {
  const result = await server['evm/charge']({ amount: '0.05' })(new Request('http://127.0.0.1/photo'))
  if (result.status !== 402) throw new Error('expected a 402')
  return result.challenge
}
const b64 = (value: unknown) => btoa(JSON.stringify(value))
const entry = { scheme: 'exact', network: 'eip155:8453', amount: '10000', asset: token, payTo: recipient, maxTimeoutSeconds: 60, extra: { name: 'USD Coin', version: '2' } }

describe('x402 detection', () => {
  it('shows a payment offered over MPP evm and x402 once, keeping the MPP offer', async () => {
    const read = await readPaymentRequired(await both())
    expect(read.offers.map((o) => `${o.protocol}:${o.method}`)).toEqual(['mpp:evm'])
    expect(read.offers[0]!.amount).toMatchObject({ value: 50_000n, decimals: 6 })
  })

  it('reads an x402-only 402, amount in base units when the server gives no decimals', async () => {
    const only = new Response(null, { status: 402, headers: { 'PAYMENT-REQUIRED': (await both()).headers.get('PAYMENT-REQUIRED')! } })
    const read = await readPaymentRequired(only)
    expect(read.offers).toHaveLength(1)
    expect(read.offers[0]).toMatchObject({ id: 'x402:0', protocol: 'x402', method: 'evm', recipient, amount: { value: 50_000n, decimals: 0, symbol: 'base units (0x5FbD…0aa3)' } })
    expect(read.offers[0]!.request.chainId).toBe(31337)
  })

  it('uses extra.decimals and symbol when the server sends them', () => {
    const [offer] = x402FromHeader(b64({ x402Version: 2, resource: { url: 'https://a.example/q' }, accepts: [{ ...entry, extra: { ...entry.extra, decimals: 6, symbol: 'USDC' } }] }))
    expect(offer).toMatchObject({ amount: { value: 10_000n, decimals: 6, symbol: 'USDC' } })
  })

  it('reads a v1 body (maxAmountRequired)', () => {
    const offers = x402FromBody({ x402Version: 1, accepts: [{ ...entry, amount: undefined, maxAmountRequired: '2500' }] })
    expect(offers[0]).toMatchObject({ protocol: 'x402', amount: { value: 2500n }, source: { version: 1 } })
    expect(x402FromBody({ error: 'nope' })).toEqual([])
  })

  it('turns malformed input into rejected offers, never a throw', async () => {
    const bad = [
      '%%%',
      b64({ x402Version: 2 }),
      b64({ x402Version: 3, accepts: [] }),
      b64({ x402Version: 2, accepts: [{ ...entry, network: 'solana:mainnet' }] }),
      b64({ x402Version: 2, accepts: [{ ...entry, amount: '1.5' }] }),
      b64({ x402Version: 2, accepts: [{ ...entry, payTo: 'alice' }] }),
      b64({ x402Version: 2, accepts: [{ ...entry, scheme: 'upto' }] }),
      b64({ x402Version: 2, accepts: ['x'] }),
    ]
    for (const header of bad) {
      const read = await readPaymentRequired(new Response(null, { status: 402, headers: { 'PAYMENT-REQUIRED': header } }))
      expect(read.offers, header).toHaveLength(0)
      expect(read.rejected[0]?.protocol, header).toBe('x402')
    }
  })

  it('keeps an x402 offer that differs from the MPP one (another amount is another payment)', () => {
    const [a] = x402FromHeader(b64({ x402Version: 2, resource: { url: 'https://a.example' }, accepts: [entry] }))
    const [b] = x402FromHeader(b64({ x402Version: 2, resource: { url: 'https://a.example' }, accepts: [{ ...entry, amount: '10001' }] }))
    const [c] = x402FromHeader(b64({ x402Version: 2, resource: { url: 'https://a.example' }, accepts: [{ ...entry, network: 'eip155:1' }] }))
    expect(samePayment(a as never, a as never)).toBe(true)
    expect(samePayment(a as never, b as never)).toBe(false)
    expect(samePayment(a as never, c as never)).toBe(false)
  })

  it('builds the one-offer 402 mppx signs from: only the chosen entry', () => {
    const header = b64({ x402Version: 2, resource: { url: 'https://a.example' }, accepts: [entry, { ...entry, amount: '7' }] })
    const second = x402FromHeader(header)[1] as { source: X402Source }
    const single = x402SingleOfferResponse(second.source)
    const decoded = JSON.parse(atob(single.headers.get('PAYMENT-REQUIRED')!))
    expect(decoded.accepts).toEqual([{ ...entry, amount: '7' }])
    expect(single.headers.get('www-authenticate')).toBeNull()
  })

  it('applies the policy’s recipient and currency lists to x402 offers', () => {
    const [offer] = x402FromHeader(b64({ x402Version: 2, resource: { url: 'https://a.example' }, accepts: [entry] }))
    expect(createPolicy({ allowedRecipients: ['0x0000000000000000000000000000000000000001'] }).check(offer as never, 'https://a.example').kind).toBe('refuse')
    expect(createPolicy({ allowedCurrencies: [token.toLowerCase()] }).check(offer as never, 'https://a.example').kind).not.toBe('refuse')
  })

  it('reads PAYMENT-RESPONSE as a receipt when there is no Payment-Receipt', () => {
    const response = new Response(null, { headers: { 'PAYMENT-RESPONSE': b64({ success: true, transaction: '0xfeed', network: 'eip155:31337' }) } })
    expect(readReceiptHeader(response)).toMatchObject({ method: 'evm', reference: '0xfeed', status: 'success' })
    expect(readReceiptHeader(new Response(null, { headers: { 'PAYMENT-RESPONSE': b64({ success: false }) } }))).toBeUndefined()
  })
})

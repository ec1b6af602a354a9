import { randomBytes } from 'node:crypto'
import bolt11 from 'bolt11'
import { Challenge } from 'mppx'
import { describe, expect, it } from 'vitest'
import { getJson, invoiceOf, payInvoice, useDevnet } from './support'

const devnet = useDevnet()

describe('test Lightning wallet', () => {
  it('pays an invoice once, refuses the second payment and debits the balance', async () => {
    const [offer] = Challenge.fromResponseList(await fetch(`${devnet.url}/api/photo`))
    const invoice = invoiceOf(offer!)

    const first = await payInvoice(devnet.url, invoice)
    expect(first.status).toBe(200)
    expect(first.body).toEqual({ preimage: expect.stringMatching(/^[0-9a-f]{64}$/), paymentHash: expect.any(String), amountSats: 100 })
    expect(await getJson(`${devnet.url}/devnet/lightning/wallet`)).toEqual({ balanceSats: 999_900 })

    const second = await payInvoice(devnet.url, invoice)
    expect(second).toMatchObject({ status: 409, body: { code: 'already_paid' } })
  })

  it('refuses invoices it did not issue', async () => {
    const foreign = bolt11.sign(
      bolt11.encode({
        network: { bech32: 'bcrt', pubKeyHash: 0x6f, scriptHash: 0xc4, validWitnessVersions: [0] },
        satoshis: 100,
        timestamp: Math.floor(Date.now() / 1000),
        tags: [
          { tagName: 'payment_hash', data: randomBytes(32).toString('hex') },
          { tagName: 'payment_secret', data: randomBytes(32).toString('hex') },
          { tagName: 'description', data: 'not from devnet' },
        ],
      }),
      randomBytes(32).toString('hex'),
    ).paymentRequest!
    expect(await payInvoice(devnet.url, foreign)).toMatchObject({ status: 404, body: { code: 'unknown_invoice' } })
    expect(await payInvoice(devnet.url, 'lnbcrt-garbage')).toMatchObject({ status: 404, body: { code: 'unknown_invoice' } })
  })

  it('serves a WebLN provider with the devnet origin baked in, and a wallet page', async () => {
    const script = await fetch(`${devnet.url}/devnet/webln.js`)
    expect(script.headers.get('content-type')).toContain('application/javascript')
    const source = await script.text()
    expect(source).toContain(JSON.stringify(devnet.url))
    expect(source).toContain('data-devnet-badge')
    expect(source).not.toMatch(/console\./)

    const page = await fetch(`${devnet.url}/devnet/wallet`)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(await page.text()).toContain('Devnet test Lightning wallet')
  })
})

describe('WebLN provider script', () => {
  /** Runs the script against a minimal window/document: enough to drive the provider without a browser. */
  async function loadProvider() {
    const source = await (await fetch(`${devnet.url}/devnet/webln.js`)).text()
    const appended: Array<{ attributes: Record<string, string>; textContent: string }> = []
    const document = {
      body: { appendChild: (node: (typeof appended)[number]) => appended.push(node) },
      querySelector: () => null,
      addEventListener: () => {},
      createElement: () => {
        const attributes: Record<string, string> = {}
        return { attributes, textContent: '', style: {}, setAttribute: (k: string, v: string) => (attributes[k] = v) }
      },
    }
    const window: Record<string, any> = { dispatchEvent: () => true }
    new Function('window', 'document', 'fetch', 'Event', source)(window, document, fetch, Event)
    return { webln: window.webln, hooks: window.__devnetWebln, badge: appended[0] }
  }

  it('pays through the test wallet, honours rejectNext, and shows its badge', async () => {
    const { webln, hooks, badge } = await loadProvider()
    expect(badge).toMatchObject({ attributes: { 'data-devnet-badge': '' }, textContent: '\u26A1 devnet test wallet' })
    await expect(webln.getInfo()).resolves.toMatchObject({ node: { alias: 'devnet test wallet' } })

    const [offer] = Challenge.fromResponseList(await fetch(`${devnet.url}/api/photo`))
    await expect(webln.sendPayment(invoiceOf(offer!))).rejects.toThrow('enabled')
    await webln.enable()

    hooks.rejectNext = true
    await expect(webln.sendPayment(invoiceOf(offer!))).rejects.toThrow('User rejected the payment')
    expect(hooks.rejectNext).toBe(false)

    const { preimage } = await webln.sendPayment(invoiceOf(offer!))
    expect(preimage).toMatch(/^[0-9a-f]{64}$/)
    await expect(webln.sendPayment(invoiceOf(offer!))).rejects.toThrow('already paid')
    expect(hooks.calls).toBe(4)
  })
})

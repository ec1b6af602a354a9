import { describe, expect, it } from 'vitest'
import { client, getJson, invoiceOf, payInvoice, prepare, useDevnet } from './support'

const devnet = useDevnet()

describe('challenge expiry', () => {
  it('refuses credentials for expired challenges and pays no expired invoice', async () => {
    const config = (body: object) =>
      fetch(`${devnet.url}/devnet/config`, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.json())
    expect(await config({ challengeTtlSeconds: 1 })).toMatchObject({ challengeTtlSeconds: 1 })

    const url = `${devnet.url}/api/photo`
    const lightning = await prepare(await fetch(url), 'lightning')
    const paid = await payInvoice(devnet.url, invoiceOf(lightning.challenge))
    const credits = await prepare(await fetch(url), 'credits')
    const unpaidInvoice = invoiceOf((await prepare(await fetch(url), 'lightning')).challenge)
    // Credentials are made before the wait: mppx's client itself refuses to sign an expired challenge.
    const attempts = [
      lightning.setCredential({}, await lightning.createCredential({ preimage: paid.body.preimage as string })),
      credits.setCredential({}, await credits.createCredential({ account: 'demo', pin: '4242' })),
    ]
    await new Promise((r) => setTimeout(r, 1100))

    for (const init of attempts) {
      const res = await client.rawFetch(url, init)
      expect(res.status).toBe(402)
      expect((await res.json()).type).toBe('https://paymentauth.org/problems/payment-expired')
    }
    expect((await getJson(`${devnet.url}/devnet/credits/demo`)).balance).toBe(1000)
    expect(await payInvoice(devnet.url, unpaidInvoice)).toMatchObject({ status: 410, body: { code: 'expired' } })

    expect(await config({ challengeTtlSeconds: 300 })).toMatchObject({ challengeTtlSeconds: 300 })
    expect(await config({ challengeTtlSeconds: -1 })).toMatchObject({ code: 'bad_config' })
  })
})

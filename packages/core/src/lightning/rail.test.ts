import { Challenge, Credential } from 'mppx'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { paymentHeader } from '../../test/challenges'
import { makeInvoice, preimageFor, type TestInvoice } from '../../test/invoices'
import { readPaymentRequired } from '../offers/detect'
import type { Offer } from '../offers/offer'
import { RailError } from '../rail'
import { findWebLN, isLightningOffer, lightningChargeClient, lightningRailCore, type WebLNProvider } from './rail'

const signal = new AbortController().signal

async function offerFor(inv: TestInvoice, amount = String(inv.sats)): Promise<Offer> {
  const header = paymentHeader({
    id: 'ch_ln',
    method: 'lightning',
    request: { amount, currency: 'BTC', methodDetails: { invoice: inv.invoice, paymentHash: inv.paymentHash, network: 'regtest' } },
  })
  const [offer] = (await readPaymentRequired(new Response(null, { status: 402, headers: { 'www-authenticate': header } }))).offers
  return offer!
}

function wallet(answer: (invoice: string) => Promise<{ preimage: string }>) {
  const calls: string[] = []
  let enabled = 0
  const provider: WebLNProvider = {
    enable: async () => void enabled++,
    sendPayment: async (invoice) => {
      calls.push(invoice)
      return answer(invoice)
    },
  }
  return { provider, calls, enabled: () => enabled }
}

async function railError(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(RailError)
  return { code: (error as RailError).code, message: (error as RailError).message }
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('lightningRailCore', () => {
  const inv = makeInvoice({ sats: 100, seed: 'rail' })

  test('identity and accepted offers', async () => {
    const rail = lightningRailCore()
    expect([rail.id, rail.label, rail.methods]).toEqual(['lightning', 'Lightning', [lightningChargeClient]])
    const offer = await offerFor(inv)
    expect(rail.accepts(offer)).toBe(true)
    expect(isLightningOffer({ ...offer, protocol: 'l402' })).toBe(true)
    expect(isLightningOffer({ ...offer, method: 'stripe' })).toBe(false)
    expect(isLightningOffer({ ...offer, intent: 'session' })).toBe(false)
  })

  test('pays through WebLN with the exact invoice and returns the checked preimage', async () => {
    const w = wallet(async () => ({ preimage: inv.preimage.toUpperCase() }))
    const proof = await lightningRailCore({ webln: () => w.provider }).pay(await offerFor(inv), { via: 'webln' }, { signal })
    expect(proof).toEqual({ preimage: inv.preimage })
    expect(w.calls).toEqual([inv.invoice])
    expect(w.enabled()).toBe(1)
  })

  test('a pasted preimage is checked against the invoice', async () => {
    const rail = lightningRailCore({ webln: () => undefined })
    expect(await rail.pay(await offerFor(inv), { preimage: ` ${inv.preimage} ` }, { signal })).toEqual({ preimage: inv.preimage })
    expect(await railError(rail.pay(await offerFor(inv), { preimage: preimageFor('wrong') }, { signal }))).toEqual({
      code: 'invalid-input',
      message: 'That preimage does not belong to this invoice.',
    })
  })

  test('an invoice that disagrees with the challenge never reaches the wallet', async () => {
    const w = wallet(async () => ({ preimage: inv.preimage }))
    const offer = await offerFor(inv, '99')
    expect(await railError(lightningRailCore({ webln: () => w.provider }).pay(offer, { via: 'webln' }, { signal }))).toEqual({
      code: 'mismatch',
      message: 'The invoice asks for 100 sats but the price is 99 sats. It was not paid.',
    })
    expect(w.calls).toEqual([])
    expect(w.enabled()).toBe(0)
  })

  test('no wallet: unavailable', async () => {
    expect(await railError(lightningRailCore({ webln: () => undefined }).pay(await offerFor(inv), { via: 'webln' }, { signal }))).toEqual({
      code: 'unavailable',
      message: 'No Lightning browser wallet was found. Pay the invoice with any wallet and paste the preimage.',
    })
  })

  test('a wallet refusal is reported without anything that looks like a secret', async () => {
    const w = wallet(async () => {
      throw new Error(`User rejected; preimage ${inv.preimage} hash ${inv.paymentHash}`)
    })
    expect(await railError(lightningRailCore({ webln: () => w.provider }).pay(await offerFor(inv), { via: 'webln' }, { signal }))).toEqual({
      code: 'rejected',
      message: 'The wallet did not pay: User rejected; preimage … hash …',
    })
    const s = wallet(() => Promise.reject('plain string'))
    expect((await railError(lightningRailCore({ webln: () => s.provider }).pay(await offerFor(inv), { via: 'webln' }, { signal }))).message).toBe(
      'The wallet did not pay: plain string',
    )
  })

  test('a wallet answering a wrong or missing preimage is refused', async () => {
    const wrong = wallet(async () => ({ preimage: preimageFor('wrong') }))
    expect((await railError(lightningRailCore({ webln: () => wrong.provider }).pay(await offerFor(inv), { via: 'webln' }, { signal }))).message).toBe(
      'That preimage does not belong to this invoice.',
    )
    const none = wallet(async () => undefined as unknown as { preimage: string })
    expect((await railError(lightningRailCore({ webln: () => none.provider }).pay(await offerFor(inv), { via: 'webln' }, { signal }))).message).toBe(
      'A preimage is 64 hexadecimal characters.',
    )
  })

  test('defaults to window.webln', async () => {
    expect(findWebLN()).toBeUndefined()
    vi.stubGlobal('webln', { enable: async () => {} })
    expect(findWebLN()).toBeUndefined()
    const w = wallet(async () => ({ preimage: inv.preimage }))
    vi.stubGlobal('webln', w.provider)
    expect(findWebLN()).toBe(w.provider)
    expect(await lightningRailCore().pay(await offerFor(inv), { via: 'webln' }, { signal })).toEqual({ preimage: inv.preimage })
  })
})

describe('lightningChargeClient', () => {
  const challenge = Challenge.from({
    id: 'ch_1',
    realm: 'api.example.test',
    method: 'lightning',
    intent: 'charge',
    request: { amount: '100', currency: 'BTC', methodDetails: { invoice: 'lnbcrt1u1p' } },
  })

  test('the credential carries the preimage and echoes the challenge', async () => {
    const preimage = preimageFor('client')
    const credential = await lightningChargeClient.createCredential({ challenge, context: { preimage } } as never)
    expect(credential.startsWith('Payment ')).toBe(true)
    const parsed = Credential.deserialize<{ preimage: string }>(credential)
    expect(parsed.payload).toEqual({ preimage })
    expect(parsed.challenge.id).toBe('ch_1')
  })

  test.each([[undefined], [{ preimage: 'abc' }], [{ preimage: preimageFor('x').toUpperCase() }]])('refuses the context %j', async (context) => {
    expect(await railError(lightningChargeClient.createCredential({ challenge, context } as never))).toEqual({
      code: 'invalid-input',
      message: 'A preimage is 64 hexadecimal characters.',
    })
  })
})

import { Credential, Method } from 'mppx'
import * as z from 'zod/mini' // not `z` from 'mppx': see method.ts
import type { Offer } from '../offers/offer'
import { RailError, type Rail } from '../rail'
import { lightningCharge } from './method'

/** The subset of WebLN (webln.guide) the rail uses. */
export type WebLNProvider = {
  enable(): Promise<void>
  sendPayment(paymentRequest: string): Promise<{ preimage: string }>
}

/** What the Lightning panel hands the rail: pay through WebLN, or a preimage the person pasted. */
export type LightningInput = { readonly via: 'webln' } | { readonly preimage: string }

export type LightningRailOptions = {
  /** Where to find a WebLN provider; defaults to `window.webln`. */
  webln?: () => WebLNProvider | undefined
}

/** The mppx client half of `lightning/charge`: the credential is the (already checked) preimage. */
export const lightningChargeClient = Method.toClient(lightningCharge, {
  context: z.object({ preimage: z.string() }),
  async createCredential({ challenge, context }) {
    if (!context || !/^[0-9a-f]{64}$/.test(context.preimage)) throw new RailError('invalid-input', 'A preimage is 64 hexadecimal characters.')
    return Credential.serialize({ challenge, payload: { preimage: context.preimage } })
  },
})

export function findWebLN(): WebLNProvider | undefined {
  const candidate = (globalThis as { webln?: unknown }).webln
  return candidate && typeof (candidate as WebLNProvider).sendPayment === 'function' ? (candidate as WebLNProvider) : undefined
}

export function isLightningOffer(offer: Offer): boolean {
  return offer.method === 'lightning' && offer.intent === 'charge' && (offer.protocol === 'mpp' || offer.protocol === 'l402')
}

/**
 * Pays MPP `lightning/charge` and L402 offers. The invoice is decoded and compared with the
 * challenge before any wallet sees it, and the preimage is checked with sha256 before it is sent.
 */
export function lightningRailCore(options: LightningRailOptions = {}): Rail<LightningInput> {
  const getWebLN = options.webln ?? findWebLN
  return {
    id: 'lightning',
    label: 'Lightning',
    methods: [lightningChargeClient],
    accepts: isLightningOffer,
    async pay(offer, input) {
      const { checkInvoice, checkPreimage } = await import('./invoice')
      const invoice = checkInvoice(offer)
      let preimage: unknown
      if ('via' in input) {
        const webln = getWebLN()
        if (!webln) throw new RailError('unavailable', 'No Lightning browser wallet was found. Pay the invoice with any wallet and paste the preimage.')
        try {
          await webln.enable()
          preimage = (await webln.sendPayment(invoice.invoice))?.preimage
        } catch (error) {
          throw new RailError('rejected', `The wallet did not pay: ${safeMessage(error)}`)
        }
      } else preimage = input.preimage
      return { preimage: checkPreimage(preimage, invoice.paymentHash) }
    },
  }
}

/** A wallet's error text, shortened and stripped of anything that looks like a secret. */
function safeMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown error'
  return text.replace(/[0-9a-f]{32,}/gi, '…').slice(0, 160)
}

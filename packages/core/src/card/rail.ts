import { charge as stripeCharge } from 'mppx/stripe/client'
import { AmountError, formatMoney } from '../amount'
import type { Offer } from '../offers/offer'
import { RailError, type Rail } from '../rail'
import { stripeDecimals, stripeMinimum, toStripeAmount } from './amount'
import { explainCardRefusal } from './errors'
import { requestSharedPaymentToken, type CreateSharedPaymentToken, type TokenEndpointOptions } from './token'

/** What the card panel hands the rail: the PaymentMethod Stripe.js created from the form. */
export type CardInput = { readonly paymentMethod: string }

export type CardRailOptions = TokenEndpointOptions & {
  /** The app's Shared Payment Token endpoint (a URL) or a function that mints one. */
  createToken: CreateSharedPaymentToken
}

/** The parts of a `stripe/charge` offer Stripe Elements needs, checked. */
export type CardOffer = {
  /** In Stripe's smallest unit for the currency (what Elements and the API take). */
  readonly amount: number
  readonly currency: string
  readonly paymentMethodTypes: readonly string[]
  readonly networkId: string
}

export function isCardOffer(offer: Offer): boolean {
  return offer.protocol === 'mpp' && offer.method === 'stripe' && offer.intent === 'charge'
}

/**
 * Reads a `stripe/charge` offer for Elements. Throws an AmountError (with a sentence for a person)
 * when the offer cannot be paid safely: an unknown currency, decimals that differ from Stripe's
 * (the price shown would not be the price charged), an amount under Stripe's minimum, or missing
 * method details.
 */
export function readCardOffer(offer: Offer): CardOffer {
  const { amount } = offer
  const currency = amount.currency.toLowerCase()
  const decimals = stripeDecimals(currency)
  if (decimals === undefined) throw new AmountError(`Cards cannot pay in ${amount.symbol ?? amount.currency}.`)
  if (amount.decimals !== decimals)
    throw new AmountError(`This card price is not in ${currency.toUpperCase()}'s minor units (${amount.decimals} decimals, Stripe uses ${decimals}), so it cannot be paid safely.`)
  const minimum = stripeMinimum(currency)
  if (minimum && amount.value < minimum.value) throw new AmountError(`Card payments in ${currency.toUpperCase()} start at ${formatMoney(minimum)}.`)
  const details = offer.request.methodDetails as { networkId?: unknown; paymentMethodTypes?: unknown } | undefined
  const types = details?.paymentMethodTypes
  if (!Array.isArray(types) || types.length === 0 || types.length > 20 || !types.every((t) => typeof t === 'string' && /^[a-z_]{1,40}$/.test(t)))
    throw new AmountError('The card offer does not say which payment methods it accepts.')
  if (typeof details?.networkId !== 'string' || !details.networkId) throw new AmountError('The card offer has no Stripe network id.')
  return { amount: toStripeAmount(amount), currency, paymentMethodTypes: types, networkId: details.networkId }
}

/**
 * Pays MPP `stripe/charge` offers with a card (or another Stripe payment method the challenge
 * allows). The panel collects a PaymentMethod with Stripe Elements; this core turns it into a
 * Shared Payment Token through the app's endpoint, inside mppx's `stripe.charge` credential.
 */
export function cardRailCore(options: CardRailOptions): Rail<CardInput> {
  const { createToken } = options
  const mint =
    typeof createToken === 'function'
      ? createToken
      : (params: Parameters<Exclude<CreateSharedPaymentToken, string | URL>>[0]) => requestSharedPaymentToken(createToken, params, options)
  return {
    id: 'card',
    label: 'Card',
    methods: [
      stripeCharge({
        createToken: ({ paymentMethod, amount, currency, networkId, expiresAt, metadata, challenge }) =>
          mint({ paymentMethod: paymentMethod!, amount, currency, networkId, expiresAt, metadata, challenge }),
      }),
    ],
    accepts: isCardOffer,
    blockedReason(offer) {
      try {
        readCardOffer(offer)
        return undefined
      } catch (error) {
        return error instanceof AmountError ? error.message : 'This card offer cannot be paid.'
      }
    },
    explainRefusal: explainCardRefusal,
    async pay(offer, input) {
      try {
        readCardOffer(offer)
      } catch (error) {
        throw new RailError('mismatch', (error as Error).message)
      }
      const paymentMethod = input?.paymentMethod
      if (typeof paymentMethod !== 'string' || !/^pm_\w{1,200}$/.test(paymentMethod))
        throw new RailError('invalid-input', 'Stripe did not return a payment method. Check the card details and try again.')
      return { paymentMethod }
    },
  }
}

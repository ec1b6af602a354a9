import { readPaymentRequired, type Offer } from '@mppkit/core'
import type { Stripe } from '@stripe/stripe-js'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { Challenge } from 'mppx'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { cardRail } from '../card'
import { defaultMessages } from '../messages'
import { MppProvider } from '../MppProvider'
import CardPanel from './CardPanel'

afterEach(() => cleanup())

async function cardOffer(amount = '75'): Promise<Offer> {
  const header = Challenge.serialize(
    Challenge.from({
      id: `ch_card_${amount}`,
      realm: 'api.example.test',
      method: 'stripe',
      intent: 'charge',
      request: { amount, currency: 'usd', methodDetails: { networkId: 'internal', paymentMethodTypes: ['card', 'link'] } },
      description: 'Pay $99.00 (the description never sets the price)',
    }),
  )
  return (await readPaymentRequired(new Response(null, { status: 402, headers: { 'www-authenticate': header } }))).offers[0]!
}

/** The calls react-stripe-js and the panel make on Stripe.js, recorded; nothing more. */
function stubStripe(options: { validation?: string; createError?: string } = {}) {
  const calls = { elements: [] as unknown[], submit: 0, createPaymentMethod: 0 }
  const elements = {
    create: () => {
      const listeners: Record<string, Array<() => void>> = {}
      const element = {
        mount: (node: HTMLElement) => {
          node.append(Object.assign(document.createElement('div'), { textContent: 'stripe payment element' }))
          setTimeout(() => listeners.ready?.forEach((cb) => cb()), 0)
        },
        on: (name: string, cb: () => void) => void (listeners[name] ??= []).push(cb),
        off: () => {},
        update: () => {},
        destroy: () => {},
      }
      return element
    },
    update: () => {},
    submit: async () => {
      calls.submit++
      return options.validation ? { error: { type: 'validation_error', message: options.validation } } : {}
    },
  }
  const stripe = {
    elements: (opts: unknown) => {
      calls.elements.push(opts)
      return elements
    },
    createPaymentMethod: async ({ elements: given }: { elements: unknown }) => {
      calls.createPaymentMethod++
      expect(given).toBe(elements)
      await new Promise((r) => setTimeout(r, 20))
      return options.createError ? { error: { type: 'card_error', message: options.createError } } : { paymentMethod: { id: 'pm_test_123' } }
    },
    createToken: async () => ({}),
    confirmCardPayment: async () => ({}),
  }
  return { stripe: stripe as unknown as Stripe, calls }
}

function renderPanel(offer: Offer, stripe: Promise<Stripe | null>, submit = vi.fn()) {
  const loadStripe = vi.fn(() => stripe)
  const rail = cardRail({ stripe: 'pk_test_unused', createToken: '/spt' })
  render(
    <MppProvider rails={[rail]} sheet={false} theme="dark">
      <div data-mppkit="">
        <CardPanel offer={offer} status="authorizing" busy={false} submit={submit} messages={defaultMessages} loadStripe={loadStripe} />
      </div>
    </MppProvider>,
  )
  return { submit, loadStripe }
}

describe('CardPanel', () => {
  test('deferred Elements with the challenge’s amount, currency and method types; Pay hands the rail a payment method id', async () => {
    const { stripe, calls } = stubStripe()
    const { submit } = renderPanel(await cardOffer('75'), Promise.resolve(stripe))
    const pay = await screen.findByRole('button', { name: 'Pay $0.75' })
    expect(calls.elements[0]).toMatchObject({ mode: 'payment', amount: 75, currency: 'usd', paymentMethodTypes: ['card', 'link'], paymentMethodCreation: 'manual', appearance: expect.any(Object) })
    await waitFor(() => expect((pay as HTMLButtonElement).disabled).toBe(false))
    fireEvent.click(pay)
    fireEvent.click(pay) // a double click creates one payment method
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1))
    expect(submit).toHaveBeenCalledWith({ paymentMethod: 'pm_test_123' })
    expect(calls).toMatchObject({ submit: 1, createPaymentMethod: 1 })
    expect(document.body.innerHTML).not.toContain('pm_test_123')
  })

  test('validation errors show inline and nothing is created', async () => {
    const { stripe, calls } = stubStripe({ validation: 'Your card number is incomplete.' })
    const { submit } = renderPanel(await cardOffer(), Promise.resolve(stripe))
    const pay = await screen.findByRole('button', { name: 'Pay $0.75' })
    await waitFor(() => expect((pay as HTMLButtonElement).disabled).toBe(false))
    fireEvent.click(pay)
    expect((await screen.findByRole('alert')).textContent).toBe('Your card number is incomplete.')
    expect(calls.createPaymentMethod).toBe(0)
    expect(submit).not.toHaveBeenCalled()
  })

  test('Stripe.js that does not load says so', async () => {
    renderPanel(await cardOffer(), Promise.resolve(null))
    expect((await screen.findByRole('alert')).textContent).toContain(defaultMessages.cardUnavailable)
  })

  test('an offer under Stripe’s minimum is refused without loading Stripe.js', async () => {
    const { loadStripe } = renderPanel(await cardOffer('30'), new Promise(() => {}))
    expect((await screen.findByRole('alert')).textContent).toContain('Card payments in USD start at $0.50.')
    await act(async () => {})
    expect(loadStripe).not.toHaveBeenCalled()
  })
})

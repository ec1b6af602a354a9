import { formatMoney } from '@mppkit/core'
import { readCardOffer, type CardInput } from '@mppkit/core/card'
import type { Appearance, Stripe, StripeElementsOptionsMode, StripeError, StripePaymentElementOptions } from '@stripe/stripe-js'
import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js'
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type FormEvent } from 'react'
import { useMppContext } from '../context'
import { format, type Messages } from '../messages'
import type { RailPanelProps } from '../rail'
import { kitAppearance } from './appearance'

export type CardPanelProps = RailPanelProps<CardInput> & {
  /** Loads Stripe.js once per rail (see `stripeLoader`). */
  loadStripe: () => Promise<Stripe | null>
  /** Merged over the kit's appearance (e.g. your own fonts or rules). */
  appearance?: Appearance | undefined
  paymentElementOptions?: StripePaymentElementOptions | undefined
}

/**
 * Pays a `stripe/charge` offer with Stripe's Payment Element in deferred-intent mode: the
 * challenge's amount, currency and payment method types, `paymentMethodCreation: 'manual'`.
 * On Pay: `elements.submit()` (inline validation) → `stripe.createPaymentMethod({ elements })` →
 * the rail (token endpoint → mppx credential → retry). The amount is the challenge's, never the
 * description's; the panel never sees card numbers, only Stripe's `pm_…` id.
 */
export default function CardPanel({ offer, busy, submit, messages, locale, loadStripe, appearance: extra, paymentElementOptions }: CardPanelProps) {
  const card = useMemo(() => {
    try {
      return { value: readCardOffer(offer) }
    } catch (error) {
      return { problem: (error as Error).message }
    }
  }, [offer])
  // Stripe.js is fetched here, when a payable card offer is on screen, and never for one that is not.
  const [stripePromise] = useState(() => (card.value ? loadStripe() : undefined))
  const [loadFailed, setLoadFailed] = useState(false)
  useEffect(() => {
    let live = true
    stripePromise?.then(
      (stripe) => live && !stripe && setLoadFailed(true),
      () => live && setLoadFailed(true),
    )
    return () => {
      live = false
    }
  }, [stripePromise])
  const appearance = useKitAppearance(extra)

  const options = useMemo<StripeElementsOptionsMode | undefined>(
    () =>
      card.value && appearance.value
        ? {
            mode: 'payment',
            amount: card.value.amount,
            currency: card.value.currency,
            paymentMethodTypes: [...card.value.paymentMethodTypes],
            paymentMethodCreation: 'manual',
            appearance: appearance.value,
            loader: 'auto',
            ...(locale ? { locale: locale as StripeElementsOptionsMode['locale'] } : {}),
          }
        : undefined,
    [card.value, appearance.value, locale],
  )

  if (!card.value || !stripePromise || loadFailed)
    return (
      <div data-mppkit-part="notice" data-tone="error" role="alert">
        <p data-mppkit-part="notice-title">{messages.unavailable}</p>
        <p>{card.problem ?? messages.cardUnavailable}</p>
      </div>
    )

  return (
    <div data-mppkit-part="card" data-rail="card" ref={appearance.measure}>
      {options ? (
        <Elements stripe={stripePromise} options={options}>
          <CardForm amount={formatMoney(offer.amount, { locale })} busy={busy} submit={submit} messages={messages} paymentElementOptions={paymentElementOptions} />
        </Elements>
      ) : null}
    </div>
  )
}

function CardForm({
  amount,
  busy,
  submit,
  messages,
  paymentElementOptions,
}: {
  amount: string
  busy: boolean
  submit: (input: CardInput) => void
  messages: Messages
  paymentElementOptions?: StripePaymentElementOptions | undefined
}) {
  const stripe = useStripe()
  const elements = useElements()
  const [ready, setReady] = useState(false)
  const [checking, setChecking] = useState(false)
  const [formError, setFormError] = useState<string>()
  // A ref, not state: a double click must not start two payment methods before React re-renders.
  const working = useRef(false)

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (!stripe || !elements || working.current || busy) return
    working.current = true
    setChecking(true)
    setFormError(undefined)
    try {
      const checked = await elements.submit()
      if (checked.error) return setFormError(stripeErrorText(checked.error, messages))
      const created = await stripe.createPaymentMethod({ elements })
      if (created.error || !created.paymentMethod) return setFormError(stripeErrorText(created.error, messages))
      submit({ paymentMethod: created.paymentMethod.id })
    } catch {
      setFormError(messages.cardUnreachable)
    } finally {
      working.current = false
      setChecking(false)
    }
  }

  return (
    <form data-mppkit-part="card-form" onSubmit={onSubmit} noValidate>
      {!ready ? (
        <p data-mppkit-part="loading" role="status">
          <span data-mppkit-part="spinner" aria-hidden="true" /> {messages.cardLoading}
        </p>
      ) : null}
      <PaymentElement
        options={{ layout: 'tabs', ...paymentElementOptions }}
        onReady={() => setReady(true)}
        onLoadError={() => setFormError(messages.cardUnavailable)}
        onChange={() => formError && setFormError(undefined)}
      />
      {formError ? (
        <p data-mppkit-part="field-error" role="alert">
          {formError}
        </p>
      ) : null}
      <button type="submit" data-mppkit-part="primary" disabled={!ready || busy || checking}>
        {checking ? messages.cardChecking : format(messages.cardPay, { amount })}
      </button>
    </form>
  )
}

/** Stripe's own messages are written for people; a connection failure gets ours. */
function stripeErrorText(error: StripeError | undefined, messages: Messages): string {
  if (!error) return messages.cardUnavailable
  if (error.type === 'api_connection_error') return messages.cardUnreachable
  return error.message ?? messages.cardUnavailable
}

/**
 * The kit theme as a Stripe Appearance, measured from the panel's own element (so a theme set on
 * any ancestor applies) and re-measured when the provider's theme or the system scheme changes.
 */
function useKitAppearance(extra: Appearance | undefined) {
  const { theme } = useMppContext()
  const [node, setNode] = useState<HTMLElement | null>(null)
  const [value, setValue] = useState<Appearance>()
  const [scheme, setScheme] = useState(0)
  useEffect(() => {
    const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined
    const onChange = () => setScheme((n) => n + 1)
    media?.addEventListener('change', onChange)
    return () => media?.removeEventListener('change', onChange)
  }, [])
  useLayoutEffect(() => {
    if (!node) return
    const measured = kitAppearance(node)
    setValue({ ...measured, ...extra, variables: { ...measured.variables, ...extra?.variables }, rules: { ...measured.rules, ...extra?.rules } })
    // The page's own theme switch often sits on <html> or a wrapper: watch for attribute changes too.
    const observer = new MutationObserver(() => setScheme((n) => n + 1))
    for (let el: HTMLElement | null = node; el; el = el.parentElement) observer.observe(el, { attributes: true, attributeFilter: ['data-theme', 'class'] })
    return () => observer.disconnect()
  }, [node, theme, scheme, extra])
  return { value, measure: setNode }
}

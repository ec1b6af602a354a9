import { formatMoney, type Checkout, type PaymentReceipt } from '@mppkit/core'
import { memo, useCallback, useEffect, useState, type ReactNode } from 'react'
import { LazyCheckoutContent as CheckoutContent } from './LazyCheckoutContent'
import { rootAttributes, useMppContext } from './context'
import { LockIcon } from './LockIcon'
import { format } from './messages'
import { useCheckout } from './useCheckout'

export type PaidContent = {
  /** The paid response. Read its body once (or `.clone()` it first). */
  readonly response: Response
  /** Undefined when the server did not ask for payment. */
  readonly receipt: PaymentReceipt | undefined
}

export type PaymentGateProps = {
  /** What to unlock: a URL, or a URL with the fetch options (method, body, headers). */
  request: string | { url: string; init?: RequestInit }
  /** Rendered with the paid response once paid. */
  children: (paid: PaidContent) => ReactNode
  /** What a person sees while it is locked (a blurred image, a teaser). */
  preview?: ReactNode
  /** A short name of what is being unlocked, for the unlock button's label. */
  label?: string
}

/**
 * Drop-in paywall for one request: a locked preview with "Unlock for $0.05", the checkout inline
 * when clicked, then `children` with the paid response and a receipt link. Nothing is paid until
 * the person chooses and confirms; cancelling leaves it locked, ready to pay later.
 */
export function PaymentGate({ request, children, preview, label }: PaymentGateProps) {
  const { kit, theme, messages, locale } = useMppContext()
  const url = typeof request === 'string' ? request : request.url
  const init = typeof request === 'string' ? undefined : request.init
  const [checkout, setCheckout] = useState<Checkout>()
  const [expanded, setExpanded] = useState(false)
  const [showReceipt, setShowReceipt] = useState(false)
  const [attempt, setAttempt] = useState(0)
  const { state } = useCheckout(checkout)

  // One checkout per gate (and per "pay later" after a cancel); it asks the price straight away.
  useEffect(() => {
    let live = true
    let created: Checkout | undefined
    void kit.checkout(url, init).then((c) => {
      if (!live) return
      created = c
      setCheckout(c)
      c.start()
    })
    return () => {
      live = false
      // A hosted checkout's wait is cancelled too: nothing was sent from here, and it would poll on.
      const left = created?.getState()
      if (left && left.status !== 'paid' && (left.status !== 'submitting' || left.waiting)) created?.cancel()
    }
    // `init` is read when the checkout is created; pass a new `request` object to change it.
  }, [kit, url, attempt]) // eslint-disable-line react-hooks/exhaustive-deps

  const unlockLater = useCallback(() => {
    setCheckout(undefined) // the cancelled checkout is gone: show "checking the price" until the new one
    setExpanded(false)
    setAttempt((n) => n + 1)
  }, [])

  const status = state?.status ?? 'idle'
  // Cancelling leaves the gate locked, with a fresh price, ready to pay later.
  useEffect(() => {
    if (status === 'cancelled') unlockLater()
  }, [status, unlockLater])

  if (status === 'paid' && state?.response) {
    return (
      <div {...rootAttributes(theme)} data-mppkit-part="gate" data-state="unlocked">
        <PaidChildren response={state.response} receipt={state.receipt} render={children} />
        {state.receipt ? (
          <div data-mppkit-part="gate-receipt">
            <button type="button" data-mppkit-part="link" aria-expanded={showReceipt} onClick={() => setShowReceipt((v) => !v)}>
              {messages.viewReceipt}
            </button>
            {showReceipt && checkout ? <CheckoutContent checkout={checkout} state={state} hideCancel /> : null}
          </div>
        ) : null}
      </div>
    )
  }

  const available = state?.choices.filter((c) => !c.blocked) ?? []
  const headline = available[0]?.offer
  // A subscription says how often: "Unlock for $5.00 / month".
  const headlinePrice = headline
    ? headline.interval
      ? format(messages.handoffPerInterval, { amount: formatMoney(headline.amount, { locale }), interval: headline.interval })
      : formatMoney(headline.amount, { locale })
    : ''
  const locked = (!expanded && (status === 'choosing' || status === 'requesting' || status === 'idle')) || status === 'cancelled'
  const unlock = () => {
    setExpanded(true)
    // Only one way to pay at all: go straight to it (a refused offer stays visible with its reason).
    if (state?.choices.length === 1 && available.length === 1 && checkout) checkout.choose(available[0]!.offer.id)
  }

  return (
    <div {...rootAttributes(theme)} data-mppkit-part="gate" data-state={locked ? 'locked' : status}>
      {preview ? <div data-mppkit-part="gate-preview" aria-hidden={!locked}>{preview}</div> : null}
      {locked ? (
        <div data-mppkit-part="gate-lock">
          <button type="button" data-mppkit-part="unlock" disabled={!headline} onClick={unlock} aria-label={label && headline ? `${format(messages.unlockFor, { amount: headlinePrice })}: ${label}` : undefined}>
            <LockIcon />
            {headline ? format(messages.unlockFor, { amount: headlinePrice }) : messages.loading}
          </button>
          {available.length > 1 ? (
            <p data-mppkit-part="gate-hint">{available.length === 2 ? messages.otherWay : format(messages.otherWays, { count: available.length - 1 })}</p>
          ) : null}
        </div>
      ) : checkout && state ? (
        <CheckoutContent checkout={checkout} state={state} />
      ) : null}
    </div>
  )
}

/** Paid content renders once per response: later gate state changes do not re-render it. */
const PaidChildren = memo(function PaidChildren(props: { response: Response; receipt: PaymentReceipt | undefined; render: (paid: PaidContent) => ReactNode }) {
  return <>{props.render({ response: props.response, receipt: props.receipt })}</>
}, (a, b) => a.response === b.response)

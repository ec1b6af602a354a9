import { formatMoney, type Checkout, type CheckoutState } from '@mppkit/core'
import { Suspense, useId } from 'react'
import { AmountSummary } from './AmountSummary'
import { useMppContext } from './context'
import { ExpiryCountdown } from './ExpiryCountdown'
import { format } from './messages'
import { MethodList } from './MethodList'
import { ProblemNotice } from './ProblemNotice'
import { ReceiptCard } from './ReceiptCard'

export type CheckoutContentProps = {
  checkout: Checkout
  state: CheckoutState
  /** Id of the element that titles the checkout (for dialogs). */
  titleId?: string
  /** Called when the person is finished (Done after paid, or Close after cancel). */
  onDone?: () => void
  /** Hide the Cancel button (e.g. when the surrounding UI has its own). */
  hideCancel?: boolean
}

/**
 * Everything a checkout shows in one state: amount, choice, rail panel, problems and receipt.
 * The payment sheet and the inline gate both render this; it holds no state of its own.
 */
export function CheckoutContent({ checkout, state, titleId, onDone, hideCancel }: CheckoutContentProps) {
  const { messages, rails, locale } = useMppContext()
  const fallbackId = useId()
  const headingId = titleId ?? fallbackId
  const { status, selected } = state
  const offer = selected?.offer ?? state.choices.find((c) => !c.blocked)?.offer ?? state.choices[0]?.offer
  const rail = rails.find((r) => r.id === selected?.rail)
  const available = state.choices.filter((c) => !c.blocked)
  const canGoBack = status === 'authorizing' && available.length > 1
  const host = hostOf(state.request.url)

  return (
    <div data-mppkit-part="checkout" data-state={status} data-rail={selected?.rail}>
      <header data-mppkit-part="header">
        <h2 id={headingId} data-mppkit-part="title">
          {status === 'paid' ? messages.paidTitle : messages.title}
        </h2>
        <p data-mppkit-part="origin">{format(status === 'paid' ? messages.paidTo : messages.asks, { host })}</p>
      </header>

      {status === 'requesting' || status === 'idle' ? (
        <p data-mppkit-part="loading" role="status">
          <span data-mppkit-part="spinner" aria-hidden="true" /> {messages.loading}
        </p>
      ) : null}

      {offer && status !== 'requesting' && status !== 'idle' && status !== 'paid' ? <AmountSummary offer={offer} /> : null}

      {status === 'choosing' ? (
        <>
          {state.error ? <ProblemNotice title={messages.failedTitle} error={state.error} tone="warning" /> : null}
          <MethodList choices={state.choices} onChoose={checkout.choose} />
        </>
      ) : null}

      {(status === 'authorizing' || status === 'submitting') && selected && state.confirmation ? (
        <div data-mppkit-part="confirm" role="alertdialog" aria-labelledby={`${headingId}-confirm`}>
          <p id={`${headingId}-confirm`} data-mppkit-part="notice-title">
            {messages.confirmTitle}
          </p>
          <p>{state.confirmation.message}</p>
          <button type="button" data-mppkit-part="primary" onClick={checkout.confirm}>
            {format(messages.confirm, { amount: formatMoney(selected.offer.amount, { locale }) })}
          </button>
        </div>
      ) : null}

      {(status === 'authorizing' || status === 'submitting') && selected && !state.confirmation && rail ? (
        <div data-mppkit-part="rail-panel" aria-busy={status === 'submitting'}>
          {state.error ? <ProblemNotice title={messages.failedTitle} error={state.error} /> : null}
          <Suspense fallback={<p data-mppkit-part="loading"><span data-mppkit-part="spinner" aria-hidden="true" /> {messages.loading}</p>}>
            <rail.Panel
              offer={selected.offer}
              status={status}
              busy={status === 'submitting'}
              error={state.error}
              submit={checkout.submit}
              messages={messages}
              locale={locale}
            />
          </Suspense>
          {status === 'submitting' && !state.waiting ? (
            <p data-mppkit-part="loading" role="status">
              <span data-mppkit-part="spinner" aria-hidden="true" /> {messages.paying}
            </p>
          ) : null}
        </div>
      ) : null}

      {(status === 'choosing' || status === 'authorizing') && offer ? <ExpiryCountdown expires={(selected?.offer ?? offer).expires} /> : null}

      {status === 'paid' && state.receipt ? <ReceiptCard receipt={state.receipt} /> : null}

      {status === 'failed' ? (
        <ProblemNotice title={messages.failedTitle} problem={state.problem} error={state.error} diagnostics={state.diagnostics} />
      ) : null}
      {status === 'expired' ? (
        <ProblemNotice title={messages.expiredTitle} error={state.error?.code === 'expired' ? state.error : { code: 'policy', message: messages.expired }} tone="warning" />
      ) : null}
      {status === 'uncertain' ? <ProblemNotice title={messages.uncertainTitle} error={state.error} tone="warning" /> : null}
      {status === 'cancelled' ? <ProblemNotice title={messages.cancelledTitle} error={{ code: 'policy', message: messages.cancelled }} tone="info" /> : null}

      <footer data-mppkit-part="actions">
        {canGoBack ? (
          <button type="button" data-mppkit-part="secondary" onClick={checkout.back}>
            {messages.back}
          </button>
        ) : null}
        {status === 'failed' && (available.length > 0 || state.choices.length === 0) ? (
          <button type="button" data-mppkit-part="primary" onClick={checkout.retry}>
            {messages.tryAgain}
          </button>
        ) : null}
        {status === 'failed' && selected ? (
          // A refusal's fresh 402 offers only the way that was refused; a fresh price offers them all.
          <button type="button" data-mppkit-part="secondary" onClick={checkout.refresh}>
            {messages.payAnotherWay}
          </button>
        ) : null}
        {status === 'expired' ? (
          <button type="button" data-mppkit-part="primary" onClick={checkout.refresh}>
            {messages.refresh}
          </button>
        ) : null}
        {status === 'uncertain' ? (
          <button type="button" data-mppkit-part="primary" onClick={checkout.resume}>
            {messages.resume}
          </button>
        ) : null}
        {status === 'paid' || status === 'cancelled' ? (
          onDone ? (
            <button type="button" data-mppkit-part="primary" onClick={onDone}>
              {status === 'paid' ? messages.done : messages.close}
            </button>
          ) : null
        ) : hideCancel ? null : (
          <button type="button" data-mppkit-part="cancel" onClick={checkout.cancel} disabled={status === 'submitting' && !state.waiting}>
            {messages.cancel}
          </button>
        )}
      </footer>
    </div>
  )
}

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

import { formatMoney, type PaymentRequired } from '@mppkit/core'
import type { PaidToolCall, PaidToolCallState, PaymentLink, ToolReceipt, X402PaymentRequired } from '@mppkit/core/mcp'
import { useEffect, useState, useSyncExternalStore } from 'react'
import { CheckoutContent } from '../CheckoutContent'
import { rootAttributes, useMppContext } from '../context'
import { format } from '../messages'
import { ReceiptCard } from '../ReceiptCard'
import { defaultChatMessages, type ChatMessages } from './messages'

export type ChatPaymentCardProps = {
  call: PaidToolCall
  messages?: Partial<ChatMessages> | undefined
}

/** Follows a paid tool call's state (a thin binding; all behaviour lives in the call). */
export function usePaidToolCall(call: PaidToolCall): PaidToolCallState {
  return useSyncExternalStore(call.subscribe, call.getState, call.getState)
}

/**
 * A paid tool call in a chat transcript: which tool, which server, the amount and the ways to pay,
 * Approve / Decline, then the rail's panel (MPP) or the payment link (PayMCP, URL elicitation),
 * then the result's receipt. It never pays before Approve and opens a link only on a click.
 */
export function ChatPaymentCard({ call, messages: overrides }: ChatPaymentCardProps) {
  const state = usePaidToolCall(call)
  const { theme, locale, rails } = useMppContext()
  const m: ChatMessages = overrides ? { ...defaultChatMessages, ...overrides } : defaultChatMessages
  const vars = { tool: call.tool, server: call.server }
  const { status, prompt } = state
  const kind = prompt?.kind
  const offers = state.offers && state.offers.offers.length > 0 ? state.offers : undefined
  // MPP and x402 are paid by the page's rails; without one that accepts an offer there is nothing to approve.
  const payable = !offers || offers.offers.some((o) => rails.some((r) => r.accepts(o)))

  return (
    <article {...rootAttributes(theme)} data-mppkit-part="chat-card" data-state={status} data-kind={kind} aria-label={format(m.wantsPayment, vars)}>
      <header data-mppkit-part="chat-card-header">
        <p data-mppkit-part="chat-card-title">
          <code>{call.tool}</code> <span data-mppkit-part="origin">· {call.server}</span>
        </p>
      </header>

      {status === 'running' ? (
        <p data-mppkit-part="loading" role="status">
          <span data-mppkit-part="spinner" aria-hidden="true" /> {format(m.calling, vars)}
        </p>
      ) : null}

      {/* While paying, the checkout shows the amount itself. */}
      {prompt && (status === 'asking' || status === 'waiting' || status === 'confirming') ? (
        <dl data-mppkit-part="chat-card-facts">
          {offers ? <OfferFacts offers={offers} railFor={(o) => rails.find((r) => r.accepts(o))?.label} m={m} locale={locale} /> : null}
          {kind === 'x402' && !offers ? <X402Facts required={(prompt as { paymentRequired: X402PaymentRequired }).paymentRequired} m={m} /> : null}
          {!offers && kind !== 'x402' && state.price ? (
            <div>
              <dt>{m.price}</dt>
              <dd>
                <strong data-mppkit-part="amount">{formatMoney(state.price.money, { locale })}</strong>{' '}
                <span data-mppkit-part="hint">({m.priceClaim})</span>
              </dd>
            </div>
          ) : null}
        </dl>
      ) : null}

      {status === 'asking' && kind === 'x402' && (!offers || !payable) ? <p data-mppkit-part="notice" data-tone="warning">{m.x402NoRail}</p> : null}
      {status === 'asking' && kind === 'mpp' && !payable ? <p data-mppkit-part="notice" data-tone="warning">{m.noRailForOffers}</p> : null}

      {status === 'asking' ? (
        <footer data-mppkit-part="actions">
          {payable && (kind !== 'x402' || offers) ? (
            <button type="button" data-mppkit-part="primary" onClick={call.approve}>
              {kind === 'mpp' || kind === 'x402' ? m.approve : m.approveLink}
            </button>
          ) : null}
          <button type="button" data-mppkit-part="secondary" onClick={call.decline}>
            {m.decline}
          </button>
        </footer>
      ) : null}

      {status === 'paying' && state.checkout ? <InlineCheckout call={call} state={state} m={m} /> : null}

      {(status === 'waiting' || status === 'confirming') && state.link ? <LinkStep call={call} state={state} m={m} /> : null}

      {status === 'done' ? <Done call={call} state={state} m={m} /> : null}
      {status === 'declined' ? (
        <p data-mppkit-part="notice" data-tone="info" role="status">
          {m.declined}
        </p>
      ) : null}
      {status === 'failed' ? (
        <p data-mppkit-part="notice" data-tone="negative" role="alert">
          {m.failed}: {state.error}
        </p>
      ) : null}
    </article>
  )
}

function OfferFacts({ offers, railFor, m, locale }: { offers: PaymentRequired; railFor: (o: PaymentRequired['offers'][number]) => string | undefined; m: ChatMessages; locale?: string | undefined }) {
  return (
    <div>
      <dt>{m.railsOffered}</dt>
      <dd>
        <ul data-mppkit-part="chat-card-offers">
          {offers.offers.map((offer) => {
            const rail = railFor(offer)
            return (
              <li key={offer.id} data-rail={offer.method} data-available={rail ? 'true' : 'false'}>
                <strong data-mppkit-part="amount">{formatMoney(offer.amount, { locale })}</strong> · {rail ?? offer.method}
                {rail ? null : <span data-mppkit-part="hint"> ({m.noRail})</span>}
              </li>
            )
          })}
        </ul>
      </dd>
    </div>
  )
}

function X402Facts({ required, m }: { required: X402PaymentRequired; m: ChatMessages }) {
  const first = required.accepts[0]!
  // Token decimals are not in the requirement; a raw base-unit count is shown rather than guessed.
  return (
    <div>
      <dt>{m.amount}</dt>
      <dd>{format(m.x402Amount, { amount: String(first.amount ?? first.maxAmountRequired ?? '?'), asset: String((first.extra as { name?: string } | undefined)?.name ?? first.asset ?? '?'), network: first.network })}</dd>
    </div>
  )
}

function InlineCheckout({ call, state, m }: { call: PaidToolCall; state: PaidToolCallState; m: ChatMessages }) {
  const checkout = state.checkout!
  const checkoutState = useSyncExternalStore(checkout.subscribe, checkout.getState, checkout.getState)
  return (
    <div data-mppkit-part="chat-card-checkout">
      <CheckoutContent checkout={checkout} state={checkoutState} hideCancel />
      {checkoutState.status !== 'paid' && checkoutState.status !== 'submitting' ? (
        <footer data-mppkit-part="actions">
          <button type="button" data-mppkit-part="secondary" onClick={call.decline}>
            {m.decline}
          </button>
        </footer>
      ) : null}
    </div>
  )
}

function LinkStep({ call, state, m }: { call: PaidToolCall; state: PaidToolCallState; m: ChatMessages }) {
  const link = state.link!
  const kind = state.prompt?.kind
  // PROGRESS and URL elicitation (as a request) finish on their own once the server sees the payment.
  const serverWaits = kind === 'paymcp-progress' || (kind === 'url-elicitation' && state.prompt?.kind === 'url-elicitation' && state.prompt.from === 'request')
  const seconds = useSeconds(state.status === 'waiting' && serverWaits)
  const vars = { tool: call.tool, server: call.server, seconds: String(seconds) }
  if (!link.ok)
    return (
      <>
        <p data-mppkit-part="notice" data-tone="negative" role="alert">
          {format(m.unsafeLink, { reason: link.reason })}
        </p>
        <footer data-mppkit-part="actions">
          <button type="button" data-mppkit-part="secondary" onClick={call.decline}>
            {m.decline}
          </button>
        </footer>
      </>
    )
  return (
    <div data-mppkit-part="chat-card-link">
      <p>{kind === 'url-elicitation' ? format(m.elicitationConsent, vars) : m.linkIntro}</p>
      <FullUrl link={link} />
      {link.warnings.map((w) => (
        <p key={w} data-mppkit-part="notice" data-tone="warning">
          {w}
        </p>
      ))}
      {state.notice ? (
        <p data-mppkit-part="notice" data-tone="warning" role="status">
          {state.notice}
        </p>
      ) : null}
      {state.status === 'confirming' ? (
        <p data-mppkit-part="loading" role="status">
          <span data-mppkit-part="spinner" aria-hidden="true" /> {format(m.checking, vars)}
        </p>
      ) : serverWaits && state.linkOpened ? (
        <p data-mppkit-part="loading" role="status">
          <span data-mppkit-part="spinner" aria-hidden="true" /> {format(m.waitingServer, vars)}
        </p>
      ) : null}
      <footer data-mppkit-part="actions">
        <button type="button" data-mppkit-part={state.linkOpened ? 'secondary' : 'primary'} onClick={call.openLink} disabled={state.status !== 'waiting'}>
          {m.openLink} <span aria-hidden="true">↗</span>
        </button>
        {serverWaits ? null : (
          <button type="button" data-mppkit-part={state.linkOpened ? 'primary' : 'secondary'} onClick={call.confirmPaid} disabled={state.status !== 'waiting'}>
            {m.paidContinue}
          </button>
        )}
        <button type="button" data-mppkit-part="cancel" onClick={call.decline}>
          {m.decline}
        </button>
      </footer>
    </div>
  )
}

/** The whole URL, with its host emphasized; plain text, never a clickable link. */
function FullUrl({ link }: { link: PaymentLink }) {
  const at = link.href.indexOf(link.host)
  return (
    <p data-mppkit-part="chat-card-url" data-testid="payment-url">
      <code>
        {at < 0 ? (
          link.href
        ) : (
          <>
            {link.href.slice(0, at)}
            <strong data-mppkit-part="url-host">{link.host}</strong>
            {link.href.slice(at + link.host.length)}
          </>
        )}
      </code>
    </p>
  )
}

function Done({ call, state, m }: { call: PaidToolCall; state: PaidToolCallState; m: ChatMessages }) {
  const receipt = state.receipt
  if (!receipt) return null
  const vars = { tool: call.tool, server: call.server }
  return (
    <div data-mppkit-part="chat-card-done">
      {receipt.payment ? <ReceiptCard receipt={receipt.payment} /> : <ToolReceiptView receipt={receipt} m={m} server={call.server} />}
      <p data-mppkit-part="hint">{format(m.paid, vars)}</p>
    </div>
  )
}

function ToolReceiptView({ receipt, m, server }: { receipt: ToolReceipt; m: ChatMessages; server: string }) {
  return (
    <section data-mppkit-part="receipt" data-state={receipt.status} aria-label={format(m.receiptFrom, { server })}>
      <p data-mppkit-part="receipt-title">{format(receipt.fromServer ? m.receiptFrom : m.paymentConfirmed, { server })}</p>
      <dl>
        {receipt.reference ? (
          <div>
            <dt>{m.reference}</dt>
            <dd>
              <code>{receipt.reference}</code>
            </dd>
          </div>
        ) : null}
        {receipt.method ? (
          <div>
            <dt>{m.method}</dt>
            <dd>{receipt.method}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  )
}

function useSeconds(running: boolean): number {
  const [seconds, setSeconds] = useState(0)
  useEffect(() => {
    if (!running) return
    const started = Date.now()
    const timer = setInterval(() => setSeconds(Math.round((Date.now() - started) / 1000)), 1000)
    return () => clearInterval(timer)
  }, [running])
  return seconds
}

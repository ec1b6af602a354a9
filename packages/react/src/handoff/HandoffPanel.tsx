import { formatMoney, isHandoffSource, type HandoffTeaser as Teaser } from '@mppkit/core'
import { checkHandoffUrl, createHandoffWaiter, openCheckoutTab, type HandoffInput, type HandoffWaiter, type HandoffWaitStatus } from '@mppkit/core/handoff'
import { useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { ExternalIcon } from '../icons'
import { format, type Messages } from '../messages'
import type { RailPanelProps } from '../rail'

export type HandoffPanelProps = RailPanelProps<HandoffInput> & {
  /** Allow http://localhost checkout pages (development, devnet); the rail uses the same rule. */
  allowLocalHttp?: boolean | undefined
  /** Opens the checkout tab (tests); defaults to `window.open`. */
  open?: typeof window.open | undefined
}

const idle: HandoffWaitStatus = { kind: 'waiting', checks: 0 }
const noop = () => () => {}

/**
 * A hosted checkout (UCAP tier, UCP/ACP session): the teaser, the tier with its price and
 * features, and where the person will pay — the domain plainly, the full address, warnings for
 * look-alikes. "Continue to checkout" opens it in a new tab only on the click, after the link
 * passed the safety rules; then the panel waits with "check now", "reopen" and a plain link when
 * the browser blocked the tab.
 */
export default function HandoffPanel({ offer, status, busy, error, submit, messages, locale, allowLocalHttp, open }: HandoffPanelProps) {
  const source = isHandoffSource(offer.source) ? offer.source : undefined
  const link = useMemo(() => checkHandoffUrl(source?.checkoutUrl, { allowLocalHttp }), [source, allowLocalHttp])
  const waiterRef = useRef<HandoffWaiter | undefined>(undefined)
  const [tab, setTab] = useState<'opened' | 'blocked'>()
  const waiter = waiterRef.current
  const wait = useSyncExternalStore(waiter?.subscribe ?? noop, waiter?.getStatus ?? (() => idle), waiter?.getStatus ?? (() => idle))
  const price = formatMoney(offer.amount, { locale })
  const priceText = offer.interval ? format(messages.handoffPerInterval, { amount: price, interval: offer.interval }) : price

  if (!source) return null
  const waiting = status === 'submitting'

  const openTab = () => {
    if (!link.ok) return
    setTab(openCheckoutTab(link.href, open) ? 'opened' : 'blocked')
  }
  const start = (checkFirst: boolean) => {
    const next = createHandoffWaiter()
    if (checkFirst) next.checkNow()
    else openTab()
    waiterRef.current = next
    submit({ waiter: next })
  }

  return (
    <div data-mppkit-part="handoff" data-rail="handoff" data-state={waiting ? wait.kind : 'ready'}>
      {source.teaser && !waiting ? <HandoffTeaser teaser={source.teaser} publisher={source.publisher?.name} /> : null}

      <section data-mppkit-part="tier" aria-label={source.tierName}>
        <p data-mppkit-part="tier-name">{source.tierName}</p>
        <p data-mppkit-part="tier-price">{priceText}</p>
        {source.features.length > 0 && !waiting ? (
          <ul data-mppkit-part="features" aria-label={messages.handoffFeatures}>
            {source.features.map((feature) => (
              <li key={feature}>{feature}</li>
            ))}
          </ul>
        ) : null}
      </section>

      {!link.ok ? (
        <div data-mppkit-part="notice" data-tone="error" role="alert">
          <p data-mppkit-part="notice-title">{messages.handoffRefused}</p>
          <p>{link.reason}</p>
          <p data-mppkit-part="notice-detail">
            <code data-mppkit-part="handoff-url">{String(source.checkoutUrl).slice(0, 300)}</code>
          </p>
        </div>
      ) : (
        <>
          <div data-mppkit-part="destination">
            <p>
              {format(messages.handoffPayOn, { domain: '\u0000' })
                .split('\u0000')
                .flatMap((part, i) => (i === 0 ? [part] : [<strong key="domain" data-mppkit-part="domain">{link.domain}</strong>, part]))}
            </p>
            <p data-mppkit-part="hint">
              {messages.handoffAddress}: <code data-mppkit-part="handoff-url">{link.href}</code>
            </p>
          </div>
          {link.warnings.length > 0 ? (
            <div data-mppkit-part="notice" data-tone="warning" role="status">
              <p data-mppkit-part="notice-title">{messages.handoffLookTwice}</p>
              {link.warnings.map((w) => (
                <p key={w}>{w}</p>
              ))}
            </div>
          ) : null}

          {!waiting ? (
            <>
              <button type="button" data-mppkit-part="primary" disabled={busy} onClick={() => start(false)}>
                <ExternalIcon />
                {messages.handoffContinue}
              </button>
              {error ? (
                <button type="button" data-mppkit-part="secondary" disabled={busy} onClick={() => start(true)}>
                  {messages.handoffAlreadyPaid}
                </button>
              ) : null}
            </>
          ) : (
            <Waiting wait={wait} tab={tab} href={link.href} domain={link.domain} messages={messages} onCheck={() => waiter?.checkNow()} onReopen={openTab} />
          )}
        </>
      )}
    </div>
  )
}

function Waiting(props: {
  wait: HandoffWaitStatus
  tab: 'opened' | 'blocked' | undefined
  href: string
  domain: string
  messages: Messages
  onCheck: () => void
  onReopen: () => void
}) {
  const { wait, tab, href, domain, messages } = props
  const line =
    wait.kind === 'checking' ? messages.handoffChecking : wait.kind === 'not-detected' ? messages.handoffNotDetected : wait.kind === 'found' ? messages.handoffFound : format(messages.handoffWaiting, { domain })
  return (
    <div data-mppkit-part="handoff-wait">
      {tab === 'blocked' ? (
        <div data-mppkit-part="notice" data-tone="warning" role="alert">
          <p data-mppkit-part="notice-title">{messages.handoffBlocked}</p>
          <p>
            <a data-mppkit-part="link" href={href} target="_blank" rel="noopener noreferrer">
              {format(messages.handoffOpenLink, { domain })}
            </a>
          </p>
        </div>
      ) : (
        <p data-mppkit-part="hint">{messages.handoffFinish}</p>
      )}
      <p data-mppkit-part="loading" role="status" data-state={wait.kind}>
        {wait.kind === 'not-detected' ? null : <span data-mppkit-part="spinner" aria-hidden="true" />} {line}
      </p>
      <div data-mppkit-part="handoff-actions">
        <button type="button" data-mppkit-part="primary" onClick={props.onCheck} disabled={wait.kind === 'checking' || wait.kind === 'found'}>
          {messages.handoffCheckNow}
        </button>
        <button type="button" data-mppkit-part="secondary" onClick={props.onReopen} disabled={wait.kind === 'found'}>
          {messages.handoffReopen}
        </button>
      </div>
    </div>
  )
}

/** What the publisher shows while the content is locked: title, byline, excerpt. */
export function HandoffTeaser({ teaser, publisher }: { teaser: Teaser; publisher?: string | undefined }) {
  const byline = [teaser.author, publisher].filter(Boolean).join(' · ')
  return (
    <article data-mppkit-part="teaser">
      {teaser.title ? <p data-mppkit-part="teaser-title">{teaser.title}</p> : null}
      {byline ? <p data-mppkit-part="hint">{byline}</p> : null}
      {teaser.excerpt ?? teaser.text ? <p data-mppkit-part="teaser-text">{teaser.excerpt ?? teaser.text}</p> : null}
    </article>
  )
}

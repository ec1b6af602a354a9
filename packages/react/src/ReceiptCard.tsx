import { formatMoney, type PaymentReceipt } from '@mppkit/core'
import { useState } from 'react'
import { useMppContext } from './context'
import { CheckIcon } from './icons'
import { format } from './messages'

export type ReceiptCardProps = { receipt: PaymentReceipt }

const methodNames: Record<string, string> = { lightning: 'Lightning', stripe: 'card', evm: 'wallet', tempo: 'Tempo', checkout: 'a hosted checkout' }

/** What was paid, how, and the server's settlement reference (never the credential). */
export function ReceiptCard({ receipt }: ReceiptCardProps) {
  const { messages, locale } = useMppContext()
  const [copied, setCopied] = useState(false)
  const time = new Date(receipt.timestamp)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(receipt.reference)
      setCopied(true)
      setTimeout(() => setCopied(false), 1500)
    } catch {
      /* clipboard refused: the reference stays selectable */
    }
  }
  return (
    <section data-mppkit-part="receipt" aria-label={messages.receipt} data-state={receipt.status}>
      <p data-mppkit-part="receipt-title">
        <span data-mppkit-part="check">
          <CheckIcon />
        </span>{' '}
        {format(messages.paidVia, { amount: formatMoney(receipt.amount, { locale }), method: methodNames[receipt.method] ?? receipt.method })}
      </p>
      <dl>
        <div>
          <dt>{messages.reference}</dt>
          <dd>
            <code title={receipt.reference}>{shorten(receipt.reference)}</code>
            <button type="button" data-mppkit-part="copy" onClick={copy}>
              {copied ? messages.copied : messages.copy}
            </button>
          </dd>
        </div>
        {receipt.description ? (
          <div>
            <dt>{messages.forLabel}</dt>
            <dd>{receipt.description}</dd>
          </div>
        ) : null}
        {Number.isNaN(time.getTime()) ? null : (
          <div>
            <dt>{messages.timeLabel}</dt>
            <dd>
              <time dateTime={time.toISOString()}>{time.toLocaleString(locale)}</time>
            </dd>
          </div>
        )}
      </dl>
    </section>
  )
}

function shorten(reference: string): string {
  return reference.length > 22 ? `${reference.slice(0, 10)}…${reference.slice(-8)}` : reference
}

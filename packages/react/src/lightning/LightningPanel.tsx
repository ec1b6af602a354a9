import { formatMoney } from '@mppkit/core'
import { findWebLN, type LightningInput, type WebLNProvider } from '@mppkit/core/lightning'
import { checkInvoice, type CheckedInvoice } from '@mppkit/core/lightning/invoice'
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react'
import { BoltIcon } from '../icons'
import { format } from '../messages'
import type { RailPanelProps } from '../rail'
import { QrCode } from './QrCode'

export type LightningPanelProps = RailPanelProps<LightningInput> & {
  /** Where the rail looks for WebLN (its `webln` option); defaults to `window.webln`. */
  getWebLN?: (() => WebLNProvider | undefined) | undefined
}

/**
 * Pays a Lightning offer: the invoice as a QR code and `lightning:` link with a copy button,
 * "Pay with browser wallet" when WebLN is present, and a pasted preimage otherwise. The invoice
 * is checked against the challenge first; a mismatching invoice is shown, never payable.
 */
export default function LightningPanel({ offer, busy, submit, messages, locale, getWebLN = findWebLN }: LightningPanelProps) {
  const checked = useMemo<{ invoice?: CheckedInvoice; problem?: string }>(() => {
    try {
      return { invoice: checkInvoice(offer) }
    } catch (error) {
      return { problem: (error as Error).message }
    }
  }, [offer])
  const webln = useWebLN(getWebLN)
  const [copied, setCopied] = useState(false)
  const [pasting, setPasting] = useState(false)
  // Uncontrolled on purpose: a controlled input mirrors its value into the HTML attribute, and the
  // preimage is a credential. `filled` only tracks whether there is something to submit.
  const [filled, setFilled] = useState(false)
  const inputId = useId()
  const amount = formatMoney(offer.amount, { locale })

  if (!checked.invoice)
    return (
      <div data-mppkit-part="notice" data-tone="error" role="alert">
        <p data-mppkit-part="notice-title">{messages.unavailable}</p>
        <p>{checked.problem}</p>
      </div>
    )
  const { invoice } = checked.invoice
  const uri = `lightning:${invoice}`

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(invoice)
      setCopied(true)
      setTimeout(() => setCopied(false), 1500)
    } catch {
      /* clipboard refused: the invoice text stays selectable */
    }
  }
  const onPaste = (event: FormEvent) => {
    event.preventDefault()
    const form = event.currentTarget as HTMLFormElement
    const value = String(new FormData(form).get('preimage') ?? '')
    form.reset() // do not leave the credential in the page
    setFilled(false)
    submit({ preimage: value })
  }

  return (
    <div data-mppkit-part="lightning" data-rail="lightning">
      {webln ? (
        <button type="button" data-mppkit-part="primary" disabled={busy} onClick={() => submit({ via: 'webln' })}>
          <BoltIcon />
          {messages.lightningWebln}
        </button>
      ) : null}
      <div data-mppkit-part="qr-frame">
        <QrCode value={uri.toUpperCase()} label={format(messages.lightningQrLabel, { amount })} />
      </div>
      <p data-mppkit-part="hint">{messages.lightningScan}</p>
      {checked.invoice.network !== 'mainnet' ? (
        <p data-mppkit-part="badge" data-network={checked.invoice.network}>
          {format(messages.lightningNetwork, { network: checked.invoice.network })}
        </p>
      ) : null}
      <div data-mppkit-part="invoice-row">
        <code data-mppkit-part="invoice" title={invoice}>
          {invoice.slice(0, 18)}…{invoice.slice(-8)}
        </code>
        <button type="button" data-mppkit-part="copy" onClick={copy}>
          {copied ? messages.copied : messages.lightningCopy}
        </button>
        <a data-mppkit-part="link" href={uri}>
          {messages.lightningOpen}
        </a>
      </div>
      {webln && !pasting ? (
        <button type="button" data-mppkit-part="link" onClick={() => setPasting(true)}>
          {messages.lightningPaste}
        </button>
      ) : (
        <form data-mppkit-part="preimage-form" onSubmit={onPaste}>
          <label htmlFor={inputId}>{messages.lightningPreimage}</label>
          <input
            id={inputId}
            name="preimage"
            onChange={(e) => setFilled(e.target.value.trim().length > 0)}
            autoComplete="off"
            spellCheck={false}
            inputMode="text"
            pattern="\s*[0-9a-fA-F]{64}\s*"
            required
            disabled={busy}
          />
          <button type="submit" data-mppkit-part={webln ? 'secondary' : 'primary'} disabled={busy || !filled}>
            {messages.lightningSubmit}
          </button>
        </form>
      )}
    </div>
  )
}

/** WebLN providers are often injected after load: look again briefly before giving up. */
function useWebLN(getWebLN: () => WebLNProvider | undefined): boolean {
  const [present, setPresent] = useState(() => !!getWebLN())
  useEffect(() => {
    if (present) return
    let tries = 0
    const timer = setInterval(() => {
      if (getWebLN()) {
        setPresent(true)
        clearInterval(timer)
      } else if (++tries > 10) clearInterval(timer)
    }, 200)
    return () => clearInterval(timer)
  }, [present, getWebLN])
  return present
}

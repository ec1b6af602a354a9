import { CheckoutCancelledError } from '@mppkit/core'
import { useMppFetch } from '@mppkit/react'
import { useState } from 'react'
import { apiBase } from './config'

type Quote = { pair: string; bid: string; ask: string; at: string }

/** GET /x402/quote: a server that speaks only x402 (PAYMENT-REQUIRED), paid by the wallet rail. */
export function QuoteCard() {
  const mppFetch = useMppFetch()
  const [quote, setQuote] = useState<Quote>()
  const [status, setStatus] = useState<{ busy?: boolean; message?: string }>({})
  const load = async () => {
    setStatus({ busy: true })
    try {
      const response = await mppFetch(`${apiBase}/x402/quote`)
      if (!response.ok) throw new Error(`The server answered ${response.status}`)
      setQuote(await response.json())
      setStatus({})
    } catch (error) {
      setStatus({ message: error instanceof CheckoutCancelledError ? 'Cancelled — nothing was paid.' : (error as Error).message })
    }
  }
  return (
    <section className="card" aria-labelledby="quote-title">
      <h2 id="quote-title">Market quote</h2>
      <p className="muted">GET /x402/quote · an x402-only server, paid with a wallet signature</p>
      <button type="button" className="button" onClick={load} disabled={status.busy}>
        {status.busy ? 'Getting a quote…' : 'Get a quote'}
      </button>
      {quote ? (
        <p className="result" data-testid="quote">
          {quote.pair}: bid <strong>{quote.bid}</strong> · ask <strong>{quote.ask}</strong>
        </p>
      ) : null}
      {status.message ? <p className="outcome" role="status">{status.message}</p> : null}
    </section>
  )
}

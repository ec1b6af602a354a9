import { CheckoutCancelledError, formatMoney } from '@mppkit/core'
import { PaymentGate, useMppContext, useMppFetch, type PaymentReceipt } from '@mppkit/react'
import { useEffect, useState, useSyncExternalStore, type FormEvent } from 'react'
import { apiBase } from './config'
import { Article } from './Article'
import { QuoteCard } from './Quote'

type Theme = 'light' | 'dark' | 'auto'

export function App({ theme, onTheme, devnet }: { theme: Theme; onTheme: (t: Theme) => void; devnet: boolean }) {
    return (
    <div className="page" data-theme={theme}>
      <header className="top">
        <div>
          <p className="brand">Field Notes</p>
          <p className="tagline">Pay per item — no account, no subscription.</p>
        </div>
        <label className="theme">
          Theme{' '}
          <select value={theme} onChange={(e) => onTheme(e.target.value as Theme)} aria-label="Theme">
            <option value="auto">System</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
      </header>
      <p className={`api ${devnet ? 'devnet' : ''}`} data-testid="api-banner">
        API <code>{apiBase}</code>
        {devnet ? ' — mppkit devnet: test money only' : ' — not a devnet'}
      </p>
      <main className="grid">
        <section className="card" aria-labelledby="photo-title">
          <h2 id="photo-title">Photo of the day</h2>
          <p className="muted">GET /api/photo · one payment unlocks it</p>
          <PaymentGate request={`${apiBase}/api/photo`} label="Photo of the day" preview={<PhotoPlaceholder />}>
            {({ response }) => <Photo response={response} />}
          </PaymentGate>
        </section>
        <Summarize />
        <Fortune />
        <QuoteCard />
        <Article post="welcome" title="Members' post" note="GET /ucap/v1/content/devnet/welcome · a subscription, paid on the publisher's checkout page (UCAP)" />
        <Article post="field-guide" title="Field guide" note="One 402, two ways: Lightning for this read, or a subscription (UCAP + MPP)" />
        <Receipts />
      </main>
    </div>
  )
}

function PhotoPlaceholder() {
  return (
    <svg viewBox="0 0 640 400" className="photo" role="img" aria-label="Locked photo preview">
      <defs>
        <linearGradient id="sky" x1="0" x2="0" y1="0" y2="1">
          <stop offset="0" stopColor="#f6b37f" />
          <stop offset="1" stopColor="#7a8cc7" />
        </linearGradient>
      </defs>
      <rect width="640" height="400" fill="url(#sky)" />
      <path d="M0 330 L170 170 L260 250 L360 120 L470 240 L540 190 L640 280 V400 H0Z" fill="#3b4a6b" />
      <path d="M0 360 L120 280 L250 340 L390 270 L520 330 L640 300 V400 H0Z" fill="#26314a" />
    </svg>
  )
}

function Photo({ response }: { response: Response }) {
  const [src, setSrc] = useState<string>()
  useEffect(() => {
    let url: string | undefined
    void response
      .clone()
      .blob()
      .then((blob) => setSrc((url = URL.createObjectURL(blob))))
    return () => {
      if (url) URL.revokeObjectURL(url)
    }
  }, [response])
  return src ? <img className="photo" src={src} alt="The Matterhorn at dawn" data-testid="paid-photo" /> : null
}

function useOutcome() {
  const [state, setState] = useState<{ status: 'idle' | 'busy' | 'done' | 'cancelled' | 'error'; message?: string }>({ status: 'idle' })
  return [state, setState] as const
}

function Summarize() {
  const mppFetch = useMppFetch()
  const [text, setText] = useState(
    'Machine payments let software pay for what it uses, one request at a time. A server answers 402 with its price; the client pays and retries. No accounts or API keys are needed.',
  )
  const [result, setResult] = useState<{ summary: string; bodySha256: string; words: number }>()
  const [outcome, setOutcome] = useOutcome()
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setOutcome({ status: 'busy' })
    setResult(undefined)
    try {
      const response = await mppFetch(`${apiBase}/api/summarize`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
      })
      if (!response.ok) throw new Error(`The server answered ${response.status}`)
      setResult(await response.json())
      setOutcome({ status: 'done' })
    } catch (error) {
      if (error instanceof CheckoutCancelledError) setOutcome({ status: 'cancelled', message: 'Cancelled — nothing was paid.' })
      else setOutcome({ status: 'error', message: (error as Error).message })
    }
  }
  return (
    <section className="card" aria-labelledby="sum-title">
      <h2 id="sum-title">Summarize text</h2>
      <p className="muted">POST /api/summarize · the price is bound to this exact text</p>
      <form onSubmit={submit} className="stack">
        <label htmlFor="sum-text" className="muted">
          Text to summarize
        </label>
        <textarea id="sum-text" rows={5} value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="button" disabled={outcome.status === 'busy' || !text.trim()}>
          {outcome.status === 'busy' ? 'Summarizing…' : 'Summarize'}
        </button>
      </form>
      {result ? (
        <div className="result" data-testid="summary">
          <p>{result.summary}</p>
          <p className="muted small">
            {result.words} words · server hashed the body as <code>{result.bodySha256.slice(0, 16)}…</code>
          </p>
        </div>
      ) : null}
      {outcome.message ? <p className={`outcome ${outcome.status}`} role="status">{outcome.message}</p> : null}
    </section>
  )
}

function Fortune() {
  const mppFetch = useMppFetch()
  const [fortune, setFortune] = useState<string>()
  const [outcome, setOutcome] = useOutcome()
  const ask = async () => {
    setOutcome({ status: 'busy' })
    try {
      const response = await mppFetch(`${apiBase}/l402/fortune`)
      if (!response.ok) throw new Error(`The server answered ${response.status}`)
      setFortune((await response.json()).fortune)
      setOutcome({ status: 'done' })
    } catch (error) {
      if (error instanceof CheckoutCancelledError) setOutcome({ status: 'cancelled', message: 'Cancelled — nothing was paid.' })
      else setOutcome({ status: 'error', message: (error as Error).message })
    }
  }
  return (
    <section className="card" aria-labelledby="fortune-title">
      <h2 id="fortune-title">Fortune cookie</h2>
      <p className="muted">GET /l402/fortune · an L402 server, paid over Lightning</p>
      <button type="button" className="button" onClick={ask} disabled={outcome.status === 'busy'}>
        Crack a fortune
      </button>
      {fortune ? (
        <blockquote className="result" data-testid="fortune">
          {fortune}
        </blockquote>
      ) : null}
      {outcome.message ? <p className={`outcome ${outcome.status}`} role="status">{outcome.message}</p> : null}
    </section>
  )
}

function Receipts() {
  const { kit, locale } = useMppContext()
  const receipts = useSyncExternalStore(kit.receipts.subscribe, kit.receipts.list)
  return (
    <section className="card" aria-labelledby="receipts-title">
      <h2 id="receipts-title">Your receipts</h2>
      {receipts.length === 0 ? (
        <p className="muted">Nothing paid yet.</p>
      ) : (
        <ul className="receipts" data-testid="receipts">
          {receipts.map((r: PaymentReceipt) => (
            <li key={r.id}>
              <span>{formatMoney(r.amount, { locale })}</span>
              <span className="muted small">
                {r.method} · {new URL(r.url).pathname} · <code title={r.reference}>{r.reference.slice(0, 10)}…</code>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

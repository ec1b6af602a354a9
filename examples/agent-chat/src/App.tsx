import { useMppContext } from '@mppkit/react'
import { ChatPaymentCard, type McpPayments, type PaidToolCall } from '@mppkit/react/chat'
import { connectMcp, createMcpPayments } from '@mppkit/core/mcp'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { runAgent, suggestions } from './agent'
import { apiBase, mcpUrl } from './config'

type NewEntry = { role: 'user' | 'agent'; text: string } | { role: 'tool'; call: PaidToolCall }
type Entry = NewEntry & { id: number }
type Connection = { status: 'connecting' } | { status: 'ready'; payments: McpPayments; devnet: boolean } | { status: 'failed'; message: string }

export function App({ theme, onTheme }: { theme: 'light' | 'dark' | 'auto'; onTheme: (t: 'light' | 'dark' | 'auto') => void }) {
  const { kit } = useMppContext()
  const [connection, setConnection] = useState<Connection>({ status: 'connecting' })
  const [entries, setEntries] = useState<Entry[]>([])
  const [busy, setBusy] = useState(false)
  const nextId = useRef(0)
  const add = (entry: NewEntry) => setEntries((list) => [...list, { ...entry, id: nextId.current++ }])

  useEffect(() => {
    let closed = false
    let close: (() => Promise<void>) | undefined
    void (async () => {
      try {
        const devnet = await loadDevnetWallet()
        const mcp = await connectMcp({ url: mcpUrl, name: 'mppkit-agent-chat' })
        close = () => mcp.client.close()
        if (closed) return void close()
        const payments = createMcpPayments({ client: mcp.client, server: new URL(mcpUrl).host, endpoint: mcpUrl, kit, tools: mcp.tools, allowLoopbackHttp: devnet })
        mcp.answerElicitationsWith(payments)
        setConnection({ status: 'ready', payments, devnet })
      } catch (error) {
        setConnection({ status: 'failed', message: error instanceof Error ? error.message : String(error) })
      }
    })()
    return () => {
      closed = true
      void close?.()
    }
  }, [kit])

  const send = async (text: string) => {
    if (connection.status !== 'ready' || busy || !text.trim()) return
    setBusy(true)
    add({ role: 'user', text })
    try {
      await runAgent(text, connection.payments, { say: (t) => add({ role: 'agent', text: t }), show: (call) => add({ role: 'tool', call }) })
    } finally {
      setBusy(false)
    }
  }
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const input = event.currentTarget.elements.namedItem('message') as HTMLInputElement
    void send(input.value)
    input.value = ''
  }

  return (
    <div className="chat" data-theme={theme === 'auto' ? undefined : theme}>
      <header className="chat-top">
        <h1>Agent chat</h1>
        <p className="chat-sub" data-testid="mcp-banner">
          {connection.status === 'ready'
            ? `MCP server ${apiBase}/mcp${connection.devnet ? ' — mppkit devnet (test money)' : ''}`
            : connection.status === 'failed'
              ? `Could not reach the MCP server at ${mcpUrl}: ${connection.message}`
              : 'Connecting to the MCP server…'}
        </p>
        <div className="chat-theme" role="group" aria-label="Theme">
          {(['light', 'dark', 'auto'] as const).map((t) => (
            <button key={t} type="button" aria-pressed={theme === t} onClick={() => onTheme(t)}>
              {t}
            </button>
          ))}
        </div>
      </header>

      <ol className="chat-log" aria-label="Transcript" aria-live="polite">
        {entries.length === 0 ? <li className="chat-empty">Ask for a forecast or a report. The agent is scripted: no model, same answers every time.</li> : null}
        {entries.map((entry) =>
          entry.role === 'tool' ? (
            <li key={entry.id} className="chat-tool" data-testid={`tool-${entry.call.tool}`}>
              <ChatPaymentCard call={entry.call} />
            </li>
          ) : (
            <li key={entry.id} className={`chat-msg chat-${entry.role}`} data-role={entry.role}>
              {entry.text}
            </li>
          ),
        )}
      </ol>

      <div className="chat-suggestions">
        {suggestions.map((s) => (
          <button key={s.label} type="button" disabled={connection.status !== 'ready' || busy} onClick={() => void send(s.text)}>
            {s.label}
          </button>
        ))}
      </div>
      <form className="chat-input" onSubmit={onSubmit}>
        <input name="message" aria-label="Message" placeholder="Ask the agent…" autoComplete="off" disabled={connection.status !== 'ready' || busy} />
        <button type="submit" disabled={connection.status !== 'ready' || busy}>
          Send
        </button>
      </form>
    </div>
  )
}

/** Against an mppkit devnet, load its test wallets (they badge themselves on screen). */
async function loadDevnetWallet(): Promise<boolean> {
  try {
    if (!(await fetch(`${apiBase}/devnet/health`)).ok) return false
    const script = document.createElement('script')
    script.src = `${apiBase}/devnet/webln.js`
    document.head.append(script)
    // The devnet's EVM test wallet (EIP-1193 + EIP-6963), when devnet runs a chain.
    if (await fetch(`${apiBase}/devnet/evm`).then((r) => r.ok, () => false)) {
      const evmScript = document.createElement('script')
      evmScript.src = `${apiBase}/devnet/evm-wallet.js`
      document.head.append(evmScript)
    }
    return true
  } catch {
    return false
  }
}

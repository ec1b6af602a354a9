import type { CheckoutSession } from './store'
import { publisher } from './catalog'

/** Test cards, as on Stripe's test pages: one that pays and one that is declined. */
export const testCards = { pays: '4242424242424242', declined: '4000000000000002' } as const

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
const usd = (cents: number) => `$${(cents / 100).toFixed(2)}`

function page(title: string, body: string, script = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="no-referrer">
<title>${escape(title)}</title>
<style>
  :root { color-scheme: light dark; --accent: #0f766e; --bg: #f3f6f5; --fg: #14201d; --muted: #5a6b66; --card: #fff; --border: #d8e2df; --warn-bg: #fff4d6; --warn-fg: #6b4a00; }
  @media (prefers-color-scheme: dark) { :root { --accent: #5eead4; --bg: #0f1715; --fg: #e7f1ee; --muted: #9db3ad; --card: #17221f; --border: #2a3a36; --warn-bg: #3a2f0c; --warn-fg: #ffd97a; } }
  * { box-sizing: border-box; }
  body { margin: 0; min-height: 100vh; background: var(--bg); color: var(--fg); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; display: grid; place-items: start center; padding: 40px 16px; }
  main { width: min(480px, 100%); background: var(--card); border: 1px solid var(--border); border-radius: 16px; padding: 28px; box-shadow: 0 8px 30px rgba(0,0,0,.08); }
  .devnet { display: block; margin: -8px 0 20px; padding: 8px 12px; border-radius: 10px; background: var(--warn-bg); color: var(--warn-fg); font-weight: 600; font-size: .9rem; }
  h1 { margin: 0 0 4px; font-size: 1.35rem; }
  .muted { color: var(--muted); margin: 0 0 16px; }
  .price { font-size: 2rem; font-weight: 750; margin: 8px 0 4px; }
  .price small { font-size: 1rem; font-weight: 500; color: var(--muted); }
  ul { margin: 0 0 20px; padding-left: 20px; }
  label { display: block; font-weight: 600; margin: 12px 0 6px; }
  input { width: 100%; font: 15px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; border: 1px solid var(--border); border-radius: 10px; padding: 10px; background: transparent; color: inherit; }
  .row { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
  button, .button { display: inline-block; width: 100%; margin-top: 20px; padding: 12px 18px; border: 0; border-radius: 10px; background: var(--accent); color: #06201c; font-weight: 700; font-size: 1rem; text-align: center; text-decoration: none; cursor: pointer; }
  .hint { font-size: .85rem; color: var(--muted); margin-top: 12px; }
  [role=alert] { margin-top: 16px; color: #c0392b; font-weight: 600; }
</style>
</head>
<body>
<main>
  <strong class="devnet" data-testid="devnet-label">mppkit devnet checkout — test card only, no real money moves</strong>
  ${body}
</main>
${script ? `<script>${script}</script>` : ''}
</body>
</html>
`
}

export function checkoutPage(session: CheckoutSession, error?: string): string {
  const { tier } = session
  return page(
    `Devnet checkout — ${tier.name}`,
    `<h1>Subscribe to ${escape(publisher.name)}</h1>
  <p class="muted">${escape(tier.name)} plan, billed every ${escape(tier.interval)}</p>
  <p class="price" data-testid="price">${usd(tier.cents)} <small>/ ${escape(tier.interval)}</small></p>
  <ul>${tier.features.map((f) => `<li>${escape(f)}</li>`).join('')}</ul>
  <form method="post" action="/ucap/checkout/${escape(session.id)}">
    <label for="card">Card number</label>
    <input id="card" name="card" inputmode="numeric" autocomplete="off" value="4242 4242 4242 4242" required>
    <div class="row">
      <div><label for="exp">Expiry</label><input id="exp" name="exp" value="12 / 34" autocomplete="off" required></div>
      <div><label for="cvc">CVC</label><input id="cvc" name="cvc" value="123" autocomplete="off" required></div>
    </div>
    <button type="submit">Pay ${usd(tier.cents)}</button>
  </form>
  ${error ? `<p role="alert">${escape(error)}</p>` : ''}
  <p class="hint">Test cards: 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined. Session ${escape(session.id)}, valid until ${new Date(session.expiresAt).toISOString()}.</p>`,
  )
}

export function expiredPage(): string {
  return page('Devnet checkout expired', `<h1>This checkout session expired</h1><p class="muted">Nothing was charged. Go back to the page you came from and start a fresh checkout.</p>`)
}

export function notFoundPage(): string {
  return page('Devnet checkout not found', `<h1>No such checkout session</h1><p class="muted">The link is wrong or the devnet was restarted.</p>`)
}

/**
 * Where the checkout lands when the app gave no return URL. It says so on screen and posts the
 * return signal on this origin's channel (an app on another origin also notices its tab regaining focus).
 */
export function donePage(session: CheckoutSession): string {
  return page(
    'Devnet checkout complete',
    `<h1>Payment complete</h1><p class="muted">${escape(session.tier.name)} is active. Return to the tab you came from; it continues by itself.</p>`,
    `try { new BroadcastChannel('mppkit-handoff').postMessage({ type: 'mppkit:handoff-return' }) } catch (e) {}`,
  )
}

/**
 * `GET /devnet/wallet`: a manual test wallet for the "paste an invoice, get the preimage back"
 * Lightning flow. It is a real page a person (or Playwright) uses in a second tab.
 */
export function walletPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Devnet test Lightning wallet</title>
<style>
  :root { color-scheme: light dark; --accent: #c77d12; --bg: #fbf8f3; --fg: #1f2340; --muted: #5c6079; --card: #fff; --border: #e4dccf; }
  @media (prefers-color-scheme: dark) { :root { --accent: #ffd27a; --bg: #14172b; --fg: #eef0fb; --muted: #a5a9c4; --card: #1f2340; --border: #343a63; } }
  * { box-sizing: border-box; }
  body { margin: 0; min-height: 100vh; background: var(--bg); color: var(--fg); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; display: grid; place-items: start center; padding: 48px 16px; }
  main { width: min(560px, 100%); background: var(--card); border: 1px solid var(--border); border-radius: 16px; padding: 28px; box-shadow: 0 8px 30px rgba(0,0,0,.08); }
  h1 { margin: 0 0 4px; font-size: 1.4rem; }
  .note { margin: 0 0 20px; color: var(--muted); font-size: .9rem; }
  .balance { display: inline-block; margin-bottom: 20px; padding: 4px 10px; border-radius: 999px; border: 1px solid var(--border); font-size: .9rem; }
  label { display: block; font-weight: 600; margin-bottom: 6px; }
  textarea, output { width: 100%; font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; border: 1px solid var(--border); border-radius: 10px; padding: 10px; background: transparent; color: inherit; word-break: break-all; }
  textarea { min-height: 120px; resize: vertical; }
  button { margin-top: 12px; padding: 10px 18px; border: 0; border-radius: 10px; background: var(--accent); color: #1f2340; font-weight: 700; font-size: 1rem; cursor: pointer; }
  button:disabled { opacity: .6; cursor: progress; }
  .result { margin-top: 20px; }
  .result[hidden] { display: none; }
  output { display: block; }
  [role=alert] { margin-top: 16px; color: #c0392b; font-weight: 600; }
  @media (prefers-color-scheme: dark) { [role=alert] { color: #ff8a80; } }
</style>
</head>
<body>
<main>
  <h1>Devnet test Lightning wallet</h1>
  <p class="note">A fake wallet for the mppkit devnet. It only pays invoices this devnet issued; no real money moves.</p>
  <span class="balance">Balance: <strong id="balance">…</strong> sats</span>
  <form id="pay-form">
    <label for="invoice">BOLT11 invoice</label>
    <textarea id="invoice" name="invoice" placeholder="lnbcrt…" required spellcheck="false" autocomplete="off"></textarea>
    <button type="submit" id="pay">Pay</button>
  </form>
  <div id="error" role="alert"></div>
  <section class="result" id="result" hidden aria-live="polite">
    <label for="preimage">Paid. Preimage (paste it back into the checkout):</label>
    <output id="preimage" name="preimage"></output>
    <button type="button" id="copy">Copy preimage</button>
  </section>
</main>
<script>
  const $ = (id) => document.getElementById(id);
  async function refreshBalance() {
    const res = await fetch('/devnet/lightning/wallet');
    $('balance').textContent = (await res.json()).balanceSats.toLocaleString('en-US');
  }
  $('pay-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('error').textContent = '';
    $('result').hidden = true;
    $('pay').disabled = true;
    try {
      const res = await fetch('/devnet/lightning/pay', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ invoice: $('invoice').value.trim() }),
      });
      const body = await res.json();
      if (!res.ok) throw new Error(body.error || 'Payment failed (HTTP ' + res.status + ')');
      $('preimage').textContent = body.preimage;
      $('result').hidden = false;
      await refreshBalance();
    } catch (error) {
      $('error').textContent = error.message;
    } finally {
      $('pay').disabled = false;
    }
  });
  $('copy').addEventListener('click', async () => {
    await navigator.clipboard.writeText($('preimage').textContent);
    $('copy').textContent = 'Copied';
  });
  refreshBalance();
</script>
</body>
</html>
`
}

/**
 * `GET /devnet/webln.js`: a WebLN provider backed by the devnet test wallet, for pages (examples,
 * Storybook, e2e) that want `window.webln` without a browser extension. The devnet origin is baked
 * in from the request's Host so the script works when loaded cross-origin.
 *
 * Test hooks live on `window.__devnetWebln`: set `rejectNext = true` to make the next
 * `sendPayment` fail like a user pressing "Reject"; `calls` counts `sendPayment` calls.
 * The script never logs preimages.
 */
export function weblnScript(origin: string, nodeId: string): string {
  return `// mppkit devnet WebLN provider: a TEST wallet. It pays invoices issued by ${origin} only.
(function () {
  'use strict';
  var origin = ${JSON.stringify(origin)};
  var hooks = window.__devnetWebln || (window.__devnetWebln = { rejectNext: false, calls: 0 });
  var enabled = false;

  window.webln = {
    isDevnet: true,
    get enabled() { return enabled; },
    enable: function () { enabled = true; return Promise.resolve(); },
    isEnabled: function () { return Promise.resolve(enabled); },
    getInfo: function () {
      return Promise.resolve({
        node: { alias: 'devnet test wallet', pubkey: ${JSON.stringify(nodeId)} },
        methods: ['getInfo', 'sendPayment'],
        supports: ['lightning'],
      });
    },
    sendPayment: function (paymentRequest) {
      hooks.calls = (hooks.calls || 0) + 1;
      // Same rule as real providers (e.g. Alby): a page must ask for permission first.
      if (!enabled) return Promise.reject(new Error('Provider must be enabled before calling sendPayment'));
      if (hooks.rejectNext) {
        hooks.rejectNext = false;
        return Promise.reject(new Error('User rejected the payment'));
      }
      return fetch(origin + '/devnet/lightning/pay', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ invoice: paymentRequest }),
      }).then(function (res) {
        return res.json().catch(function () { return {}; }).then(function (body) {
          if (!res.ok) throw new Error(body.error || 'payment failed (HTTP ' + res.status + ')');
          return { preimage: body.preimage, paymentHash: body.paymentHash };
        });
      });
    },
    makeInvoice: function () { return Promise.reject(new Error('makeInvoice is not supported by the devnet test wallet')); },
    signMessage: function () { return Promise.reject(new Error('signMessage is not supported by the devnet test wallet')); },
    verifyMessage: function () { return Promise.reject(new Error('verifyMessage is not supported by the devnet test wallet')); },
    keysend: function () { return Promise.reject(new Error('keysend is not supported by the devnet test wallet')); },
  };

  // Fakes say so on screen: a fixed badge, out of the page's way.
  function showBadge() {
    if (document.querySelector('[data-devnet-badge]')) return;
    var badge = document.createElement('div');
    badge.setAttribute('data-devnet-badge', '');
    badge.setAttribute('role', 'status');
    badge.textContent = '\\u26A1 devnet test wallet';
    badge.title = 'Payments go to the mppkit devnet at ' + origin + '. No real money moves.';
    badge.style.cssText = [
      'position:fixed', 'left:12px', 'bottom:12px', 'z-index:2147483647',
      'padding:6px 10px', 'border-radius:999px', 'background:#1f2340', 'color:#ffd27a',
      'font:600 12px/1.2 system-ui,-apple-system,Segoe UI,sans-serif', 'letter-spacing:.02em',
      'box-shadow:0 2px 8px rgba(0,0,0,.35)', 'border:1px solid #ffd27a', 'pointer-events:auto',
    ].join(';');
    document.body.appendChild(badge);
  }
  if (document.body) showBadge();
  else document.addEventListener('DOMContentLoaded', showBadge);

  window.dispatchEvent(new Event('webln:ready'));
})();
`
}

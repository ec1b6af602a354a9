/**
 * `GET /devnet/evm-wallet.js`: an EIP-1193 browser wallet backed by the devnet chain's unlocked
 * test accounts, so pages use wagmi's real `injected` connector without an extension. It sets
 * `window.ethereum`, announces itself over EIP-6963 and badges itself "devnet test wallet".
 *
 * Like a real wallet it reports the chain it is on, refuses to sign typed data for another chain
 * and switches only on `wallet_switchEthereumChain`. Test hooks on `window.__devnetEvmWallet`:
 * `rejectNext = true` (the next signature fails like a person pressing "Reject"), `use('poor')`
 * (an account that cannot afford devnet prices), `setChain(id)` (start on the wrong chain),
 * `signatures` (how many were produced). Signatures are never logged.
 */
export function evmWalletScript({ origin, chainId, accounts }: { origin: string; chainId: number; accounts: { payer: string; poor: string } }): string {
  return `// mppkit devnet EVM wallet: a TEST wallet for the chain behind ${origin}. No real money moves.
(function () {
  'use strict';
  if (window.__devnetEvmWallet) return;
  var rpcUrl = ${JSON.stringify(`${origin}/devnet/evm/rpc`)};
  var devnetChainId = ${chainId};
  var accounts = ${JSON.stringify(accounts)};
  var listeners = {};
  var connected = false;
  var hooks = window.__devnetEvmWallet = {
    rejectNext: false,
    signatures: 0,
    account: accounts.payer,
    chainId: devnetChainId,
    use: function (name) {
      if (!accounts[name]) throw new Error('unknown devnet account ' + name);
      hooks.account = accounts[name];
      if (connected) emit('accountsChanged', [hooks.account]);
    },
    setChain: function (id) {
      hooks.chainId = id;
      emit('chainChanged', hex(id));
    },
  };

  function hex(n) { return '0x' + Number(n).toString(16); }
  function emit(event, value) { (listeners[event] || []).slice().forEach(function (fn) { try { fn(value); } catch (e) {} }); }
  function rpcError(code, message) { var e = new Error(message); e.code = code; return e; }
  var nextId = 1;
  function forward(method, params) {
    if (hooks.chainId !== devnetChainId) return Promise.reject(rpcError(4901, 'The devnet test wallet is not connected to chain ' + hooks.chainId));
    return fetch(rpcUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: nextId++, method: method, params: params || [] }),
    }).then(function (res) { return res.json(); }).then(function (body) {
      if (body.error) throw rpcError(body.error.code || -32603, body.error.message || 'RPC error');
      return body.result;
    });
  }

  function signTypedData(params) {
    var address = String(params && params[0]).toLowerCase();
    if (!connected || address !== hooks.account.toLowerCase()) return Promise.reject(rpcError(4100, 'The devnet test wallet has not authorized ' + address));
    var data;
    try { data = typeof params[1] === 'string' ? JSON.parse(params[1]) : params[1]; } catch (e) { return Promise.reject(rpcError(-32602, 'typed data is not JSON')); }
    var domainChain = data && data.domain && data.domain.chainId;
    if (domainChain !== undefined && Number(domainChain) !== hooks.chainId)
      return Promise.reject(rpcError(-32603, 'Provided chainId "' + Number(domainChain) + '" must match the active chainId "' + hooks.chainId + '"'));
    if (hooks.rejectNext) {
      hooks.rejectNext = false;
      return Promise.reject(rpcError(4001, 'User rejected the request.'));
    }
    return forward('eth_signTypedData_v4', [params[0], typeof params[1] === 'string' ? params[1] : JSON.stringify(params[1])]).then(function (signature) {
      hooks.signatures++;
      return signature;
    });
  }

  var provider = {
    isDevnetTestWallet: true,
    request: function (args) {
      var method = args && args.method;
      var params = args && args.params;
      switch (method) {
        case 'eth_requestAccounts':
          connected = true;
          emit('connect', { chainId: hex(hooks.chainId) });
          return Promise.resolve([hooks.account]);
        case 'eth_accounts':
          return Promise.resolve(connected ? [hooks.account] : []);
        case 'eth_chainId':
          return Promise.resolve(hex(hooks.chainId));
        case 'net_version':
          return Promise.resolve(String(hooks.chainId));
        case 'wallet_requestPermissions':
          connected = true;
          return Promise.resolve([{ parentCapability: 'eth_accounts' }]);
        case 'wallet_getPermissions':
          return Promise.resolve(connected ? [{ parentCapability: 'eth_accounts' }] : []);
        case 'wallet_revokePermissions':
          connected = false;
          emit('accountsChanged', []);
          return Promise.resolve(null);
        case 'wallet_switchEthereumChain': {
          var wanted = Number(params && params[0] && params[0].chainId);
          if (wanted !== devnetChainId) return Promise.reject(rpcError(4902, 'The devnet test wallet knows only chain ' + devnetChainId));
          if (hooks.chainId !== wanted) hooks.setChain(wanted);
          return Promise.resolve(null);
        }
        case 'eth_signTypedData_v4':
          return signTypedData(params);
        case 'eth_sendTransaction':
        case 'eth_sign':
        case 'personal_sign':
          return Promise.reject(rpcError(4200, method + ' is not supported by the devnet test wallet'));
        default:
          return forward(method, params);
      }
    },
    on: function (event, fn) { (listeners[event] = listeners[event] || []).push(fn); return provider; },
    removeListener: function (event, fn) { listeners[event] = (listeners[event] || []).filter(function (f) { return f !== fn; }); return provider; },
  };

  window.ethereum = provider;
  var info = {
    uuid: 'b5e5ad6e-6f1c-4c43-9a4e-0d3e7e7a0001',
    name: 'devnet test wallet',
    icon: 'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 viewBox=%220 0 32 32%22%3E%3Crect width=%2232%22 height=%2232%22 rx=%226%22 fill=%22%231f2340%22/%3E%3Ctext x=%2216%22 y=%2222%22 font-size=%2216%22 text-anchor=%22middle%22 fill=%22%23ffd27a%22%3ET%3C/text%3E%3C/svg%3E',
    rdns: 'local.mppkit.devnet',
  };
  function announce() { window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: Object.freeze({ info: info, provider: provider }) })); }
  window.addEventListener('eip6963:requestProvider', announce);
  announce();

  // Fakes say so on screen: a fixed badge, above the Lightning one if both are installed.
  function showBadge() {
    if (document.querySelector('[data-devnet-evm-badge]')) return;
    var badge = document.createElement('div');
    badge.setAttribute('data-devnet-evm-badge', '');
    badge.setAttribute('role', 'status');
    badge.textContent = '\\u2B21 devnet test wallet (EVM)';
    badge.title = 'Signs with the devnet chain\\'s test accounts at ' + ${JSON.stringify(origin)} + '. No real money moves.';
    badge.style.cssText = [
      'position:fixed', 'left:12px', 'bottom:48px', 'z-index:2147483647',
      'padding:6px 10px', 'border-radius:999px', 'background:#1f2340', 'color:#9ad0ff',
      'font:600 12px/1.2 system-ui,-apple-system,Segoe UI,sans-serif', 'letter-spacing:.02em',
      'box-shadow:0 2px 8px rgba(0,0,0,.35)', 'border:1px solid #9ad0ff',
    ].join(';');
    document.body.appendChild(badge);
  }
  if (document.body) showBadge();
  else document.addEventListener('DOMContentLoaded', showBadge);
})();
`
}

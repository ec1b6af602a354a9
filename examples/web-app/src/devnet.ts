import type { AssetBook } from '@mppkit/core'
import { apiBase, useDevnetEvmWallet, useDevnetWallet } from './config'

/**
 * When the API is an mppkit devnet, install its test WebLN wallet (it badges itself on screen as
 * "devnet test wallet"). Against any other server nothing is loaded.
 */
export async function detectDevnet(assets: AssetBook): Promise<boolean> {
  try {
    const response = await fetch(`${apiBase}/devnet/health`)
    if (!response.ok) return false
    if (useDevnetWallet) {
      const script = document.createElement('script')
      script.src = `${apiBase}/devnet/webln.js`
      document.head.append(script)
    }
    // The devnet's EVM test wallet (EIP-1193 + EIP-6963, badged on screen), when devnet runs a chain.
    // The devnet chain's token, so offers read "0.05 TUSD" rather than its address.
    const chain = await fetch(`${apiBase}/devnet/evm`).then((r) => (r.ok ? r.json() : undefined), () => undefined)
    if (chain?.token?.address && chain.token.symbol) assets.set(chain.token.address, { symbol: chain.token.symbol })
    if (useDevnetEvmWallet && chain) {
      const evmScript = document.createElement('script')
      evmScript.src = `${apiBase}/devnet/evm-wallet.js`
      document.head.append(evmScript)
    }
    return true
  } catch {
    return false
  }
}

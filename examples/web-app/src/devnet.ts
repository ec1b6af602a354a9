import { apiBase, useDevnetWallet } from './config'

/**
 * When the API is an mppkit devnet, install its test WebLN wallet (it badges itself on screen as
 * "devnet test wallet"). Against any other server nothing is loaded.
 */
export async function detectDevnet(): Promise<boolean> {
  try {
    const response = await fetch(`${apiBase}/devnet/health`)
    if (!response.ok) return false
    if (useDevnetWallet) {
      const script = document.createElement('script')
      script.src = `${apiBase}/devnet/webln.js`
      document.head.append(script)
    }
    return true
  } catch {
    return false
  }
}

// Loaded only when a tempo offer is paid (dynamic import from ./tempo): mppx's Tempo client brings
// viem/tempo, its ABIs and session code (~200 KB gzip), which no other offer needs.
import { tempo } from 'mppx/client'
import type { Client } from 'viem'

export type TempoChargeWiring = {
  /** The wallet's client for a chain: wagmi's `getConnectorClient(config, { chainId })`. */
  getClient: (parameters: { chainId?: number | undefined }) => Promise<Client>
  /** The connected address: a JSON-RPC account, so mppx sends the transaction through the wallet. */
  account: `0x${string}`
}

/**
 * mppx `tempo.charge` in push mode: browser wallets cannot sign Tempo transactions for the server
 * to broadcast (pull), so the wallet sends the TIP-20 transfer itself and the credential is its hash.
 */
export function tempoChargeClient(wiring: TempoChargeWiring) {
  return tempo.charge({ getClient: wiring.getClient as never, mode: 'push', account: wiring.account as never })
}

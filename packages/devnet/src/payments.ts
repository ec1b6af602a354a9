import { Mppx } from 'mppx/server'
import type { ConfigStore } from './config'
import type { CreditsLedger } from './credits/ledger'
import { creditsChargeServer } from './credits/server'
import type { EvmChain } from './evm/chain'
import { evmChargeServer } from './evm/server'
import { lightningChargeServer } from './lightning/method'
import type { LightningNode } from './lightning/node'
import { memoFor } from './routes/table'
import type { CardPayments } from './stripe/card'
import type { Stats } from './stats'

export const realm = 'devnet.mppkit.local'

// Fixed so challenges survive a devnet restart (an e2e run may restart it mid-suite). It protects
// nothing real: every payment here is fake.
export const devnetSecretKey = 'mppkit-devnet-secret-key-not-a-secret-0123456789'

export function createPaymentServer(deps: {
  node: LightningNode
  ledger: CreditsLedger
  stats: Stats
  config: ConfigStore
  /** The local EVM chain; without it no route offers evm/charge or x402. */
  evm?: EvmChain | undefined
  /** mppx's stripe/charge method (see stripe/card.ts); without it no route offers a card. */
  card?: CardPayments['method'] | undefined
}) {
  return Mppx.create({
    realm,
    secretKey: devnetSecretKey,
    methods: [
      lightningChargeServer({ node: deps.node, ttlSeconds: () => deps.config.get().challengeTtlSeconds, memoFor }),
      creditsChargeServer({ ledger: deps.ledger, stats: deps.stats }),
      ...(deps.evm ? [evmChargeServer({ chain: deps.evm, stats: deps.stats })] : []),
      ...(deps.card ? [deps.card] : []),
    ],
  })
}

export type PaymentServer = ReturnType<typeof createPaymentServer>

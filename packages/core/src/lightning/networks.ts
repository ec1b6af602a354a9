// Kept apart from method.ts (which imports mppx and zod) so that the 402 reader (hrp.ts) and the lazy
// invoice decoder can know the networks without pulling the method schema into their chunks.
export type LightningNetwork = 'mainnet' | 'testnet' | 'signet' | 'regtest'

/** BOLT11 human-readable prefixes per network (longest first so `lnbcrt` wins over `lnbc`). */
export const invoicePrefixes: ReadonlyArray<readonly [prefix: string, network: LightningNetwork]> = [
  ['lnbcrt', 'regtest'],
  ['lntbs', 'signet'],
  ['lntb', 'testnet'],
  ['lnbc', 'mainnet'],
]

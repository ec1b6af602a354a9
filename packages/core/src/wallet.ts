/** `@mppkit/core/wallet`: the wallet rail's core (EIP-3009 signing for MPP evm and x402, tempo/charge wiring). */
export { walletRailCore, walletEvmCharge, isWalletOffer, isUserRejection } from './wallet/rail'
export type { WalletSigner, WalletInput, TokenInfo, WalletRailOptions } from './wallet/rail'
export { guardedAccount } from './wallet/guard'
export { lazyTempoCharge, type TempoContext } from './wallet/tempo'
export { chainOf, samePayment } from './offers/x402'

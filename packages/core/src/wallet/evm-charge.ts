// Loaded with the first wallet payment (see walletEvmCharge): mppx's evm client and viem.
import { charge as evmChargeClient } from 'mppx/evm/client'

/** Signs an MPP evm or x402 `exact` challenge with the (guarded) account. */
export function createEvmCredential(challenge: unknown, account: unknown, authorization: { name: string; version: string } | undefined): Promise<string> {
  const method = evmChargeClient({ account: account as never, ...(authorization ? { authorization } : {}) })
  return method.createCredential({ challenge: challenge as never, context: { account: account as never } })
}

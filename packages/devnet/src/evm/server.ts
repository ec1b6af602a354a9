import { AsyncLocalStorage } from 'node:async_hooks'
import { Errors } from 'mppx'
import { evm } from 'mppx/server'
import type { Address, Hex } from 'viem'
import type { Stats } from '../stats'
import { evmAccounts, testUsd, type EvmChain } from './chain'

/**
 * The route a request is being served for, so a settlement (which mppx reports without the
 * request) is counted against the right route in /devnet/stats.
 */
const currentRoute = new AsyncLocalStorage<string>()
export const servingRoute = <T>(routeKey: string, run: () => T): T => currentRoute.run(routeKey, run)

/**
 * mppx's `evm/charge` server method settling on the devnet chain: the EIP-3009 authorization the
 * payer signed is submitted with `transferWithAuthorization`, so TestUSD really moves. The same
 * method answers x402 (`PAYMENT-REQUIRED` → `PAYMENT-SIGNATURE`). Replays fail on chain: the
 * token refuses a used nonce.
 */
export function evmChargeServer({ chain, stats }: { chain: EvmChain; stats: Stats }) {
  return evm.charge({
    chainId: chain.chainId,
    currency: chain.token,
    decimals: testUsd.decimals,
    recipient: evmAccounts.recipient,
    authorization: { name: testUsd.name, version: testUsd.version },
    async settle({ payload }) {
      let reference: Hex
      try {
        reference = await chain.transferWithAuthorization({
          from: payload.from as Address,
          to: payload.to as Address,
          value: BigInt(payload.value),
          validAfter: BigInt(payload.validAfter),
          validBefore: BigInt(payload.validBefore),
          nonce: payload.nonce as Hex,
          signature: payload.signature as Hex,
        })
      } catch (error) {
        // The chain's revert reason ("insufficient balance", "authorization already used") is
        // what the payer needs to hear; a plain Error would become a 500.
        throw new Errors.VerificationFailedError({ reason: revertReason(error) })
      }
      stats.settled(currentRoute.getStore() ?? 'unknown', 'evm')
      return { reference }
    },
  })
}

function revertReason(error: unknown): string {
  const text = error instanceof Error ? ((error as { shortMessage?: string }).shortMessage ?? error.message) : String(error)
  const reason = /reverted with reason string '([^']+)'|reverted with the following reason:\s*(.+)/.exec(text)
  return `settlement failed: ${(reason?.[1] ?? reason?.[2] ?? 'the token refused the transfer').trim().slice(0, 120)}`
}

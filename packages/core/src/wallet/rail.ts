import { Method } from 'mppx'
import type { Address, Hex, TypedDataDefinition } from 'viem'
// zod/mini as a namespace import (the zod mppx uses): tree-shakes under esbuild too.
import * as z from 'zod/mini'
import { chainOf } from '../offers/x402'
import type { Offer } from '../offers/offer'
import { RailError, type Rail } from '../rail'
import { lazyTempoCharge, type TempoContext } from './tempo'

/** What the wallet panel hands the rail: the connected wallet, able to sign EIP-712 typed data. */
export type WalletSigner = {
  readonly address: Address
  /** The chain the wallet is on right now. */
  readonly chainId: number
  signTypedData(typedData: TypedDataDefinition): Promise<Hex>
}

export type WalletInput = {
  readonly signer: WalletSigner
  /**
   * The token's EIP-712 domain (`name`, `version`) for MPP evm offers, read from the token or the
   * rail's token list. x402 offers carry it themselves.
   */
  readonly authorization?: { readonly name: string; readonly version: string } | undefined
  /** For tempo offers: the wallet's client per chain (wagmi `getConnectorClient`). */
  readonly getClient?: TempoContext['getClient'] | undefined
}

export { isUserRejection } from './rejection'

/** A token the page knows: its display and signing metadata. */
export type TokenInfo = {
  readonly chainId: number
  readonly address: Address
  readonly symbol: string
  readonly decimals: number
  /** EIP-712 domain name and version of the token's EIP-3009 authorization. */
  readonly name?: string | undefined
  readonly version?: string | undefined
}

export type WalletRailOptions = {
  /** Tokens with known metadata; others are shown by address and their metadata read from chain. */
  tokens?: readonly TokenInfo[] | undefined
}

/**
 * `evm/charge` as the kit registers it at start: name and intent only. mppx's real evm client
 * (and viem with it) loads with the first payment (./evm-charge), so a page that never pays with a
 * wallet does not download it. It signs MPP evm challenges and x402 `exact` ones alike.
 */
const evmChargeShape = Method.from({
  name: 'evm',
  intent: 'charge',
  schema: { credential: { payload: z.unknown() }, request: z.record(z.string(), z.unknown()) },
})

export const walletEvmCharge = Method.toClient(evmChargeShape, {
  context: z.object({ account: z.custom<{ address: Address }>(), authorization: z.optional(z.custom<{ name: string; version: string }>()) }),
  canHandleChallenge: () => true,
  async createCredential({ challenge, context }) {
    if (!context?.account) throw new RailError('unavailable', 'Connect a wallet first.')
    const { createEvmCredential } = await import('./evm-charge')
    return createEvmCredential(challenge, context.account, context.authorization)
  },
})

export function isWalletOffer(offer: Offer): boolean {
  if (offer.intent !== 'charge') return false
  return (offer.method === 'evm' && (offer.protocol === 'mpp' || offer.protocol === 'x402')) || (offer.method === 'tempo' && offer.protocol === 'mpp')
}

/**
 * Pays MPP `evm/charge` and x402 `exact` offers with an EIP-3009 authorization the person signs in
 * their wallet. Before the wallet sees anything, the offer's chain must be the wallet's; and what
 * mppx asks to sign is compared with the offer the person saw (token, recipient, amount, chain),
 * so a mismatch is refused instead of signed.
 */
export function walletRailCore(options: WalletRailOptions = {}): Rail<WalletInput> & { readonly tokens: readonly TokenInfo[] } {
  return {
    id: 'wallet',
    label: 'Wallet',
    tokens: options.tokens ?? [],
    methods: [walletEvmCharge, lazyTempoCharge],
    accepts: isWalletOffer,
    async pay(offer, input) {
      const signer = input?.signer
      if (!signer || typeof signer.signTypedData !== 'function') throw new RailError('unavailable', 'Connect a wallet first.')
      const chainId = chainOf(offer)
      if (chainId === undefined) throw new RailError('mismatch', 'The offer does not say which chain it is on.')
      if (signer.chainId !== chainId) throw new RailError('mismatch', `Switch your wallet to chain ${chainId} first.`)
      if (!offer.recipient) throw new RailError('mismatch', 'The offer names no recipient.')
      if (offer.method === 'tempo') {
        // Push mode: the wallet sends the transfer itself; mppx builds it from the challenge.
        if (!input.getClient) throw new RailError('unavailable', 'This wallet cannot send Tempo payments.')
        return { getClient: input.getClient, account: signer.address } satisfies TempoContext
      }
      const authorization = input.authorization
      if (offer.protocol === 'mpp' && !authorization) throw new RailError('unavailable', 'The token’s signing domain (name and version) is unknown, so it cannot be signed for.')
      const { guardedAccount } = await import('./guard')
      return { account: guardedAccount(signer, offer, chainId), ...(authorization ? { authorization } : {}) }
    },
  }
}


import { getAddress, isAddressEqual, type Address, type TypedDataDefinition } from 'viem'
import { toAccount } from 'viem/accounts'
import type { Offer } from '../offers/offer'
import { RailError } from '../rail'
import type { WalletSigner } from './rail'
import { isUserRejection } from './rejection'

/**
 * A viem account that signs only a TransferWithAuthorization matching the offer. Wallet errors
 * become RailErrors without the wallet's text (it may echo the request), and nothing here logs.
 */
export function guardedAccount(signer: WalletSigner, offer: Offer, chainId: number) {
  const token = getAddress(offer.amount.currency)
  const recipient = getAddress(offer.recipient!)
  return toAccount({
    address: getAddress(signer.address),
    async signMessage() {
      throw new RailError('mismatch', 'The wallet rail signs payment authorizations only.')
    },
    async signTransaction() {
      throw new RailError('mismatch', 'The wallet rail signs payment authorizations only.')
    },
    async signTypedData(typedData) {
      const td = typedData as TypedDataDefinition & { domain?: Record<string, unknown>; message?: Record<string, unknown> }
      const domain = td.domain ?? {}
      const message = td.message ?? {}
      const ok =
        td.primaryType === 'TransferWithAuthorization' &&
        Number(domain.chainId) === chainId &&
        typeof domain.verifyingContract === 'string' &&
        isAddressEqual(domain.verifyingContract as Address, token) &&
        typeof message.to === 'string' &&
        isAddressEqual(message.to as Address, recipient) &&
        typeof message.from === 'string' &&
        isAddressEqual(message.from as Address, signer.address) &&
        BigInt(message.value as bigint) === offer.amount.value
      if (!ok) throw new RailError('mismatch', 'What the wallet was asked to sign does not match the offer. Nothing was signed.')
      try {
        return await signer.signTypedData(td)
      } catch (error) {
        if (isUserRejection(error)) throw new RailError('rejected', 'You declined the signature in your wallet. Nothing was paid.')
        throw new RailError('failed', 'The wallet could not sign the payment. Nothing was paid.')
      }
    },
  })
}


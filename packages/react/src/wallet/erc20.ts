import type { Address, Client } from 'viem'
import { readContract } from 'viem/actions'

const erc20Abi = [
  { type: 'function', name: 'balanceOf', stateMutability: 'view', inputs: [{ name: 'owner', type: 'address' }], outputs: [{ type: 'uint256' }] },
  { type: 'function', name: 'decimals', stateMutability: 'view', inputs: [], outputs: [{ type: 'uint8' }] },
  { type: 'function', name: 'symbol', stateMutability: 'view', inputs: [], outputs: [{ type: 'string' }] },
  { type: 'function', name: 'name', stateMutability: 'view', inputs: [], outputs: [{ type: 'string' }] },
  // EIP-3009 tokens (USDC and friends) expose their EIP-712 domain version.
  { type: 'function', name: 'version', stateMutability: 'view', inputs: [], outputs: [{ type: 'string' }] },
] as const

/** What the panel knows about the token an offer asks for. `undefined` fields could not be read. */
export type TokenFacts = {
  readonly balance?: bigint | undefined
  readonly decimals?: number | undefined
  readonly symbol?: string | undefined
  readonly name?: string | undefined
  readonly version?: string | undefined
}

/**
 * Reads balance and metadata through the wallet's own connection (no RPC URL of ours needed).
 * A field the token does not have stays undefined: decimals are never guessed.
 */
export async function readTokenFacts(client: Client, token: Address, owner: Address): Promise<TokenFacts> {
  const read = <T,>(functionName: 'balanceOf' | 'decimals' | 'symbol' | 'name' | 'version', args?: readonly [Address]) =>
    readContract(client, { address: token, abi: erc20Abi, functionName, ...(args ? { args } : {}) } as never).then(
      (value) => value as T,
      () => undefined,
    )
  const [balance, decimals, symbol, name, version] = await Promise.all([
    read<bigint>('balanceOf', [owner]),
    read<number>('decimals'),
    read<string>('symbol'),
    read<string>('name'),
    read<string>('version'),
  ])
  return { balance, decimals: decimals === undefined ? undefined : Number(decimals), symbol: symbol?.slice(0, 12), name, version }
}

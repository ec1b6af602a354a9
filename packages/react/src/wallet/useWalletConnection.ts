import { useContext, useEffect, useMemo, useState } from 'react'
import { defineChain, type Chain } from 'viem'
import { createConfig, custom, injected, WagmiContext, type Config } from 'wagmi'
import { getConnection, getConnectors, reconnect, watchConnection, watchConnectors } from 'wagmi/actions'

/**
 * The wagmi config the panel works with: the app's (from its `WagmiProvider`) when there is one,
 * else the one passed to `walletRail({ config })`, else a minimal one made here for the offer's
 * chain with the injected connector (EIP-6963 wallets are discovered by wagmi too).
 */
export function useWagmiConfig(given: Config | undefined, chainId: number | undefined): { config: Config; own: boolean } {
  const fromProvider = useContext(WagmiContext)
  const fallback = useMemo(() => (fromProvider || given ? undefined : minimalConfig(chainId)), [fromProvider, given, chainId])
  const config = fromProvider ?? given ?? fallback!
  const own = !fromProvider
  useEffect(() => {
    // A WagmiProvider reconnects by itself; a config without one must be asked to.
    if (own) void reconnect(config).catch(() => {})
  }, [config, own])
  return { config, own }
}

let minimal: { chainId: number | undefined; config: Config } | undefined
function minimalConfig(chainId: number | undefined): Config {
  if (minimal && minimal.chainId === chainId) return minimal.config
  const chain: Chain = defineChain({
    id: chainId ?? 1,
    name: chainId === 31337 ? 'Local devnet (Hardhat)' : `Chain ${chainId ?? 1}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [] } },
  })
  // Every read goes through the connected wallet, so no RPC URL of ours is needed.
  const viaWallet = custom({
    request: async ({ method, params }: { method: string; params?: unknown }) => {
      const provider = (globalThis as { ethereum?: { request(args: unknown): Promise<unknown> } }).ethereum
      if (!provider) throw new Error('No wallet is connected.')
      return provider.request({ method, params })
    },
  })
  const config = createConfig({ chains: [chain], connectors: [injected()], transports: { [chain.id]: viaWallet } })
  minimal = { chainId, config }
  return config
}

// wagmi's getters return fresh objects, so they cannot be useSyncExternalStore snapshots (each
// render would see a "change"); state is taken once and then updated by wagmi's watchers.
export function useConnection(config: Config) {
  const [connection, setConnection] = useState(() => getConnection(config))
  useEffect(() => {
    setConnection(getConnection(config))
    return watchConnection(config, { onChange: setConnection })
  }, [config])
  return connection
}

export function useConnectors(config: Config) {
  const [connectors, setConnectors] = useState(() => getConnectors(config))
  useEffect(() => {
    setConnectors(getConnectors(config))
    return watchConnectors(config, { onChange: setConnectors })
  }, [config])
  return connectors
}

import { createServer } from 'node:http'
import { createServer as createNetServer, type AddressInfo } from 'node:net'
import { Request as NodeRequest } from 'mppx/server'
import { createDevnetApp } from './app'
import { startEvmChain, type EvmChain } from './evm/chain'
import { startStripe, type StripeSetup } from './stripe/setup'

export type StartDevnetOptions = {
  /** Default 8402; pass 0 for any free port (tests). */
  port?: number
  /** Default 127.0.0.1: devnet is for this machine only. */
  host?: string
  /** One line per request on stdout. */
  log?: boolean
  /**
   * The local EVM chain (a Hardhat node on 127.0.0.1) for evm/charge and x402. Default on, at
   * devnet's port + 1000 (a free port when devnet's is 0), so parallel devnets never share a chain.
   */
  evm?: boolean | { port: number }
  /**
   * Card offers through Stripe. Default on: an offline fake Stripe API on its own free 127.0.0.1
   * port, or real Stripe test mode when STRIPE_SECRET_KEY/STRIPE_PUBLISHABLE_KEY are set.
   */
  stripe?: boolean
}

export type RunningDevnet = {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string
  port: number
  /** The EVM chain's JSON-RPC URL, when it runs. */
  evmRpcUrl?: string | undefined
  close(): Promise<void>
}

export const defaultPort = 8402

export async function startDevnet(options: StartDevnetOptions = {}): Promise<RunningDevnet> {
  const host = options.host ?? '127.0.0.1'
  const port = options.port ?? defaultPort
  let evm: EvmChain | undefined
  if (options.evm !== false) {
    const evmPort = typeof options.evm === 'object' ? options.evm.port : port === 0 ? await freePort() : port + 1000
    evm = await startEvmChain({ port: evmPort })
  }
  let stripe: StripeSetup | undefined
  try {
    if (options.stripe !== false) stripe = await startStripe()
  } catch (error) {
    await evm?.close()
    throw error
  }
  const app = createDevnetApp({ log: options.log ?? false, evm, stripe })
  const server = createServer(NodeRequest.toNodeListener(app.fetch))

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, host, () => {
        server.off('error', reject)
        resolve()
      })
    })
  } catch (error) {
    await evm?.close()
    await stripe?.close()
    throw error
  }

  const { port: boundPort } = server.address() as AddressInfo
  const urlHost = host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${urlHost}:${boundPort}`,
    port: boundPort,
    evmRpcUrl: evm?.rpcUrl,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        // Keep-alive sockets from fetch would otherwise hold close() open for seconds.
        server.closeAllConnections()
      })
      await evm?.close()
      await stripe?.close()
    },
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

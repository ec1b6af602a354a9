import type { ConfigStore } from '../config'
import { isRecord, json, jsonError, readJson, text } from '../http'
import type { PaymentServer } from '../payments'
import { paidRoutes } from '../routes/table'
import { evmAccounts, testUsd, type EvmChain } from './chain'
import { servingRoute } from './server'
import { evmWalletScript } from './wallet-script'

/** JSON-RPC methods the browser test wallet may forward to the node: reads and typed-data signing. */
const forwardedMethods = new Set([
  'eth_chainId',
  'eth_blockNumber',
  'eth_call',
  'eth_getBalance',
  'eth_getCode',
  'eth_estimateGas',
  'eth_gasPrice',
  'eth_getTransactionReceipt',
  'eth_getBlockByNumber',
  'eth_signTypedData_v4',
])

/** `GET /x402/quote` and the `/devnet/evm/*` helpers. */
export function createEvmRoutes({ chain, payments, config }: { chain: EvmChain; payments: PaymentServer; config: ConfigStore }) {
  return {
    /**
     * A route whose only offer is x402. mppx's evm/charge answers both protocols at once, so the
     * MPP `WWW-Authenticate` challenge is dropped from the 402 here: what remains is exactly what
     * an x402-only server sends. The paid retry is verified and settled by the same real method.
     */
    async quote(request: Request): Promise<Response> {
      const route = paidRoutes.quote
      const handler = (payments as unknown as Record<string, (options: object) => (r: Request) => Promise<PaidResult>>)['evm/charge']
      if (!handler) return jsonError(503, 'the evm method is not configured', { code: 'no_evm' })
      const result = await servingRoute(route.key, () =>
        handler({ amount: route.testUsd, description: route.description, expires: config.expiresAt() })(request),
      )
      if (result.status === 402) {
        const headers = new Headers(result.challenge.headers)
        headers.delete('WWW-Authenticate')
        return new Response(result.challenge.body, { status: 402, headers })
      }
      return result.withReceipt(json({ pair: 'TUSD/USD', bid: '0.9998', ask: '1.0002', at: new Date().toISOString() }))
    },

    info: () =>
      json({
        rpcUrl: chain.rpcUrl,
        chainId: chain.chainId,
        token: { address: chain.token, ...testUsd },
        accounts: evmAccounts,
      }),

    async balance(address: string) {
      if (!/^0x[0-9a-fA-F]{40}$/.test(address)) return jsonError(400, 'not an address', { code: 'bad_address' })
      return json({ address, token: chain.token, balance: (await chain.balanceOf(address as `0x${string}`)).toString() })
    },

    /** The browser test wallet's JSON-RPC, limited to reads and typed-data signing. */
    async rpc(request: Request) {
      const body = await readJson(request)
      if ('error' in body) return jsonError(400, body.error, { code: 'bad_json' })
      const call = body.value
      if (!isRecord(call) || typeof call.method !== 'string') return jsonError(400, 'expected a JSON-RPC request', { code: 'bad_rpc' })
      if (!forwardedMethods.has(call.method)) return json({ jsonrpc: '2.0', id: call.id ?? null, error: { code: 4200, message: `${call.method} is not supported by the devnet test wallet` } })
      if (call.method === 'eth_signTypedData_v4') {
        const signer = Array.isArray(call.params) ? String(call.params[0]).toLowerCase() : ''
        const allowed = [evmAccounts.payer, evmAccounts.poorPayer].map((a) => a.toLowerCase())
        if (!allowed.includes(signer)) return json({ jsonrpc: '2.0', id: call.id ?? null, error: { code: 4100, message: 'the devnet test wallet signs for its payer accounts only' } })
      }
      return json(await chain.rpc({ jsonrpc: '2.0', id: call.id ?? 1, method: call.method, params: call.params ?? [] }))
    },

    walletScript(request: Request) {
      const { origin } = new URL(request.url)
      return text(evmWalletScript({ origin, chainId: chain.chainId, accounts: { payer: evmAccounts.payer, poor: evmAccounts.poorPayer } }), 'application/javascript; charset=utf-8', {
        headers: { 'Cache-Control': 'no-store' },
      })
    },
  }
}

type PaidResult = { status: 402; challenge: Response } | { status: 200; withReceipt(response: Response): Response }

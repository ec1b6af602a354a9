import { spawn, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { createPublicClient, createWalletClient, http, type Address, type Hex } from 'viem'
import { hardhat } from 'viem/chains'
import { testUsdAbi, testUsdBytecode } from './testUsdArtifact'

/**
 * Hardhat's default accounts (its well-known test mnemonic), unlocked on the node: devnet signs
 * with them through JSON-RPC, so no private key appears in this code.
 */
export const evmAccounts = {
  /** Deploys TestUSD and submits `transferWithAuthorization` (pays the gas). */
  relayer: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
  /** The browser test wallet's default account: holds 100 TUSD. */
  payer: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  /** Holds 0.01 TUSD: less than any devnet price, for the "cannot afford" path. */
  poorPayer: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
  /** The merchant every evm/x402 offer pays. */
  recipient: '0xa0Ee7A142d267C1f36714E4a8F75612F20a79720',
} as const satisfies Record<string, Address>

export const testUsd = { name: 'Test USD', symbol: 'TUSD', version: '1', decimals: 6 } as const
export const payerStartBalance = 100_000_000n // 100 TUSD
export const poorPayerStartBalance = 10_000n // 0.01 TUSD

export type EvmChain = {
  readonly rpcUrl: string
  readonly chainId: number
  readonly token: Address
  balanceOf(address: Address): Promise<bigint>
  /** Submits an EIP-3009 authorization and waits for it to be mined; returns the tx hash. */
  transferWithAuthorization(authorization: Authorization): Promise<Hex>
  /** Forwards one JSON-RPC call to the node (the browser test wallet goes through this). */
  rpc(body: unknown): Promise<unknown>
  close(): Promise<void>
}

export type Authorization = {
  from: Address
  to: Address
  value: bigint
  validAfter: bigint
  validBefore: bigint
  nonce: Hex
  signature: Hex
}

const require = createRequire(import.meta.url)
const hardhatConfig = fileURLToPath(new URL('../../chain/hardhat.config.cjs', import.meta.url))

/**
 * Starts a Hardhat node on 127.0.0.1:`port` (a child process, so its globals stay out of devnet),
 * deploys TestUSD and funds the test accounts. Fails (and stops the node) if any step fails or the
 * node is not answering within `timeoutMs`.
 */
export async function startEvmChain(options: { port: number; timeoutMs?: number }): Promise<EvmChain> {
  const rpcUrl = `http://127.0.0.1:${options.port}`
  const cli = require.resolve('hardhat/internal/cli/cli.js')
  const child = spawn(process.execPath, [cli, '--config', hardhatConfig, 'node', '--hostname', '127.0.0.1', '--port', String(options.port)], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    env: { ...process.env, HARDHAT_DISABLE_TELEMETRY_PROMPT: 'true' },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  // The node must not outlive devnet: stop it when this process exits however it exits (short of SIGKILL).
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)
  child.once('exit', () => process.off('exit', killOnExit))
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-2000)))
  const stop = () => stopChild(child)
  try {
    await waitForRpc(rpcUrl, child, options.timeoutMs ?? 20_000, () => stderr)
    const transport = http(rpcUrl, { retryCount: 0 })
    const publicClient = createPublicClient({ chain: hardhat, transport })
    const relayer = createWalletClient({ chain: hardhat, transport, account: evmAccounts.relayer })

    const deployed = await publicClient.waitForTransactionReceipt({ hash: await relayer.deployContract({ abi: testUsdAbi, bytecode: testUsdBytecode }) })
    const token = deployed.contractAddress
    if (!token) throw new Error('TestUSD deployment returned no address')
    for (const [to, amount] of [
      [evmAccounts.payer, payerStartBalance],
      [evmAccounts.poorPayer, poorPayerStartBalance],
    ] as const) {
      await publicClient.waitForTransactionReceipt({ hash: await relayer.writeContract({ address: token, abi: testUsdAbi, functionName: 'mint', args: [to, amount] }) })
    }

    return {
      rpcUrl,
      chainId: hardhat.id,
      token,
      balanceOf: (address) => publicClient.readContract({ address: token, abi: testUsdAbi, functionName: 'balanceOf', args: [address] }),
      async transferWithAuthorization(a) {
        const hash = await relayer.writeContract({
          address: token,
          abi: testUsdAbi,
          functionName: 'transferWithAuthorization',
          args: [a.from, a.to, a.value, a.validAfter, a.validBefore, a.nonce, a.signature],
        })
        const receipt = await publicClient.waitForTransactionReceipt({ hash })
        if (receipt.status !== 'success') throw new Error('transferWithAuthorization reverted')
        return hash
      },
      async rpc(body) {
        const response = await fetch(rpcUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
        return response.json()
      },
      close: stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}

async function waitForRpc(rpcUrl: string, child: ChildProcess, timeoutMs: number, stderr: () => string) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the Hardhat node exited (${child.exitCode}): ${stderr().trim().slice(-500)}`)
    try {
      const response = await fetch(rpcUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
        signal: AbortSignal.timeout(1000),
      })
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`the Hardhat node did not answer on ${rpcUrl} within ${timeoutMs} ms (is the port taken?) ${stderr().trim().slice(-300)}`)
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 3000)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

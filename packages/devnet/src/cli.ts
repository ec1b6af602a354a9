#!/usr/bin/env node
import { defaultPort, startDevnet } from './server'

const port = process.env.PORT ? Number(process.env.PORT) : defaultPort
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`devnet: PORT must be a port number, got "${process.env.PORT}"`)
  process.exit(1)
}

const devnet = await startDevnet({ port, log: process.env.DEVNET_LOG !== '0' })
console.log(`devnet listening on ${devnet.url}`)
console.log(`  GET  /api/photo                 lightning 100 sats | credits 5
  POST /api/summarize             lightning 250 sats | credits 10 (bound to the body)
  GET  /l402/fortune              L402, 50 sats
  GET  /x402/quote                x402 only, 0.02 TUSD · photo and summary also take evm/charge (and x402): 0.05 / 0.10 TUSD
  POST /mcp                       MCP server: paid tools (MPP over MCP, PayMCP modes, URL elicitation, x402) · GET /mcp/pay/:id payment page
  GET  /devnet/stats              challenges, accepted and settled per route and rail
  GET  /devnet/wallet             test Lightning wallet page · GET /devnet/webln.js WebLN provider
  POST /devnet/lightning/pay      pay an invoice {invoice} · GET /devnet/lightning/wallet balance
  GET  /devnet/credits/demo       credits balance (account demo, PIN 4242; "low", PIN 0000, has 3)
  GET  /devnet/evm                Hardhat chain ${devnet.evmRpcUrl ?? '(off)'}: TestUSD address, test accounts · GET /devnet/evm-wallet.js EVM test wallet
                                  GET /devnet/evm/balance/:address TestUSD balance
  GET  /devnet/stripe             card setup: ${process.env.STRIPE_SECRET_KEY ? 'Stripe TEST MODE (your STRIPE_* keys)' : 'offline Stripe test double (card 4242 4242 4242 4242)'}
                                  photo $0.50, summary $0.75 by card · POST /devnet/stripe/spt token endpoint
  POST /devnet/reset · GET|POST /devnet/config · GET /devnet/health`)

let closing = false
async function shutdown(signal: string) {
  if (closing) return
  closing = true
  console.log(`devnet: ${signal}, closing`)
  await devnet.close()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))

import { createHash } from 'node:crypto'
import bolt11 from 'bolt11'

/**
 * Real, signed BOLT11 invoices for tests: a fixed node key, and preimages derived from a seed so
 * every invoice (and its payment hash) is reproducible.
 */

export type Network = 'mainnet' | 'testnet' | 'signet' | 'regtest'

const networks: Record<Network, { bech32: string; pubKeyHash: number; scriptHash: number; validWitnessVersions: number[] }> = {
  mainnet: { bech32: 'bc', pubKeyHash: 0x00, scriptHash: 0x05, validWitnessVersions: [0] },
  testnet: { bech32: 'tb', pubKeyHash: 0x6f, scriptHash: 0xc4, validWitnessVersions: [0] },
  signet: { bech32: 'tbs', pubKeyHash: 0x6f, scriptHash: 0xc4, validWitnessVersions: [0] },
  regtest: { bech32: 'bcrt', pubKeyHash: 0x6f, scriptHash: 0xc4, validWitnessVersions: [0] },
}

/** Guards nothing: it only makes the signatures real. */
export const testNodeKey = sha256Hex('mppkit core unit-test lightning node')

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** A deterministic 32-byte preimage (hex) from a seed. */
export function preimageFor(seed: string): string {
  return sha256Hex(`preimage:${seed}`)
}

export function paymentHashOf(preimageHex: string): string {
  return sha256Hex(Buffer.from(preimageHex, 'hex'))
}

export type TestInvoice = { invoice: string; preimage: string; paymentHash: string; sats: number; timestamp: number; expirySeconds: number }

export type InvoiceOptions = {
  sats?: number | undefined
  /** Amount in millisatoshis (for fractional-satoshi invoices); overrides `sats`. */
  millisats?: string | undefined
  /** Omit the amount entirely (an "any amount" invoice). */
  noAmount?: boolean | undefined
  seed?: string | undefined
  network?: Network | undefined
  /** Unix seconds; defaults to now. */
  timestamp?: number | undefined
  /** `null` leaves the expiry tag out (BOLT11 default: 3600 s). */
  expirySeconds?: number | null | undefined
  description?: string | undefined
}

export function makeInvoice(options: InvoiceOptions = {}): TestInvoice {
  const sats = options.sats ?? 100
  const preimage = preimageFor(options.seed ?? 'default')
  const paymentHash = paymentHashOf(preimage)
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000)
  const expirySeconds = options.expirySeconds === null ? 3600 : (options.expirySeconds ?? 600)
  const amount = options.noAmount ? {} : options.millisats !== undefined ? { millisatoshis: options.millisats } : { satoshis: sats }
  const unsigned = bolt11.encode({
    network: networks[options.network ?? 'regtest'],
    ...amount,
    timestamp,
    tags: [
      { tagName: 'payment_hash', data: paymentHash },
      { tagName: 'payment_secret', data: sha256Hex(`secret:${options.seed ?? 'default'}`) },
      { tagName: 'description', data: options.description ?? 'mppkit test invoice' },
      ...(options.expirySeconds === null ? [] : [{ tagName: 'expire_time', data: expirySeconds }]),
    ],
  })
  const signed = bolt11.sign(unsigned, testNodeKey)
  return { invoice: signed.paymentRequest!, preimage, paymentHash, sats, timestamp, expirySeconds }
}

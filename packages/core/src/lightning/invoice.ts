import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js'
import { decode } from 'light-bolt11-decoder'
import type { Offer } from '../offers/offer'
import { RailError } from '../rail'
import { invoicePrefixes, type LightningNetwork } from './networks'

/**
 * The full BOLT11 check, loaded lazily with the Lightning panel: the invoice must ask for exactly
 * the offer's amount, carry the payment hash and network the challenge names, and not be expired.
 * (Signatures are not checked: the payer's wallet does that before it pays.)
 */
export type CheckedInvoice = {
  readonly invoice: string
  readonly paymentHash: string
  readonly sats: bigint
  readonly network: LightningNetwork
  readonly expiresAt: Date
  readonly memo?: string | undefined
}

const defaultExpirySeconds = 3600

export function decodeInvoice(invoice: string): Omit<CheckedInvoice, 'invoice'> {
  let decoded: ReturnType<typeof decode>
  try {
    decoded = decode(invoice)
  } catch {
    throw new RailError('mismatch', 'The Lightning invoice is not valid.')
  }
  const section = <N extends string>(name: N) => decoded.sections.find((s) => s.name === name) as { value?: unknown } | undefined
  const msat = section('amount')?.value
  const paymentHash = section('payment_hash')?.value
  const timestamp = section('timestamp')?.value
  if (typeof msat !== 'string' || !/^\d+$/.test(msat)) throw new RailError('mismatch', 'The Lightning invoice has no amount.')
  if (BigInt(msat) % 1000n !== 0n) throw new RailError('mismatch', 'The Lightning invoice asks for a fraction of a satoshi.')
  if (typeof paymentHash !== 'string' || !/^[0-9a-f]{64}$/.test(paymentHash)) throw new RailError('mismatch', 'The Lightning invoice has no payment hash.')
  const expiry = section('expiry')?.value
  const seconds = typeof expiry === 'number' ? expiry : defaultExpirySeconds
  const lower = invoice.toLowerCase()
  const network = invoicePrefixes.find(([prefix]) => lower.startsWith(prefix))?.[1] ?? 'mainnet'
  const memo = section('description')?.value
  return {
    paymentHash,
    sats: BigInt(msat) / 1000n,
    network,
    expiresAt: new Date(((typeof timestamp === 'number' ? timestamp : 0) + seconds) * 1000),
    memo: typeof memo === 'string' ? memo.slice(0, 300) : undefined,
  }
}

/** Decodes the offer's invoice and refuses it when it disagrees with the challenge. */
export function checkInvoice(offer: Offer, now: number = Date.now()): CheckedInvoice {
  const details = (offer.request.methodDetails ?? {}) as Record<string, unknown>
  const invoice = details.invoice
  if (typeof invoice !== 'string') throw new RailError('mismatch', 'The offer carries no Lightning invoice.')
  const decoded = decodeInvoice(invoice)
  if (decoded.sats !== offer.amount.value)
    throw new RailError('mismatch', `The invoice asks for ${decoded.sats} sats but the price is ${offer.amount.value} sats. It was not paid.`)
  if (details.paymentHash !== undefined && String(details.paymentHash).toLowerCase() !== decoded.paymentHash)
    throw new RailError('mismatch', 'The invoice does not match the payment the server described. It was not paid.')
  if (details.network !== undefined && details.network !== decoded.network)
    throw new RailError('mismatch', `The invoice is for ${decoded.network}, not ${String(details.network)}. It was not paid.`)
  if (decoded.expiresAt.getTime() <= now) throw new RailError('mismatch', 'The Lightning invoice has expired.')
  return { invoice, ...decoded }
}

/** Normalizes a preimage and checks it against the payment hash. */
export function checkPreimage(preimage: unknown, paymentHash: string): string {
  const text = typeof preimage === 'string' ? preimage.trim().toLowerCase() : ''
  if (!/^[0-9a-f]{64}$/.test(text)) throw new RailError('invalid-input', 'A preimage is 64 hexadecimal characters.')
  if (bytesToHex(sha256(hexToBytes(text))) !== paymentHash)
    throw new RailError('invalid-input', 'That preimage does not belong to this invoice.')
  return text
}

import { invoicePrefixes, type LightningNetwork } from './networks'

/**
 * Reads a BOLT11 invoice's network and amount from its human-readable part alone — cheap enough
 * to run when a 402 arrives. The full decode (payment hash, expiry) happens lazily in the rail.
 */
export type InvoiceSummary = { network: LightningNetwork; sats: bigint | undefined }

// BOLT11 multipliers, as millisatoshis per unit of the amount digits.
const msatPer: Record<string, bigint> = { '': 100_000_000_000n, m: 100_000_000n, u: 100_000n, n: 100n }

export class InvoiceError extends Error {
  override readonly name = 'InvoiceError'
}

export function readInvoiceHrp(invoice: string): InvoiceSummary {
  if (typeof invoice !== 'string' || invoice.length > 8192) throw new InvoiceError('Not a Lightning invoice')
  const text = invoice.trim().toLowerCase().replace(/^lightning:/, '')
  const separator = text.lastIndexOf('1')
  if (separator < 4) throw new InvoiceError('Not a Lightning invoice')
  const hrp = text.slice(0, separator)
  const match = invoicePrefixes.find(([prefix]) => hrp.startsWith(prefix))
  if (!match) throw new InvoiceError('Not a Lightning invoice')
  const [prefix, network] = match
  const amountPart = hrp.slice(prefix.length)
  if (!amountPart) return { network, sats: undefined }
  const parsed = /^(\d{1,20})([munp]?)$/.exec(amountPart)
  if (!parsed) throw new InvoiceError('The invoice amount is malformed')
  const digits = BigInt(parsed[1]!)
  const unit = parsed[2]!
  const msat = unit === 'p' ? (digits % 10n === 0n ? digits / 10n : -1n) : digits * msatPer[unit]!
  if (msat < 0n || msat % 1000n !== 0n) throw new InvoiceError('Invoices for fractions of a satoshi are not supported')
  return { network, sats: msat / 1000n }
}

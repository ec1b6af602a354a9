import { Receipt } from 'mppx'
import type { Money } from './amount'
import type { Offer, Protocol } from './offers/offer'

/** A payment that went through, as the kit keeps it. Holds no credential or preimage. */
export type PaymentReceipt = {
  readonly id: string
  readonly protocol: Protocol
  readonly method: string
  /** Settlement reference from the server (payment hash, tx hash, payment intent id). */
  readonly reference: string
  readonly status: string
  readonly timestamp: string
  /** What was paid, from the offer that was chosen. */
  readonly amount: Money
  readonly description?: string | undefined
  readonly url: string
  /** False when the server sent no receipt header (the kit made one from the offer). */
  readonly fromServer: boolean
}

const maxHeader = 16 * 1024

/** Parses `Payment-Receipt` (MPP; also sent by L402 servers that speak MPP receipts). Never throws. */
export function readReceiptHeader(response: Response): Receipt.Receipt | undefined {
  const header = response.headers.get('payment-receipt')
  if (!header) return readX402Response(response)
  if (header.length > maxHeader) return undefined
  try {
    const receipt = Receipt.deserialize(header)
    return typeof receipt.reference === 'string' ? receipt : undefined
  } catch {
    return undefined
  }
}

/** x402's `PAYMENT-RESPONSE` (base64 JSON `{ success, transaction, network }`) as a receipt. */
function readX402Response(response: Response): Receipt.Receipt | undefined {
  const header = response.headers.get('payment-response')
  if (!header || header.length > maxHeader) return undefined
  try {
    const settled = JSON.parse(atob(header)) as Record<string, unknown>
    if (settled.success !== true || typeof settled.transaction !== 'string') return undefined
    return { method: 'evm', reference: settled.transaction, status: 'success', timestamp: new Date().toISOString() }
  } catch {
    return undefined
  }
}

let counter = 0
export function receiptFor(offer: Offer, response: Response, url: string, fallbackReference: string): PaymentReceipt {
  const header = readReceiptHeader(response)
  return Object.freeze({
    id: `r_${Date.now().toString(36)}_${(counter++).toString(36)}`,
    protocol: offer.protocol,
    method: header?.method ?? offer.method,
    reference: String(header?.reference ?? fallbackReference).slice(0, 300),
    status: String(header?.status ?? 'success').slice(0, 40),
    timestamp: String(header?.timestamp ?? new Date().toISOString()).slice(0, 60),
    amount: offer.amount,
    description: offer.description,
    url,
    fromServer: header !== undefined,
  })
}

/** Where receipts are kept; memory by default, pluggable (localStorage, IndexedDB, a server). */
export type ReceiptStore = {
  add(receipt: PaymentReceipt): void
  list(): readonly PaymentReceipt[]
  subscribe(listener: () => void): () => void
}

export function memoryReceiptStore(limit = 500): ReceiptStore {
  let receipts: readonly PaymentReceipt[] = []
  const listeners = new Set<() => void>()
  return {
    add(receipt) {
      receipts = [receipt, ...receipts].slice(0, limit)
      for (const l of listeners) l()
    },
    list: () => receipts,
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
  }
}

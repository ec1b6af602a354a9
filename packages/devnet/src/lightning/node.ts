import { createECDH, createHash, randomBytes } from 'node:crypto'
import bolt11 from 'bolt11'

/**
 * A test Lightning "node": it mints real, signed regtest BOLT11 invoices and remembers their
 * preimages. There is no network; the devnet test wallet settles invoices by asking this node
 * for the preimage, which is what a real HTLC settlement reveals.
 */

const regtest = { bech32: 'bcrt', pubKeyHash: 0x6f, scriptHash: 0xc4, validWitnessVersions: [0] }

// A fixed key so invoices (and the node id a wallet shows) stay the same across restarts.
// It guards nothing: it only exists to make signatures verifiable.
const testNodeKey = createHash('sha256').update('mppkit devnet test lightning node v1').digest('hex')
const testNodeId = (() => {
  const ecdh = createECDH('secp256k1')
  ecdh.setPrivateKey(testNodeKey, 'hex')
  return ecdh.getPublicKey('hex', 'compressed')
})()

export type Invoice = {
  invoice: string
  paymentHash: string
  amountSats: number
  description: string
  /** Unix ms. */
  expiresAt: number
  /** The route that asked for the invoice (`GET /api/photo`), so a settlement is counted there. */
  route: string
  /** Set by the test wallet when it pays. */
  paidAt?: number
  /** Set when a server accepted the preimage for this invoice. */
  redeemedAt?: number
}

export type InvoiceRequest = {
  amountSats: number
  description: string
  expirySeconds: number
  route: string
}

export const sha256Hex = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex')

export const isPreimageHex = (value: string) => /^[0-9a-f]{64}$/.test(value)

/** `sha256(preimage) == paymentHash`, with the preimage as 64 lowercase hex characters. */
export function preimageMatches(preimage: string, paymentHash: string): boolean {
  return isPreimageHex(preimage) && sha256Hex(Buffer.from(preimage, 'hex')) === paymentHash.toLowerCase()
}

/** Reads the payment hash from a BOLT11 string, or undefined if it is not a valid invoice. */
export function decodePaymentHash(invoice: string): string | undefined {
  try {
    const decoded = bolt11.decode(invoice, regtest)
    return decoded.tagsObject.payment_hash
  } catch {
    return undefined
  }
}

export function createLightningNode() {
  const invoices = new Map<string, Invoice>()
  // Kept apart from `Invoice` so nothing that serializes an invoice record can leak a preimage.
  const preimages = new Map<string, string>()

  function prune(now: number) {
    // Unpaid invoices an hour past expiry can never be paid or redeemed again.
    for (const [hash, record] of invoices)
      if (!record.paidAt && record.expiresAt + 3_600_000 < now) {
        invoices.delete(hash)
        preimages.delete(hash)
      }
  }

  return {
    network: 'regtest' as const,
    nodeId: testNodeId,

    createInvoice(request: InvoiceRequest): Invoice {
      return mint(request)
    },

    /** Finds an invoice this node issued, by its exact BOLT11 string. */
    findByInvoice(invoice: string): Invoice | undefined {
      const hash = decodePaymentHash(invoice)
      const record = hash ? invoices.get(hash) : undefined
      return record && record.invoice === invoice.toLowerCase() ? record : undefined
    },

    findByHash: (paymentHash: string) => invoices.get(paymentHash.toLowerCase()),

    /** What settling an HTLC reveals. Only the test wallet calls this. */
    settle(paymentHash: string): string | undefined {
      const record = invoices.get(paymentHash)
      const preimage = preimages.get(paymentHash)
      if (!record || !preimage) return undefined
      record.paidAt = Date.now()
      return preimage
    },

    markRedeemed(paymentHash: string) {
      const record = invoices.get(paymentHash)
      if (record) record.redeemedAt = Date.now()
    },
  }

  function mint(request: InvoiceRequest): Invoice {
    const now = Date.now()
    prune(now)
    const preimage = randomBytes(32)
    const paymentHash = sha256Hex(preimage)
    const expirySeconds = Math.max(1, Math.ceil(request.expirySeconds))
    const unsigned = bolt11.encode({
      network: regtest,
      satoshis: request.amountSats,
      timestamp: Math.floor(now / 1000),
      tags: [
        { tagName: 'payment_hash', data: paymentHash },
        { tagName: 'payment_secret', data: randomBytes(32).toString('hex') },
        { tagName: 'description', data: request.description },
        { tagName: 'expire_time', data: expirySeconds },
      ],
    })
    const signed = bolt11.sign(unsigned, testNodeKey)
    const record: Invoice = {
      invoice: signed.paymentRequest!,
      paymentHash,
      amountSats: request.amountSats,
      description: request.description,
      // The devnet TTL may be fractional (e2e uses short ones); BOLT11 expiry is whole seconds.
      expiresAt: now + request.expirySeconds * 1000,
      route: request.route,
    }
    invoices.set(paymentHash, record)
    preimages.set(paymentHash, preimage.toString('hex'))
    return record
  }
}

export type LightningNode = ReturnType<typeof createLightningNode>

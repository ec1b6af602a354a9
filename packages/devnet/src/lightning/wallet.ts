import type { Stats } from '../stats'
import type { LightningNode } from './node'

/**
 * The devnet test wallet: the only thing that can "pay" an invoice this devnet issued, which
 * reveals its preimage. Paying is the moment money moves, so it is where lightning settlements
 * are counted (under the route that asked for the invoice).
 */

export const testWalletStartSats = 1_000_000

export type Payment = { preimage: string; paymentHash: string; amountSats: number }
export type PaymentRefusal = {
  status: 400 | 404 | 409 | 410 | 422
  code: 'bad_invoice' | 'unknown_invoice' | 'already_paid' | 'expired' | 'insufficient_balance'
  error: string
}

export function createTestWallet(node: LightningNode, stats: Stats) {
  let balanceSats = testWalletStartSats

  return {
    get balanceSats() {
      return balanceSats
    },

    pay(invoice: unknown): { ok: true; payment: Payment } | { ok: false; refusal: PaymentRefusal } {
      const refuse = (refusal: PaymentRefusal) => ({ ok: false as const, refusal })
      if (typeof invoice !== 'string' || invoice.trim() === '')
        return refuse({ status: 400, code: 'bad_invoice', error: 'expected { "invoice": "<bolt11>" }' })
      const bolt11 = invoice.trim().toLowerCase().replace(/^lightning:/, '')
      const record = node.findByInvoice(bolt11)
      if (!record)
        return refuse({ status: 404, code: 'unknown_invoice', error: 'this invoice was not issued by this devnet' })
      if (record.paidAt) return refuse({ status: 409, code: 'already_paid', error: 'this invoice is already paid' })
      if (record.expiresAt <= Date.now()) return refuse({ status: 410, code: 'expired', error: 'this invoice has expired' })
      if (record.amountSats > balanceSats)
        return refuse({ status: 422, code: 'insufficient_balance', error: 'the test wallet balance is too low' })

      const preimage = node.settle(record.paymentHash)
      if (!preimage) return refuse({ status: 404, code: 'unknown_invoice', error: 'this invoice was not issued by this devnet' })
      balanceSats -= record.amountSats
      stats.settled(record.route, 'lightning')
      return { ok: true, payment: { preimage, paymentHash: record.paymentHash, amountSats: record.amountSats } }
    },
  }
}

export type TestWallet = ReturnType<typeof createTestWallet>

import { AmountError, parseBaseUnits, parseDecimals, shortAddress } from '../amount'
import type { Offer, RejectedOffer } from './offer'

/**
 * x402 (`exact` scheme, EIP-3009 on EVM chains) read from a 402: the v2 `PAYMENT-REQUIRED` header
 * (base64 JSON `{ x402Version: 2, resource, accepts: [...] }`) or a v1 JSON body `{ accepts }`.
 * Each `accepts` entry becomes an Offer with method `evm` (the rail that signs EIP-3009 pays both
 * MPP evm and x402). Malformed entries become RejectedOffers; nothing here throws.
 *
 * The x402 request carries no decimals. An `extra.decimals` is used when the server sends one;
 * otherwise the amount stays in base units (decimals 0) and `request.decimalsKnown` is false, so
 * the UI shows base units and the token address rather than a guessed "$".
 */
export type X402Source = {
  readonly protocol: 'x402'
  readonly version: 1 | 2
  /** The `PAYMENT-REQUIRED` header as sent (v2), re-encoded with only this entry when paying. */
  readonly header?: string | undefined
  /** Index of this entry in `accepts`. */
  readonly index: number
  readonly accepted: Readonly<Record<string, unknown>>
}

const maxEntries = 16

export function x402FromHeader(header: string): Array<Offer | RejectedOffer> {
  let envelope: unknown
  try {
    envelope = JSON.parse(decodeBase64(header.trim()))
  } catch {
    return [{ protocol: 'x402', reason: 'malformed PAYMENT-REQUIRED header: not base64 JSON' }]
  }
  if (!isRecord(envelope) || envelope.x402Version !== 2 || !Array.isArray(envelope.accepts))
    return [{ protocol: 'x402', reason: 'PAYMENT-REQUIRED is not an x402 version 2 object with accepts' }]
  const resource = isRecord(envelope.resource) ? envelope.resource : undefined
  const description = typeof resource?.description === 'string' ? resource.description : typeof envelope.error === 'string' ? envelope.error : undefined
  return envelope.accepts.slice(0, maxEntries).map((entry, index) => x402Offer(entry, index, { version: 2, header, description }))
}

/** x402 v1 answers in the body: `{ x402Version: 1, accepts: [...] }`. */
export function x402FromBody(body: unknown): Array<Offer | RejectedOffer> {
  if (!isRecord(body) || !Array.isArray(body.accepts)) return []
  if (body.x402Version !== 1) return [{ protocol: 'x402', reason: `x402 body version ${String(body.x402Version)} is not supported` }]
  return body.accepts.slice(0, maxEntries).map((entry, index) => x402Offer(entry, index, { version: 1, description: undefined }))
}

function x402Offer(entry: unknown, index: number, context: { version: 1 | 2; header?: string; description: string | undefined }): Offer | RejectedOffer {
  if (!isRecord(entry)) return { protocol: 'x402', reason: `accepts[${index}] is not an object` }
  try {
    if (entry.scheme !== 'exact') throw new AmountError(`scheme "${String(entry.scheme).slice(0, 20)}" is not supported (only exact)`)
    const chainId = chainIdOf(entry.network)
    const asset = address(entry.asset, 'asset')
    const payTo = address(entry.payTo, 'payTo')
    // v1 calls it maxAmountRequired; v2 calls it amount.
    const value = parseBaseUnits(context.version === 1 ? (entry.maxAmountRequired ?? entry.amount) : entry.amount)
    const extra = isRecord(entry.extra) ? entry.extra : {}
    const decimalsKnown = extra.decimals !== undefined
    const decimals = decimalsKnown ? parseDecimals(extra.decimals, 0) : 0
    // Without decimals the unit is said out loud, so 20000 base units never reads as 20,000 tokens.
    const symbol = typeof extra.symbol === 'string' && decimalsKnown ? extra.symbol.slice(0, 12) : `base units (${shortAddress(asset)})`
    const timeout = typeof entry.maxTimeoutSeconds === 'number' && entry.maxTimeoutSeconds > 0 ? entry.maxTimeoutSeconds : undefined
    const description = typeof entry.description === 'string' ? entry.description : context.description
    return Object.freeze({
      id: `x402:${index}`,
      protocol: 'x402',
      method: 'evm',
      intent: 'charge',
      amount: { value, decimals, currency: asset, symbol },
      recipient: payTo,
      expires: timeout ? new Date(Date.now() + timeout * 1000) : undefined,
      description: description?.slice(0, 500),
      request: Object.freeze({ ...entry, chainId, decimalsKnown }),
      source: Object.freeze({ protocol: 'x402', version: context.version, header: context.header, index, accepted: Object.freeze({ ...entry }) }),
    } satisfies Offer)
  } catch (error) {
    return { protocol: 'x402', method: 'evm', reason: `accepts[${index}]: ${error instanceof Error ? error.message : String(error)}` }
  }
}

/** The same payment offered over MPP evm and x402 is one choice: same chain, token, recipient and amount. */
export function samePayment(a: Offer, b: Offer): boolean {
  return (
    a.method === 'evm' &&
    b.method === 'evm' &&
    chainOf(a) === chainOf(b) &&
    a.amount.value === b.amount.value &&
    a.amount.currency.toLowerCase() === b.amount.currency.toLowerCase() &&
    (a.recipient ?? '').toLowerCase() === (b.recipient ?? '').toLowerCase()
  )
}

/** The EVM chain id of an evm or x402 offer, or undefined. */
export function chainOf(offer: Offer): number | undefined {
  const direct = offer.request.chainId
  if (typeof direct === 'number') return direct
  const details = offer.request.methodDetails
  const nested = isRecord(details) ? details.chainId : undefined
  return typeof nested === 'number' ? nested : undefined
}

/**
 * The 402 mppx needs to sign this one x402 entry: only the `PAYMENT-REQUIRED` header, with only
 * this entry in `accepts` (mppx pays the first entry it can handle).
 */
export function x402SingleOfferResponse(source: X402Source): Response {
  if (source.version !== 2 || !source.header) throw new AmountError('Only x402 version 2 offers can be paid')
  const envelope = JSON.parse(decodeBase64(source.header.trim())) as Record<string, unknown>
  const only = { ...envelope, accepts: [source.accepted] }
  return new Response(null, { status: 402, headers: { 'PAYMENT-REQUIRED': encodeBase64(JSON.stringify(only)) } })
}

function chainIdOf(network: unknown): number {
  const match = typeof network === 'string' ? /^eip155:(\d{1,12})$/.exec(network) : null
  if (!match) throw new AmountError(`network ${JSON.stringify(String(network).slice(0, 40))} is not an EVM chain (eip155:<id>)`)
  return Number(match[1])
}

function address(value: unknown, name: string): string {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(value)) throw new AmountError(`${name} is not an address`)
  return value
}

function decodeBase64(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))
}

function encodeBase64(text: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte)
  return btoa(binary)
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

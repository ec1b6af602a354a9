import { defaultDecimals, isIsoCurrency, type Money } from '../amount'
import type { BillingInterval, HandoffSource, HandoffTeaser, Offer, RejectedOffer } from '../offers/offer'

/** A 402 body larger than this is not read for offers (64 KiB is far above any real one). */
export const maxHandoffBodyBytes = 64 * 1024
const maxUrl = 4096
const maxFeatures = 20
const intervals: readonly BillingInterval[] = ['day', 'week', 'month', 'year']

export type HandoffOffers = {
  readonly offers: readonly Offer[]
  readonly rejected: readonly RejectedOffer[]
  readonly teaser?: HandoffTeaser | undefined
}

/**
 * Hand-off offers in a JSON body, or undefined when the body is not one:
 * - UCAP: `offers[]` with `checkout_url` (402 body, or the MCP wrapper `{ status: "payment_required", offers }`);
 * - UCP / ACP: a checkout session with `status: "requires_escalation"` and `continue_url`.
 * Prices come only from `price.amount` (integer minor units) + an ISO 4217 `currency`; an offer
 * without them is rejected with the reason, never guessed from text.
 */
export function handoffOffers(body: unknown): HandoffOffers | undefined {
  if (!isRecord(body)) return undefined
  if (Array.isArray(body.offers) && (body.offers.some((o) => isRecord(o) && 'checkout_url' in o) || errorCode(body) === 'payment_required'))
    return ucapOffers(body, body.offers)
  if (body.status === 'requires_escalation' && 'continue_url' in body) return ucpOffers(body)
  return undefined
}

function ucapOffers(body: Record<string, unknown>, raw: readonly unknown[]): HandoffOffers {
  const teaser = readTeaser(body.teaser)
  const publisher = isRecord(body.publisher) ? { id: text(body.publisher.id, 200), name: text(body.publisher.name, 200) } : undefined
  const tiers = raw.flatMap((o) => (isRecord(o) && text(o.tier_id, 200) ? [text(o.tier_id, 200)!] : []))
  const offers: Offer[] = []
  const rejected: RejectedOffer[] = []
  for (const o of raw) {
    const result = ucapOffer(o, { teaser, publisher, tiers })
    if ('id' in result) {
      if (offers.some((x) => x.id === result.id)) rejected.push({ protocol: 'ucap', method: 'checkout', reason: `duplicate tier ${result.label}` })
      else offers.push(result)
    } else rejected.push(result)
  }
  return { offers, rejected, teaser }
}

function ucapOffer(raw: unknown, shared: Pick<HandoffSource, 'teaser' | 'publisher' | 'tiers'>): Offer | RejectedOffer {
  const reject = (reason: string): RejectedOffer => ({ protocol: 'ucap', method: 'checkout', reason })
  if (!isRecord(raw)) return reject('UCAP offer is not an object')
  const checkoutUrl = text(raw.checkout_url, maxUrl)
  if (!checkoutUrl) return reject('UCAP offer has no checkout_url')
  const tierId = text(raw.tier_id, 200)
  if (!tierId) return reject('UCAP offer has no tier_id')
  if (!isRecord(raw.price)) return reject(`UCAP tier ${tierId} has no machine-readable price`)
  let amount: Money
  try {
    amount = minorUnits(raw.price.amount, raw.price.currency)
  } catch (error) {
    return reject(`UCAP tier ${tierId}: ${(error as Error).message}`)
  }
  const interval = raw.price.interval
  if (interval !== undefined && interval !== null && !intervals.includes(interval as BillingInterval))
    return reject(`UCAP tier ${tierId}: unknown billing interval ${JSON.stringify(String(interval).slice(0, 20))}`)
  const expires = readDate(raw.expires_at)
  if (expires === null) return reject(`UCAP tier ${tierId}: expires_at is not a date`)
  const tierName = text(raw.tier_name, 100) ?? tierId
  const features = Array.isArray(raw.features) ? raw.features.flatMap((f) => (text(f, 200) ? [text(f, 200)!] : [])).slice(0, maxFeatures) : []
  const planId = text(raw.ucp_plan_id, 200)
  const source: HandoffSource = Object.freeze({ protocol: 'ucap', checkoutUrl, tierId, tierName, features: Object.freeze(features), planId, ...shared })
  return Object.freeze({
    id: `ucap:${tierId}`,
    protocol: 'ucap',
    method: 'checkout',
    intent: interval ? 'subscription' : 'charge',
    amount,
    recipient: shared.publisher?.id,
    expires,
    description: shared.publisher?.name ? `${tierName} · ${shared.publisher.name}` : tierName,
    label: tierName,
    interval: (interval ?? undefined) as BillingInterval | undefined,
    request: Object.freeze({ amount: amount.value.toString(), currency: amount.currency, interval: interval ?? undefined, tier_id: tierId }),
    source,
  } satisfies Offer)
}

function ucpOffers(body: Record<string, unknown>): HandoffOffers {
  const reject = (reason: string): HandoffOffers => ({ offers: [], rejected: [{ protocol: 'ucp', method: 'checkout', reason }] })
  const checkoutUrl = text(body.continue_url, maxUrl)
  if (!checkoutUrl) return reject('checkout session has no continue_url')
  const id = text(body.id, 200)
  if (!id) return reject('checkout session has no id')
  const total = Array.isArray(body.totals) ? body.totals.find((t) => isRecord(t) && t.type === 'total') : undefined
  if (!isRecord(total)) return reject(`checkout session ${id} has no total`)
  let amount: Money
  try {
    amount = minorUnits(total.amount, body.currency)
  } catch (error) {
    return reject(`checkout session ${id}: ${(error as Error).message}`)
  }
  const expires = readDate(body.expires_at)
  if (expires === null) return reject(`checkout session ${id}: expires_at is not a date`)
  const items = Array.isArray(body.line_items) ? body.line_items : []
  const titles = items.flatMap((li) => (isRecord(li) && isRecord(li.item) && text(li.item.title, 200) ? [text(li.item.title, 200)!] : [])).slice(0, maxFeatures)
  const source: HandoffSource = Object.freeze({ protocol: 'ucp', checkoutUrl, tierId: id, tierName: 'Checkout', features: Object.freeze(titles), tiers: Object.freeze([id]) })
  const offer: Offer = Object.freeze({
    id: `ucp:${id}`,
    protocol: 'ucp',
    method: 'checkout',
    intent: 'charge',
    amount,
    expires,
    description: titles.join(', ') || undefined,
    label: 'Checkout',
    request: Object.freeze({ amount: amount.value.toString(), currency: amount.currency, session_id: id }),
    source,
  })
  return { offers: [offer], rejected: [] }
}

/** `1500` + `"USD"` → $15.00: integer minor units of an ISO 4217 currency, nothing else. */
function minorUnits(rawAmount: unknown, rawCurrency: unknown): Money {
  let value: bigint
  if (typeof rawAmount === 'number' && Number.isSafeInteger(rawAmount) && rawAmount >= 0) value = BigInt(rawAmount)
  else if (typeof rawAmount === 'string' && /^\d{1,18}$/.test(rawAmount)) value = BigInt(rawAmount)
  else throw new Error(`price amount must be whole minor units (cents), got ${JSON.stringify(rawAmount)?.slice(0, 30) ?? 'nothing'}`)
  if (typeof rawCurrency !== 'string' || !isIsoCurrency(rawCurrency)) throw new Error('price has no ISO 4217 currency')
  const currency = rawCurrency.toLowerCase()
  return { value, decimals: defaultDecimals(currency)!, currency }
}

function readTeaser(raw: unknown): HandoffTeaser | undefined {
  if (!isRecord(raw)) return undefined
  const wordCount = typeof raw.word_count === 'number' && Number.isSafeInteger(raw.word_count) && raw.word_count >= 0 ? raw.word_count : undefined
  return Object.freeze({
    title: text(raw.title, 300),
    excerpt: text(raw.excerpt, 1000),
    text: text(raw.text, 4000),
    author: text(raw.author, 200),
    publishedAt: text(raw.published_at, 60),
    wordCount,
  })
}

/** undefined when absent, null when present but not a date. */
function readDate(raw: unknown): Date | undefined | null {
  if (raw === undefined || raw === null) return undefined
  if (typeof raw !== 'string') return null
  const date = new Date(raw)
  return Number.isNaN(date.getTime()) ? null : date
}

function errorCode(body: Record<string, unknown>): unknown {
  return isRecord(body.error) ? body.error.code : body.status
}

function text(raw: unknown, max: number): string | undefined {
  if (typeof raw !== 'string') return undefined
  const trimmed = raw.trim()
  return trimmed ? trimmed.slice(0, max) : undefined
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Reads a JSON response body for hand-off offers without consuming the response. Skips bodies
 * that are not JSON or larger than `maxHandoffBodyBytes`. Never throws.
 */
export async function readHandoffBody(response: Response): Promise<HandoffOffers | undefined> {
  const type = response.headers.get('content-type') ?? ''
  if (!/\bjson\b/i.test(type) || /problem\+json/i.test(type)) return undefined
  const length = Number(response.headers.get('content-length') ?? 0)
  if (length > maxHandoffBodyBytes) return undefined
  try {
    const body = await response.clone().text()
    if (body.length > maxHandoffBodyBytes) return undefined
    return handoffOffers(JSON.parse(body))
  } catch {
    return undefined
  }
}

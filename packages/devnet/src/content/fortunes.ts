const fortunes = [
  'A small payment today saves a large subscription tomorrow.',
  'The invoice you pay is the preimage you keep.',
  'Four hundred and two ways to ask; one way to answer.',
  'Expect the unexpected header.',
  'Your next request will be worth every satoshi.',
  'He who caches the receipt need not pay twice.',
  'Even the longest channel opens with a single HTLC.',
  'Fortune favours the well-formed credential.',
] as const

/** Deterministic: the same payment hash always reads the same fortune. */
export function fortuneFor(paymentHash: string): string {
  const index = Number.parseInt(paymentHash.slice(0, 8), 16) % fortunes.length
  return fortunes[Number.isNaN(index) ? 0 : index]!
}

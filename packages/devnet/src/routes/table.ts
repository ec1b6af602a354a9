/** Prices and memos of the paid routes, in one place so docs, tests and examples agree. */
export const paidRoutes = {
  photo: {
    key: 'GET /api/photo',
    description: 'A photo of the Matterhorn at dawn',
    lightningSats: 100,
    credits: 5,
    /** USD cents by card (Stripe's USD minimum is 50). */
    cardCents: 50,
    /** TestUSD (6 decimals) as mppx route options spell it: a decimal string. */
    testUsd: '0.05',
  },
  summarize: {
    key: 'POST /api/summarize',
    description: 'A summary of the text you send',
    lightningSats: 250,
    credits: 10,
    cardCents: 75,
    testUsd: '0.10',
  },
  fortune: {
    key: 'GET /l402/fortune',
    description: 'A fortune from the mppkit devnet',
    lightningSats: 50,
  },
  quote: {
    key: 'GET /x402/quote',
    description: 'A market quote, paid over x402 only',
    testUsd: '0.02',
  },
} as const

/** The BOLT11 memo for each route that offers Lightning. */
export function memoFor(route: string): string | undefined {
  return Object.values(paidRoutes).find((r) => r.key === route)?.description
}

/** The devnet publisher, its tiers and posts: fixed, so docs, tests and the example agree. */
export const publisher = { id: 'devnet', name: 'Devnet Dispatch' } as const

export type Tier = {
  readonly id: string
  readonly name: string
  /** Integer cents. */
  readonly cents: number
  readonly currency: 'USD'
  readonly interval: 'month' | 'year'
  readonly features: readonly string[]
}

export const tiers: readonly Tier[] = [
  { id: 'premium', name: 'Premium', cents: 1500, currency: 'USD', interval: 'month', features: ['Every post, in full', 'Early access to new posts', 'The monthly field report'] },
  { id: 'supporter', name: 'Supporter', cents: 500, currency: 'USD', interval: 'month', features: ['Members-only posts', 'Your name in the credits'] },
]

export type Post = {
  readonly id: string
  readonly title: string
  readonly author: string
  readonly publishedAt: string
  readonly text: string
  /** Also payable per read with Lightning (an MPP challenge next to the UCAP offers). */
  readonly lightningSats?: number
}

export const posts: Readonly<Record<string, Post>> = {
  welcome: {
    id: 'welcome',
    title: 'Welcome to the Devnet Dispatch',
    author: 'The mppkit devnet',
    publishedAt: '2026-02-01T10:00:00Z',
    text:
      'Welcome, reader. This dispatch is where the devnet writes about paying for things on the web, ' +
      'one request at a time. You are reading the full text, served only to subscribers. ' +
      'It arrived because a person finished a hosted checkout in another tab; the devnet minted an ' +
      'entitlement the way a payment webhook would, and the page asked for this post once more. ' +
      'Nothing here cost real money: the checkout was a devnet page and the card a test card.',
  },
  'field-guide': {
    id: 'field-guide',
    title: 'A field guide to paid requests',
    author: 'The mppkit devnet',
    publishedAt: '2026-02-03T09:30:00Z',
    text:
      'A server that wants to be paid can say so in more than one way at once: a Lightning price for ' +
      'this one read, and subscriptions a person buys on a hosted checkout page. The client shows both.',
    lightningSats: 120,
  },
}

export const excerptOf = (post: Post) => `${post.text.slice(0, 120).trimEnd()}…`
export const wordCount = (post: Post) => post.text.split(/\s+/).filter(Boolean).length

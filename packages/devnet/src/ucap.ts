// The devnet's UCAP publisher: content, entitlements and a hosted checkout page (see ucap/routes.ts).
export { createUcapRoutes } from './ucap/routes'
export { createUcapStore, type CheckoutSession, type Entitlement, type UcapStore } from './ucap/store'
export { posts as ucapPosts, publisher as ucapPublisher, tiers as ucapTiers } from './ucap/catalog'
export { testCards } from './ucap/pages'

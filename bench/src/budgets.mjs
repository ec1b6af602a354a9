// Size budgets (gzip -9 bytes, 1 KB = 1,000 B). Sizes are deterministic, so `pnpm test:size` fails on
// any row over budget. Add a row when a rail or entry lands; rails are discovered from
// packages/react/package.json exports, so a new rail is measured (and reported) even before it has a row.
export const KB = 1000

/** Start-up: MppProvider + PaymentGate + useMppFetch + PaymentSheet, mppx client core in, React and rails out. */
export const startup = {
  total: 35 * KB, // everything a page loads before any 402
  own: 12 * KB, // mppkit's own code in it (mppx, zod, … external)
}

/**
 * Per rail subpath of @mppkit/react (`./lightning` → `lightning`):
 * - `lazy`: the chunks its panel loads on demand (dynamic imports), not counting chunks a page already has;
 * - `eager`: what importing the subpath adds to the start-up bundle (its factory and core, no panel).
 * A missing field means "reported, no budget yet".
 */
export const rails = {
  lightning: { lazy: 15 * KB, eager: 4 * KB }, // BOLT11 decoding + QR load with the panel
  card: { lazy: 35 * KB }, // Stripe.js itself is loaded from Stripe, not bundled
  wallet: { lazy: 90 * KB }, // wallet evm path; Tempo chunks are excluded here and checked below
  handoff: {},
  chat: {},
}

/** Subpaths of @mppkit/react that are not rails (still measured, as entries). */
export const notRails = new Set(['.', './theme.css', './query'])

/**
 * Tempo (viem/tempo, ox/tempo, mppx tempo) may only live in chunks of its own: never in the start-up
 * closure, and never as a minority in a chunk that other code also needs. A chunk counts as Tempo's own
 * when Tempo modules are most of its bytes.
 */
export const tempo = { pattern: /[\\/](tempo)[\\/]|[\\/]tempo\.[cm]?js$|mppx[\\/]dist[\\/]tempo/i, maxOutsideOwnChunks: 0 }

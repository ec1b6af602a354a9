// Peers' sizes, measured by the same Vite 8 script from their npm packages where they install
// (bench devDependencies), else the published figure from shared/research (marked as such).
import { pathToFileURL } from 'node:url'
import { topPackages, viteBundle, writeEntry } from './bundle.mjs'

/** Installed peers: an entry that uses the public API the way an app would (research/ui-anchors.md). */
const measured = [
  { id: 'x402-fetch', label: '@x402/fetch 2.27 + core (headless)', code: `import { wrapFetchWithPayment, x402Client } from '@x402/fetch'\nwindow.__bench = { wrapFetchWithPayment, x402Client }\n`, research: 19_531 },
  { id: 'lightning-tools', label: '@getalby/lightning-tools 9.0.1 fetch402 (headless)', code: `import { fetch402 } from '@getalby/lightning-tools/402'\nwindow.__bench = { fetch402 }\n`, research: 10_583 },
  { id: 'bitcoin-connect', label: '@getalby/bitcoin-connect 3.12.3 launchPaymentModal, start-up', code: `import { launchPaymentModal } from '@getalby/bitcoin-connect'\nwindow.__bench = { launchPaymentModal }\n`, research: 156_719 },
]

/** Not installed here (too big or failing installs); figures from research/ui-anchors.md (esbuild 0.28, gzip -9). */
export const published = [
  { id: 'x402-paywall', label: '@x402/paywall EVM page, per 402 (published)', value: 658_693 },
  { id: 'thirdweb', label: 'thirdweb useFetchWithPayment, start-up (published)', value: 741_036 },
  { id: 'onchainkit', label: 'OnchainKit Checkout, start-up (published)', value: 413_722 },
  { id: 'mppx-page', label: "mppx's hosted payment page, per 402 (published; raw HTML bytes, not gzip)", value: 766_664 },
]

export async function measurePeers() {
  const rows = []
  for (const peer of measured) {
    try {
      const built = await viteBundle(writeEntry(`peer-${peer.id}`, peer.code))
      rows.push({ id: peer.id, label: `${peer.label} (measured)`, value: built.initialGz, lazy: built.lazyGz, top: topPackages(built.initial, 3) })
    } catch (error) {
      rows.push({ id: peer.id, label: `${peer.label} (published: ${String(error?.message ?? error).split('\n')[0].slice(0, 60)})`, value: peer.research })
    }
  }
  return [...rows, ...published]
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) console.log(await measurePeers())

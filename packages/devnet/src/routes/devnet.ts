import type { ConfigStore } from '../config'
import type { CreditsLedger } from '../credits/ledger'
import { isRecord, json, jsonError, readJson, text } from '../http'
import type { LightningNode } from '../lightning/node'
import type { TestWallet } from '../lightning/wallet'
import type { Stats } from '../stats'
import { walletPage } from '../wallet-page'
import { weblnScript } from '../webln'

/** `/devnet/*`: the test wallet, WebLN script, balances and the knobs e2e turns. */
export function createDevnetRoutes(deps: {
  config: ConfigStore
  stats: Stats
  node: LightningNode
  wallet: TestWallet
  ledger: CreditsLedger
}) {
  const { config, stats, node, wallet, ledger } = deps

  return {
    health: () => json({ ok: true }),

    stats: () => json(stats.toJSON()),

    reset() {
      // Only counters: balances persist so a reset between e2e specs can't hide a double charge.
      stats.reset()
      return json({ ok: true })
    },

    getConfig: () => json(config.get()),

    async setConfig(request: Request) {
      const body = await readJson(request)
      if ('error' in body) return jsonError(400, body.error, { code: 'bad_json' })
      const problem = config.update(body.value)
      if (problem) return jsonError(400, problem, { code: 'bad_config' })
      return json(config.get())
    },

    async pay(request: Request) {
      const body = await readJson(request)
      if ('error' in body) return jsonError(400, body.error, { code: 'bad_json' })
      const result = wallet.pay(isRecord(body.value) ? body.value.invoice : undefined)
      if (!result.ok) return jsonError(result.refusal.status, result.refusal.error, { code: result.refusal.code })
      return json(result.payment)
    },

    walletBalance: () => json({ balanceSats: wallet.balanceSats }),

    credits(account: string) {
      const balance = ledger.balanceOf(account)
      if (balance === undefined) return jsonError(404, `no credits account "${account}"`, { code: 'unknown_account' })
      return json({ balance })
    },

    webln(request: Request) {
      const { origin } = new URL(request.url)
      return text(weblnScript(origin, node.nodeId), 'application/javascript; charset=utf-8', {
        headers: { 'Cache-Control': 'no-store' },
      })
    },

    walletPage: () => text(walletPage(), 'text/html; charset=utf-8', { headers: { 'Cache-Control': 'no-store' } }),
  }
}

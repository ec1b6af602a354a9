// `pnpm bench`: every figure in one table (figure, value, peer, peer value, ratio), printed and
// written to bench/RESULTS.md with the machine line. Numbers, not pass/fail: only `pnpm test:size`
// (src/size.mjs --check) fails, and only on sizes.
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import { measureBrowser } from './browser.mjs'
import { benchDir } from './bundle.mjs'
import { measureFetch } from './fetch.mjs'
import { measurePeers } from './peers.mjs'
import { kb, measureSizes, overBudget } from './size.mjs'

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'))
const want = (part) => only.length === 0 || only.includes(part)
const started = Date.now()

const ms = (v) => `${v.toFixed(2)} ms`
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b ? `${(a / b).toFixed(a / b < 0.1 ? 3 : 2)}×` : '')
/** @type {{ figure: string, value: string, peer?: string, peerValue?: string, ratio?: string, status?: string }[]} */
const table = []

if (want('size')) {
  process.stderr.write('sizes (Vite 8, esbuild)…\n')
  const rows = await measureSizes()
  const peers = want('peers') ? await measurePeers() : []
  const peer = (id) => peers.find((p) => p.id === id)
  const status = (r) => (r.budget === undefined ? '' : r.value <= r.budget ? `ok ≤ ${kb(r.budget)}` : `OVER ${kb(r.budget)}`)
  for (const r of rows) {
    const row = { figure: r.figure, value: kb(r.value), status: status(r) }
    if (r.peer) Object.assign(row, { peer: r.peerLabel, peerValue: kb(r.peer), ratio: ratio(r.value, r.peer) })
    if (r.id === 'rail-lightning-lazy' && peer('bitcoin-connect'))
      Object.assign(row, { peer: peer('bitcoin-connect').label, peerValue: kb(peer('bitcoin-connect').value), ratio: ratio(r.value, peer('bitcoin-connect').value) })
    if (r.id === 'startup' && peer('x402-fetch')) Object.assign(row, { peer: peer('x402-fetch').label, peerValue: kb(peer('x402-fetch').value), ratio: ratio(r.value, peer('x402-fetch').value) })
    table.push(row)
  }
  const startup = rows.find((r) => r.id === 'startup')
  for (const p of peers) table.push({ figure: 'start-up vs peer', value: kb(startup.value), peer: p.label, peerValue: kb(p.value), ratio: ratio(startup.value, p.value) })
  const over = overBudget(rows)
  if (over.length) process.stderr.write(`over budget: ${over.map((r) => r.id).join(', ')}\n`)
}

if (want('fetch')) {
  process.stderr.write('fetch overhead (2,000 interleaved requests)…\n')
  const f = await measureFetch()
  table.push({ figure: `kit.fetch vs fetch, non-402, median of ${f.n} (Node, loopback)`, value: ms(f.kitMedianMs), peer: 'plain fetch', peerValue: ms(f.plainMedianMs), ratio: ratio(f.kitMedianMs, f.plainMedianMs), status: 'goal ≤ 1.05×' })
  table.push({ figure: `kit.fetch vs fetch, non-402, total time of ${f.n}`, value: '', peer: 'plain fetch', ratio: `${f.ratioMean.toFixed(2)}×`, status: 'goal ≤ 1.05×' })
  table.push({ figure: 'kit.fetch: requests sent / other origins / same headers', value: `${f.requests.kit} / ${f.otherOrigins} / ${f.sameHeaders ? 'yes' : 'NO'}`, peer: 'plain fetch', peerValue: `${f.requests.plain} / 0 / –` })
}

if (want('browser')) {
  process.stderr.write('Chromium: paint, re-renders, 1,000 checkouts…\n')
  const b = await measureBrowser()
  table.push({ figure: `402 → method list painted, median of ${b.paint.runs} (Chromium)`, value: ms(b.paint.p402MedianMs), peer: 'same page painting plain JSON', peerValue: ms(b.paint.jsonMedianMs), ratio: ratio(b.paint.p402MedianMs, b.paint.jsonMedianMs), status: `${b.paint.pairedExtraMs.toFixed(1)} ms extra, paired median (goal ≤ 1 frame)` })
  const fo = b.fetchOverhead
  table.push({ figure: `kit.fetch vs fetch, non-402, median of ${fo.n} (Chromium, loopback)`, value: ms(fo.kitMedianMs), peer: 'plain fetch', peerValue: ms(fo.plainMedianMs), ratio: ratio(fo.kitMedianMs, fo.plainMedianMs), status: 'goal ≤ 1.05×' })
  table.push({ figure: `kit.fetch vs fetch, non-402, total time of ${fo.n} (Chromium)`, value: '', peer: 'plain fetch', ratio: `${fo.ratioMean.toFixed(2)}×`, status: 'goal ≤ 1.05×' })
  table.push({ figure: 'kit.fetch in Chromium: requests sent / same headers', value: `${fo.requests.kit} / ${fo.sameHeaders ? 'yes' : 'NO'}`, peer: 'plain fetch', peerValue: `${fo.requests.plain}` })
  const s = b.renders.sheet
  const changes = s.stateChanges + s.queueChanges
  table.push({ figure: `sheet commits / state changes (checkout + queue), ${s.checkouts} paid checkouts`, value: `${s.commits} / ${s.stateChanges} + ${s.queueChanges}`, ratio: `${(s.commits / changes).toFixed(2)}`, status: s.commits <= changes ? 'ok ≤ 1' : 'OVER 1' })
  const g = b.renders.gate
  table.push({ figure: 'gate children re-renders after paid (checkouts, timers, receipt toggle)', value: String(g.childRendersAfterPaid), status: g.childRendersAfterPaid === 0 ? 'ok 0' : 'NOT 0' })
  const h = b.heap
  table.push({ figure: `heap after ${h.run.paid} more checkouts vs after ${h.warmup.paid} (receipt store full), GC'd (${h.seconds.toFixed(1)} s)`, value: `${(h.after / 1e6).toFixed(2)} MB`, peer: 'after warm-up', peerValue: `${(h.before / 1e6).toFixed(2)} MB`, ratio: ratio(h.after, h.before), status: h.after <= h.before * 1.1 ? 'ok ≤ 1.10×' : 'OVER 1.10×' })
  if (b.errors.length) table.push({ figure: 'page errors', value: String(b.errors.length), status: b.errors[0].slice(0, 80) })
}

function chromiumVersion() {
  try {
    return execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    return 'chromium ?'
  }
}
const machine = `machine: ${cpus()[0]?.model.trim()} ×${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, load ${loadavg().map((l) => l.toFixed(1)).join('/')} at the end, Node ${process.version}, ${chromiumVersion()}, Vite 8.3.8 (rolldown), esbuild 0.28.2, ${new Date().toISOString()}`

const cols = ['figure', 'value', 'peer', 'peerValue', 'ratio', 'status']
const head = ['figure', 'value', 'peer', 'peer value', 'ratio', 'budget / goal']
const widths = cols.map((c, i) => Math.min(70, Math.max(head[i].length, ...table.map((r) => String(r[c] ?? '').length))))
const line = (cells) => cells.map((c, i) => String(c ?? '').slice(0, 70).padEnd(widths[i])).join('  ')
console.log(line(head))
console.log(widths.map((w) => '-'.repeat(w)).join('  '))
for (const r of table) console.log(line(cols.map((c) => r[c])))
console.log(`\n${machine}\n(${((Date.now() - started) / 1000).toFixed(0)} s)`)

if (only.length === 0) {
  const md = [
    '# mppkit bench results',
    '',
    'Written by `pnpm bench` (bench/src/run.mjs). Sizes are minified + gzip -9, 1 KB = 1,000 B, React external.',
    'Timings are ratios within one run on one machine; compare ratios, not milliseconds.',
    '',
    `| ${head.join(' | ')} |`,
    `| ${head.map((_, i) => (i === 0 || i === 2 ? '---' : '---:')).join(' | ')} |`,
    ...table.map((r) => `| ${cols.map((c) => String(r[c] ?? '').replace(/\|/g, '\\|')).join(' | ')} |`),
    '',
    machine,
    '',
  ].join('\n')
  writeFileSync(join(benchDir, 'RESULTS.md'), md)
}

// Bundle sizes with Vite 8 (rolldown) and esbuild, checked against bench/src/budgets.mjs.
//   node src/size.mjs          prints the rows
//   node src/size.mjs --check  also exits 1 when a row is over budget (pnpm test:size)
//   node src/size.mjs --json   prints the rows as JSON (used by run.mjs)
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import * as budgets from './budgets.mjs'
import { esbuildBundle, repoDir, topPackages, viteBundle, writeEntry } from './bundle.mjs'

const startupImports = `import { MppProvider, PaymentGate, useMppFetch, PaymentSheet } from '@mppkit/react'`
const startupUse = `MppProvider, PaymentGate, useMppFetch, PaymentSheet`

/** Rail subpaths of @mppkit/react, from its package.json exports (so new rails are measured when they land). */
export function railSubpaths() {
  const pkg = JSON.parse(readFileSync(join(repoDir, 'packages/react/package.json'), 'utf8'))
  return Object.entries(pkg.exports)
    .filter(([key]) => !budgets.notRails.has(key) && !key.endsWith('.css'))
    .map(([key, target]) => ({ key, name: key.replace(/^\.\//, ''), landed: existsSync(join(repoDir, 'packages/react', String(target))) }))
}

const isTempo = (id) => budgets.tempo.pattern.test(id)
/** Bytes of Tempo modules in chunks that are not Tempo's own (see budgets.tempo). */
function tempoOutside(chunks, initial) {
  let outside = 0
  for (const c of chunks) {
    const entries = Object.entries(c.modules)
    const tempoBytes = entries.filter(([id]) => isTempo(id)).reduce((n, [, b]) => n + b, 0)
    const all = entries.reduce((n, [, b]) => n + b, 0)
    if (!tempoBytes) continue
    if (initial.includes(c) || tempoBytes * 2 < all) outside += tempoBytes
  }
  return outside
}

/**
 * @typedef {{ id: string, figure: string, value: number, unit: 'B' | 'x' | 'ms' | '%' | 'count', budget?: number, peer?: number, peerLabel?: string, note?: string }} Row
 * @returns {Promise<Row[]>}
 */
export async function measureSizes({ esbuild = true } = {}) {
  /** @type {Row[]} */
  const rows = []
  const startupFile = writeEntry('startup', `${startupImports}\nwindow.__bench = { ${startupUse} }\n`)
  const startup = await viteBundle(startupFile)
  const own = await viteBundle(startupFile, { ownOnly: true })
  const mppxCore = await viteBundle(writeEntry('mppx-client', `import { Mppx } from 'mppx/client'\nwindow.__bench = { Mppx }\n`))
  rows.push({
    id: 'startup',
    figure: 'start-up: MppProvider+PaymentGate+useMppFetch+PaymentSheet (Vite 8, gz)',
    value: startup.initialGz,
    unit: 'B',
    budget: budgets.startup.total,
    peer: 19_531,
    peerLabel: '@x402/fetch alone (headless)',
    note: `chunks ${startup.initial.length}; top: ${topPackages(startup.initial, 4).map(([p, b]) => `${p} ${(b / 1000).toFixed(0)}k`).join(', ')} (rendered)`,
  })
  rows.push({ id: 'startup-own', figure: "start-up: mppkit's own code (gz)", value: own.initialGz, unit: 'B', budget: budgets.startup.own })
  rows.push({ id: 'mppx-client', figure: 'mppx client core alone, { Mppx } (gz)', value: mppxCore.initialGz, unit: 'B', peer: 24_418, peerLabel: 'research figure (rolldown 1.3.2)' })
  // The kit's own lazy chunks: the checkout UI (preloaded by MppProvider after start-up) and the
  // x402 / hand-off / L402 parsers (loaded only when a 402 carries them).
  const kitLazyModules = new Set(startup.lazy.flatMap((c) => Object.keys(c.modules)))
  const isKitLazy = (c) => Object.keys(c.modules).every((id) => kitLazyModules.has(id))
  if (startup.lazy.length) {
    rows.push({
      id: 'first-402',
      figure: 'after start-up, any rail: checkout UI + protocol parsers (lazy, gz)',
      value: startup.lazyGz,
      unit: 'B',
      note: startup.lazy.map((c) => `${c.file.replace(/^assets\//, '').replace(/-[\w-]{8}\.js$/, '')} ${(c.gz / 1000).toFixed(1)}k`).join(' + '),
    })
    rows.push({ id: 'startup-with-client', figure: 'start-up + those lazy chunks, as a page ends up with them (gz)', value: startup.initialGz + startup.lazyGz, unit: 'B', note: 'chunks gzipped apart' })
  }
  const tempoStartup = tempoOutside(startup.chunks, startup.initial)

  for (const { key, name, landed } of railSubpaths()) {
    if (!landed) {
      rows.push({ id: `rail-${name}`, figure: `${key}: declared in exports, source not there yet`, value: NaN, unit: 'B' })
      continue
    }
    const file = writeEntry(`rail-${name.replace(/\W/g, '-')}`, `${startupImports}\nimport * as rail from '@mppkit/react/${name}'\nwindow.__bench = { ${startupUse}, rail }\n`)
    let built
    try {
      built = await viteBundle(file)
    } catch (error) {
      rows.push({ id: `rail-${name}`, figure: `rail ${key}: build failed`, value: NaN, unit: 'B', note: String(error?.message ?? error).split('\n')[0].slice(0, 160) })
      continue
    }
    const budget = budgets.rails[name] ?? {}
    const railLazy = built.lazy.filter((c) => !isKitLazy(c))
    const tempoChunks = railLazy.filter((c) => {
      const all = Object.values(c.modules).reduce((n, b) => n + b, 0)
      const t = Object.entries(c.modules).filter(([id]) => isTempo(id)).reduce((n, [, b]) => n + b, 0)
      return t > 0 && t * 2 >= all
    })
    const lazyGz = railLazy.filter((c) => !tempoChunks.includes(c)).reduce((n, c) => n + c.gz, 0)
    const eager = built.initialGz - startup.initialGz
    rows.push({
      id: `rail-${name}-lazy`,
      figure: `${key} panel + deps, lazy (gz)`,
      value: lazyGz,
      unit: 'B',
      budget: budget.lazy,
      note: railLazy
        .filter((c) => !tempoChunks.includes(c))
        .map((c) => `${c.file.replace(/^assets\//, '').replace(/-[\w-]{8}\.js$/, '')} ${(c.gz / 1000).toFixed(1)}k`)
        .join(' + '),
    })
    rows.push({ id: `rail-${name}-eager`, figure: `${key} added to start-up (gz)`, value: eager, unit: 'B', budget: budget.eager })
    if (tempoChunks.length) rows.push({ id: `rail-${name}-tempo`, figure: `${key} Tempo chunks, lazy (gz)`, value: tempoChunks.reduce((n, c) => n + c.gz, 0), unit: 'B' })
    const outside = tempoOutside(built.chunks, built.initial)
    if (outside) rows.push({ id: `rail-${name}-tempo-outside`, figure: `${key}: Tempo bytes outside its own chunks`, value: outside, unit: 'B', budget: budgets.tempo.maxOutsideOwnChunks })
  }
  rows.push({ id: 'tempo-startup', figure: 'Tempo bytes in start-up chunks', value: tempoStartup, unit: 'B', budget: budgets.tempo.maxOutsideOwnChunks })

  if (esbuild) {
    // esbuild without code splitting: one file, as most esbuild users ship (research measured the same way).
    const plain = await esbuildBundle(startupFile)
    const fixed = await esbuildBundle(startupFile, { fix: true })
    rows.push({ id: 'esbuild-startup', figure: 'start-up with esbuild 0.28 (gz)', value: plain.initialGz, unit: 'B', note: `zod ${(topPackages(plain.initial, 20).find(([p]) => p === 'zod')?.[1] / 1000).toFixed(0)}k rendered` })
    rows.push({
      id: 'esbuild-startup-fixed',
      figure: 'start-up with esbuild + zod/mini recipe (gz)',
      value: fixed.initialGz,
      unit: 'B',
      note: `zod ${(topPackages(fixed.initial, 20).find(([p]) => p === 'zod')?.[1] / 1000).toFixed(0)}k rendered; README "esbuild"`,
    })
    for (const { name, landed } of railSubpaths()) {
      if (!landed) continue
      const file = writeEntry(`rail-${name.replace(/\W/g, '-')}`, `${startupImports}\nimport * as rail from '@mppkit/react/${name}'\nwindow.__bench = { ${startupUse}, rail }\n`)
      try {
        const e = await esbuildBundle(file, { fix: true })
        rows.push({ id: `esbuild-rail-${name}`, figure: `esbuild + recipe: start-up + ${name} panel, one file (gz)`, value: e.initialGz, unit: 'B' })
      } catch (error) {
        rows.push({ id: `esbuild-rail-${name}`, figure: `esbuild: ${name} failed`, value: NaN, unit: 'B', note: String(error?.message ?? error).split('\n')[0].slice(0, 160) })
      }
    }
  }
  return rows
}

export const overBudget = (rows) => rows.filter((r) => r.budget !== undefined && !(r.value <= r.budget))
export const kb = (b) => (Number.isFinite(b) ? `${(b / 1000).toFixed(1)} KB` : 'n/a')

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now()
  const check = process.argv.includes('--check')
  const rows = await measureSizes({ esbuild: !check })
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows))
  else {
    for (const r of rows) {
      const status = r.budget === undefined ? '' : r.value <= r.budget ? `ok (≤ ${kb(r.budget)})` : `OVER (budget ${kb(r.budget)})`
      console.log(`${r.figure.padEnd(62)} ${kb(r.value).padStart(9)}  ${status}${r.note ? `  — ${r.note}` : ''}`)
    }
    console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`)
  }
  const over = overBudget(rows)
  if (check && over.length) {
    console.error(`\nsize budget exceeded:\n${over.map((r) => `  ${r.figure}: ${kb(r.value)} > ${kb(r.budget)}`).join('\n')}\n(bench/src/budgets.mjs)`)
    process.exit(1)
  }
}

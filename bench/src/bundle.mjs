// Builds one entry with Vite 8 (rolldown) or esbuild and splits the output into what loads at
// start-up (static import closure of the entry) and what loads later (dynamic imports).
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

export const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const repoDir = resolve(benchDir, '..')
const entriesDir = join(benchDir, '.out', 'entries')

export const gz = (code) => gzipSync(typeof code === 'string' ? Buffer.from(code) : code, { level: 9 }).length

/** React and react-dom are the page's, never ours. */
export const isReact = (id) => /^(react|react-dom|scheduler)($|\/)/.test(id)
/** Everything that is not mppkit's own source (bare imports other than @mppkit/*). */
const isThirdParty = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !id.startsWith('@mppkit/') && !/^[A-Za-z]:/.test(id)

export function writeEntry(name, code) {
  mkdirSync(entriesDir, { recursive: true })
  const file = join(entriesDir, `${name}.js`)
  writeFileSync(file, code)
  return file
}

/**
 * @typedef {{ file: string, code: string, gz: number, imports: string[], dynamicImports: string[], modules: Record<string, number>, isEntry: boolean }} Chunk
 * @typedef {{ chunks: Chunk[], initial: Chunk[], lazy: Chunk[], initialGz: number, lazyGz: number, initialMin: number }} Split
 */

/** @returns {Split} */
function split(chunks, entryFile) {
  const byFile = new Map(chunks.map((c) => [c.file, c]))
  const walk = (roots, follow) => {
    const seen = new Set()
    const stack = [...roots]
    while (stack.length) {
      const f = stack.pop()
      if (seen.has(f) || !byFile.has(f)) continue
      seen.add(f)
      for (const next of follow(byFile.get(f))) stack.push(next)
    }
    return seen
  }
  const initialSet = walk([entryFile], (c) => c.imports)
  const allSet = walk([entryFile], (c) => [...c.imports, ...c.dynamicImports])
  const initial = [...initialSet].map((f) => byFile.get(f))
  const lazy = [...allSet].filter((f) => !initialSet.has(f)).map((f) => byFile.get(f))
  const sum = (list, key) => list.reduce((n, c) => n + c[key], 0)
  return { chunks, initial, lazy, initialGz: sum(initial, 'gz'), lazyGz: sum(lazy, 'gz'), initialMin: initial.reduce((n, c) => n + c.code.length, 0) }
}

/**
 * Vite 8 production build of `entryFile` (React external). `ownOnly` also makes every third-party
 * package external, leaving mppkit's own code.
 * @returns {Promise<Split>}
 */
export async function viteBundle(entryFile, { ownOnly = false } = {}) {
  const { build } = await import('vite')
  const { default: react } = await import('@vitejs/plugin-react')
  const out = await build({
    configFile: false,
    root: dirname(entryFile),
    logLevel: 'silent',
    mode: 'production',
    plugins: [react()],
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      reportCompressedSize: false,
      modulePreload: { polyfill: false },
      rollupOptions: {
        input: entryFile,
        external: (id) => isReact(id) || (ownOnly && isThirdParty(id)),
        onwarn: () => {},
      },
    },
  })
  const output = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output)
  const chunks = output
    .filter((o) => o.type === 'chunk')
    .map((c) => ({
      file: c.fileName,
      code: c.code,
      gz: gz(c.code),
      imports: c.imports,
      dynamicImports: c.dynamicImports,
      modules: Object.fromEntries(Object.entries(c.modules).map(([id, m]) => [id, m.renderedLength])),
      isEntry: c.isEntry,
    }))
  const entry = chunks.find((c) => c.isEntry)
  return split(chunks, entry.file)
}

/** The esbuild alias recipe: mppx's `import { z } from 'zod/mini'` becomes a namespace import esbuild can tree-shake. */
export const zodMiniNamespace = {
  name: 'mppx-zod-mini-namespace',
  setup(build) {
    build.onLoad({ filter: /[\\/]mppx[\\/]dist[\\/]zod\.js$/ }, async ({ path }) => {
      const { readFile } = await import('node:fs/promises')
      const source = await readFile(path, 'utf8')
      return { contents: source.replace("import { z } from 'zod/mini';", "import * as z from 'zod/mini';"), loader: 'js' }
    })
  },
}

/** esbuild 0.28 (bundle, minify, ESM, browser, splitting), as research/ui-anchors.md measured peers. */
export async function esbuildBundle(entryFile, { fix = false, splitting = false } = {}) {
  const esbuild = await import('esbuild')
  const outdir = join(benchDir, '.out', 'esbuild')
  const result = await esbuild.build({
    entryPoints: [entryFile],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    splitting,
    outdir,
    write: false,
    metafile: true,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    external: ['react', 'react-dom', 'react/*', 'react-dom/*', 'scheduler'],
    plugins: fix ? [zodMiniNamespace] : [],
    logLevel: 'silent',
  })
  const rel = (p) => p.replace(`${outdir}/`, '')
  const chunks = result.outputFiles
    .filter((f) => f.path.endsWith('.js'))
    .map((f) => {
      const meta = result.metafile.outputs[Object.keys(result.metafile.outputs).find((k) => resolve(k) === f.path)]
      return {
        file: rel(f.path),
        code: f.text,
        gz: gz(f.contents),
        imports: meta.imports.filter((i) => i.kind === 'import-statement' && !i.external).map((i) => rel(resolve(i.path))),
        dynamicImports: meta.imports.filter((i) => i.kind === 'dynamic-import' && !i.external).map((i) => rel(resolve(i.path))),
        modules: Object.fromEntries(Object.entries(meta.inputs).map(([id, m]) => [id, m.bytesInOutput])),
        isEntry: !!meta.entryPoint,
      }
    })
  const entry = chunks.find((c) => c.isEntry)
  return split(chunks, entry.file)
}

/** The biggest packages in a set of chunks (by rendered bytes, before minify-level gzip), for reports. */
export function topPackages(chunks, n = 6) {
  const sizes = new Map()
  for (const c of chunks)
    for (const [id, bytes] of Object.entries(c.modules)) {
      const m = id.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/)
      const key = m ? m[1] : id.includes('/packages/') ? `@mppkit/${id.split('/packages/')[1].split('/')[0]}` : 'other'
      sizes.set(key, (sizes.get(key) ?? 0) + bytes)
    }
  return [...sizes].sort((a, b) => b[1] - a[1]).slice(0, n)
}

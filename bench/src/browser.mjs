// Browser figures in Debian's Chromium (/usr/bin/chromium, never a downloaded browser):
// 402-to-method-list paint vs plain JSON paint, re-renders, and heap after 1,000 checkouts.
// One server on 127.0.0.1 serves the built bench page and a real mppx 402 API (bench/charge).
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { benchDir } from './bundle.mjs'

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

async function buildPage() {
  const { build } = await import('vite')
  const { default: react } = await import('@vitejs/plugin-react')
  const outDir = join(benchDir, '.out', 'page')
  await build({
    configFile: false,
    root: join(benchDir, 'page'),
    logLevel: 'silent',
    plugins: [react()],
    // react-dom's profiling build: production React with <Profiler onRender> working.
    resolve: { alias: [{ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }] },
    build: { outDir, emptyOutDir: true, minify: true },
  })
  return outDir
}

async function startServer(root) {
  const { Method, Receipt } = await import('mppx')
  const { Mppx } = await import('mppx/server')
  const { benchCharge } = await import(pathToFileURL(join(benchDir, 'page', 'benchRail.ts')).href)
  const server402 = Mppx.create({
    realm: '127.0.0.1',
    secretKey: 'mppkit-bench-secret-key-0123456789abcdef',
    methods: [
      Method.toServer(benchCharge, {
        defaults: { currency: 'usd', decimals: 2 },
        async validate({ credential }) {
          return { challenge: credential.challenge, credential, details: undefined, intent: 'charge', method: 'bench', request: credential.challenge.request }
        },
        async broadcast() {
          return Receipt.from({ method: 'bench', reference: `bench-${Date.now()}`, status: 'success', timestamp: new Date().toISOString() })
        },
      }),
    ],
  })
  const charge = server402['bench/charge']({ amount: '5', description: 'bench item' })
  const jsonSeen = {}
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1')
    try {
      if (url.pathname === '/api/json') {
        const who = url.searchParams.get('who')
        if (who) {
          const names = Object.keys(req.headers).filter((h) => h !== 'referer').sort().join(',')
          jsonSeen[who] ??= new Map()
          jsonSeen[who].set(names, (jsonSeen[who].get(names) ?? 0) + 1)
        }
        res.writeHead(200, { 'content-type': 'application/json' })
        return res.end(JSON.stringify({ ok: true, items: [1, 2, 3], note: 'plain JSON' }))
      }
      if (url.pathname === '/api/paid') {
        const headers = new Headers()
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v)
        const result = await charge(new Request(url.href, { method: req.method, headers }))
        const response = result.status === 402 ? result.challenge : result.withReceipt(Response.json({ ok: true, paid: url.search }))
        res.writeHead(response.status, Object.fromEntries(response.headers))
        return res.end(Buffer.from(await response.arrayBuffer()))
      }
      const file = join(root, url.pathname === '/' ? 'index.html' : url.pathname)
      const body = await readFile(file)
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
      res.end(body)
    } catch (error) {
      res.writeHead(error?.code === 'ENOENT' ? 404 : 500)
      res.end(String(error))
    }
  })
  await new Promise((r) => server.listen(0, '127.0.0.1', r))
  return { server, jsonSeen, base: `http://127.0.0.1:${server.address().port}` }
}

// The warm-up fills the default receipt store (memoryReceiptStore keeps the last 500 receipts by design),
// so what is compared afterwards is growth per checkout, not the bounded history.
export async function measureBrowser({ runs = 30, checkouts = 1000, warmupCheckouts = 520 } = {}) {
  const root = await buildPage()
  const { server, jsonSeen, base } = await startServer(root)
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--js-flags=--expose-gc'] })
  try {
    const page = await browser.newPage()
    const errors = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto(base)
    await page.waitForFunction(() => document.title === 'bench ready', null, { timeout: 20_000 })
    // Paint: one warm-up each, then interleaved runs.
    await page.evaluate(async () => {
      await window.__bench.paintJson(-1)
      await window.__bench.paint402(-1)
    })
    const paint = await page.evaluate(async (n) => {
      const json = []
      const p402 = []
      for (let i = 0; i < n; i++) {
        json.push(await window.__bench.paintJson(i))
        p402.push(await window.__bench.paint402(i))
      }
      return { json, p402 }
    }, runs)
    const renders = await page.evaluate(() => window.__bench.rerenders())
    const fo = await page.evaluate((n) => window.__bench.fetchOverhead(n), 2000)
    const sum = (xs) => xs.reduce((a, b) => a + b, 0)
    const count = (m) => [...(m?.values() ?? [])].reduce((a, b) => a + b, 0)
    const fetchOverhead = {
      n: fo.kit.length,
      plainMedianMs: median(fo.plain),
      kitMedianMs: median(fo.kit),
      ratioMedian: median(fo.kit) / median(fo.plain),
      ratioMean: sum(fo.kit) / sum(fo.plain),
      requests: { kit: count(jsonSeen.kit), plain: count(jsonSeen.plain) },
      sameHeaders: [...(jsonSeen.kit?.keys() ?? [])].join('|') === [...(jsonSeen.plain?.keys() ?? [])].join('|'),
    }

    // Heap: warm up, GC, measure; run 1,000 checkouts; GC, measure.
    const cdp = await page.context().newCDPSession(page)
    const heap = async () => {
      for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage')
      return (await cdp.send('Runtime.getHeapUsage')).usedSize
    }
    const warm = await page.evaluate((n) => window.__bench.checkouts(n, 0), warmupCheckouts)
    const before = await heap()
    const started = Date.now()
    const run = await page.evaluate((n) => window.__bench.checkouts(n, 100_000), checkouts)
    const seconds = (Date.now() - started) / 1000
    const after = await heap()
    await page.evaluate(() => window.__bench.stop())
    return {
      paint: {
        runs,
        jsonMedianMs: median(paint.json),
        p402MedianMs: median(paint.p402),
        ratio: median(paint.p402) / median(paint.json),
        // Each 402 run is paired with the JSON run just before it, so machine load hits both alike.
        pairedExtraMs: median(paint.p402.map((t, i) => t - paint.json[i])),
        raw: paint,
      },
      renders,
      fetchOverhead,
      heap: { warmup: warm, run, before, after, ratio: after / before, seconds },
      errors,
    }
  } finally {
    await browser.close()
    server.close()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await measureBrowser({ runs: Number(process.env.RUNS ?? 30), checkouts: Number(process.env.CHECKOUTS ?? 1000) })
  delete r.paint.raw
  console.log(JSON.stringify(r, null, 2))
}

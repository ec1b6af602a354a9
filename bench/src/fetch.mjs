// Fetch overhead: `kit.fetch` (createMppKit) vs plain `fetch` for responses that are not 402.
// A loopback server, 2,000 requests each, interleaved ABBA, body read; the ratio is what counts.
// Also checks that the kit sends exactly the same headers and no extra requests.
import { createServer } from 'node:http'
import { pathToFileURL } from 'node:url'

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

export async function measureFetch({ n = 2000, warmup = 200 } = {}) {
  const seen = { plain: new Map(), kit: new Map() }
  const counts = { plain: 0, kit: 0 }
  const server = createServer((req, res) => {
    const who = req.url.includes('who=kit') ? 'kit' : 'plain'
    counts[who]++
    const names = Object.keys(req.headers).sort().join(',')
    seen[who].set(names, (seen[who].get(names) ?? 0) + 1)
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end('{"ok":true,"items":[1,2,3]}')
  })
  await new Promise((r) => server.listen(0, '127.0.0.1', r))
  const base = `http://127.0.0.1:${server.address().port}`

  const plainFetch = globalThis.fetch
  const kitCalls = []
  const { createMppKit } = await import('@mppkit/core')
  const { lightningRailCore } = await import('@mppkit/core/lightning')
  // The kit's base fetch records every request it makes (URL origin), then calls the real fetch.
  const kit = createMppKit({
    rails: [lightningRailCore()],
    fetch: (input, init) => {
      kitCalls.push(input) // parsed after the timed loop, so recording costs the kit nothing measurable
      return plainFetch(input, init)
    },
  })
  const variants = {
    plain: async () => (await plainFetch(`${base}/data?who=plain`)).text(),
    kit: async () => (await kit.fetch(`${base}/data?who=kit`)).text(),
  }
  for (let i = 0; i < warmup; i++) {
    await variants.plain()
    await variants.kit()
  }
  counts.plain = counts.kit = 0
  seen.plain.clear()
  seen.kit.clear()
  kitCalls.length = 0
  const times = { plain: [], kit: [] }
  for (let i = 0; i < n; i++) {
    const order = i % 2 ? ['kit', 'plain'] : ['plain', 'kit'] // ABBA: drift hits both alike
    for (const who of order) {
      const t = performance.now()
      await variants[who]()
      times[who].push(performance.now() - t)
    }
  }
  server.close()
  const sum = (xs) => xs.reduce((a, b) => a + b, 0)
  const sameHeaders = [...seen.kit.keys()].join('|') === [...seen.plain.keys()].join('|')
  return {
    n,
    plainMedianMs: median(times.plain),
    kitMedianMs: median(times.kit),
    ratioMedian: median(times.kit) / median(times.plain),
    ratioMean: sum(times.kit) / sum(times.plain),
    requests: { plain: counts.plain, kit: counts.kit },
    otherOrigins: kitCalls.filter((input) => new URL(String(input instanceof Request ? input.url : input)).origin !== base).length,
    sameHeaders,
    headers: { plain: [...seen.plain.keys()], kit: [...seen.kit.keys()] },
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) console.log(JSON.stringify(await measureFetch(), null, 2))

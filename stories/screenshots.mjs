// Screenshots of the static Storybook (run `pnpm build-storybook` first), light and dark, for
// looking at. Debian's Chromium, 127.0.0.1 only. Usage: node stories/screenshots.mjs [filter]
// [globals], e.g. 'brand:ocean;locale:de'. Writes storybook-static/screenshots/<story-id>--<theme>[--globals].png
// (git-ignored).
import { createServer } from 'node:http'
import { mkdirSync, readFileSync } from 'node:fs'
import { extname, join, normalize } from 'node:path'
import { chromium } from 'playwright'

const root = new URL('../storybook-static/', import.meta.url).pathname
const out = join(root, 'screenshots')
mkdirSync(out, { recursive: true })
const filter = new RegExp(process.argv[2] ?? '.')
const globals = process.argv[3] ?? ''
const suffix = globals ? `--${globals.replace(/[^a-z0-9]+/gi, '-')}` : ''
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' }

const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^\/+/, '')
  try {
    const body = readFileSync(join(root, path || 'index.html'))
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body)
  } catch {
    res.writeHead(404).end()
  }
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const base = `http://127.0.0.1:${server.address().port}`

const index = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8'))
const stories = Object.values(index.entries).filter((e) => e.type === 'story' && filter.test(e.id) && !/--dark/.test(e.id))
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
})
const desktop = await browser.newPage({ viewport: { width: 900, height: 760 }, reducedMotion: 'reduce' })
const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce', isMobile: true, hasTouch: true })
for (const story of stories) {
  const page = /--mobile/.test(story.id) ? phone : desktop
  for (const theme of ['light', 'dark']) {
    await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story&globals=theme:${theme}${globals ? `;${globals}` : ''}`)
    // Loaders build the scene, then play functions run: wait for them to settle.
    await page.waitForFunction(() => document.querySelector('#storybook-root')?.childElementCount, null, { timeout: 10_000 })
    await page.waitForTimeout(900)
    await page.screenshot({ path: join(out, `${story.id}--${theme}${suffix}.png`) })
  }
}
await browser.close()
server.close()
console.log(`${stories.length * 2} screenshots in ${out}`)

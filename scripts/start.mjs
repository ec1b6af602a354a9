// `pnpm start`: the devnet (a real paid API on 127.0.0.1) and the example app beside it.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const devnetPort = process.env.PORT ?? '8402'
const webPort = process.env.WEB_PORT ?? '5173'
const chatPort = process.env.CHAT_PORT ?? '5174'
const api = process.env.VITE_MPP_API ?? `http://127.0.0.1:${devnetPort}`

const children = []
function run(name, args, options) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options })
  const prefix = (chunk) => chunk.toString().replace(/^(?=.)/gm, `[${name}] `)
  child.stdout.on('data', (c) => process.stdout.write(prefix(c)))
  child.stderr.on('data', (c) => process.stderr.write(prefix(c)))
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`[${name}] exited with ${code}; stopping.`)
      stop(code ?? 1)
    }
  })
  children.push(child)
  return child
}

let stopping = false
function stop(code = 0) {
  stopping = true
  for (const child of children) child.kill('SIGTERM')
  setTimeout(() => process.exit(code), 300)
}
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))

run('devnet', ['--import', 'tsx', 'packages/devnet/src/cli.ts'], { cwd: root, env: { ...process.env, PORT: devnetPort } })
run('web', ['node_modules/vite/bin/vite.js', '--logLevel', 'warn'], {
  cwd: `${root}/examples/web-app`,
  env: { ...process.env, WEB_PORT: webPort, VITE_MPP_API: api },
})
run('chat', ['node_modules/vite/bin/vite.js', '--logLevel', 'warn'], {
  cwd: `${root}/examples/agent-chat`,
  env: { ...process.env, CHAT_PORT: chatPort, VITE_MPP_API: api },
})

// Say where to go once both answer.
const deadline = Date.now() + 60_000
async function ready(url) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return true
    } catch {}
    await new Promise((r) => setTimeout(r, 250))
  }
  return false
}
if ((await ready(`http://127.0.0.1:${devnetPort}/devnet/health`)) && (await ready(`http://127.0.0.1:${webPort}/`)) && (await ready(`http://127.0.0.1:${chatPort}/`))) {
  console.log(`\n  mppkit example:  http://127.0.0.1:${webPort}/   (paying the devnet at ${api})`)
  console.log(`  agent chat:      http://127.0.0.1:${chatPort}/   (paid MCP tools at ${api}/mcp)`)
  console.log(`  devnet wallet:   http://127.0.0.1:${devnetPort}/devnet/wallet   stats: /devnet/stats`)
  console.log('  Everything runs on 127.0.0.1 with test money. Ctrl-C stops them all.\n')
} else {
  console.error('The devnet or the example did not start within 60 s.')
  stop(1)
}

import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Request as NodeRequest } from 'mppx/server'
import { createDevnetApp } from './app'

export type StartDevnetOptions = {
  /** Default 8402; pass 0 for any free port (tests). */
  port?: number
  /** Default 127.0.0.1: devnet is for this machine only. */
  host?: string
  /** One line per request on stdout. */
  log?: boolean
}

export type RunningDevnet = {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string
  port: number
  close(): Promise<void>
}

export const defaultPort = 8402

export async function startDevnet(options: StartDevnetOptions = {}): Promise<RunningDevnet> {
  const host = options.host ?? '127.0.0.1'
  const app = createDevnetApp({ log: options.log ?? false })
  const server = createServer(NodeRequest.toNodeListener(app.fetch))

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? defaultPort, host, () => {
      server.off('error', reject)
      resolve()
    })
  })

  const { port } = server.address() as AddressInfo
  const urlHost = host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${urlHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        // Keep-alive sockets from fetch would otherwise hold close() open for seconds.
        server.closeAllConnections()
      }),
  }
}

import { defineConfig } from '@playwright/test'

// The e2e suite drives the example app in Debian's Chromium against a real devnet, both on
// 127.0.0.1 (ports apart from `pnpm start`'s, so both can run at once). Never a downloaded browser.
export const devnetPort = Number(process.env.E2E_DEVNET_PORT ?? 18402)
export const webPort = Number(process.env.E2E_WEB_PORT ?? 14173)
export const devnetUrl = `http://127.0.0.1:${devnetPort}`
/** The agent-chat example, served beside the web app. */
export const chatPort = Number(process.env.E2E_CHAT_PORT ?? webPort + 10)
export const chatUrl = `http://127.0.0.1:${chatPort}`

export default defineConfig({
  testDir: './specs',
  outputDir: './test-results',
  // One devnet with shared counters: specs run one at a time (2 cores; the checks compare stats).
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 8_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${webPort}`,
    viewport: { width: 1100, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    },
    trace: 'off',
  },
  webServer: [
    {
      command: `node --import tsx ../packages/devnet/src/cli.ts`,
      url: `${devnetUrl}/devnet/health`,
      env: { PORT: String(devnetPort) },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // The production build, as a person would get it (lazy rail chunks included).
      command: 'node node_modules/vite/bin/vite.js build --logLevel warn && node node_modules/vite/bin/vite.js preview',
      cwd: '../examples/web-app',
      url: `http://127.0.0.1:${webPort}`,
      env: { WEB_PORT: String(webPort), VITE_MPP_API: devnetUrl },
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      command: 'node node_modules/vite/bin/vite.js build --logLevel warn && node node_modules/vite/bin/vite.js preview',
      cwd: '../examples/agent-chat',
      url: chatUrl,
      env: { CHAT_PORT: String(chatPort), VITE_MPP_API: devnetUrl },
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
})

import { fileURLToPath } from 'node:url'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { playwright } from '@vitest/browser-playwright'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

// Every story is a test: rendered in Chromium, its play function run, then checked by axe
// (a11y `test: 'error'` in preview.tsx). Kept apart from the root config so `pnpm test:unit`
// stays Node/happy-dom only. Debian's Chromium, never a downloaded browser.
export default defineConfig({
  plugins: [react(), storybookTest({ configDir: fileURLToPath(new URL('.', import.meta.url)), storybookScript: 'pnpm storybook' })],
  // Pre-bundled up front: a dependency discovered mid-run makes Vite reload the browser.
  optimizeDeps: {
    include: [
      'react',
      'react-dom',
      'react-dom/client',
      'react/jsx-runtime',
      'react/jsx-dev-runtime',
      'mppx',
      'mppx/client',
      'storybook/test',
      '@storybook/react-vite',
      '@storybook/addon-a11y/preview',
      '@storybook/addon-docs/preview',
      '@mppkit/core > light-bolt11-decoder',
      '@mppkit/core > @noble/hashes/sha2.js',
      '@mppkit/core > @noble/hashes/utils.js',
      '@mppkit/react > uqr',
      'mppx/stripe/client',
      '@mppkit/react > @stripe/react-stripe-js',
      '@mppkit/react > @stripe/stripe-js/pure',
    ],
  },
  test: {
    name: 'stories',
    testTimeout: 20_000,
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({
        // No entrance animations: axe and assertions see final colours, and runs are faster.
        contextOptions: { reducedMotion: 'reduce' },
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
        },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
})

import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    name: 'devnet',
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
})

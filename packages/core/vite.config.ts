import { defineConfig } from 'vitest/config'

export default defineConfig({
  build: {
    lib: {
      entry: { index: 'src/index.ts', lightning: 'src/lightning.ts', 'lightning-invoice': 'src/lightning-invoice.ts', mcp: 'src/mcp.ts', card: 'src/card.ts', handoff: 'src/handoff.ts' },
      formats: ['es'],
    },
    rollupOptions: { external: [/^mppx/, /^@modelcontextprotocol\//, /^light-bolt11-decoder/, /^@tanstack\//] },
    sourcemap: true,
    minify: false,
  },
  test: {
    name: 'core',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
  },
})

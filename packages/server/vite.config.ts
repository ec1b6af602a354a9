import { defineConfig } from 'vitest/config'

export default defineConfig({
  build: {
    lib: { entry: { index: 'src/index.ts' }, formats: ['es'] },
    rollupOptions: { external: [/^mppx/] },
    sourcemap: true,
    minify: false,
  },
  test: {
    name: 'server',
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
})

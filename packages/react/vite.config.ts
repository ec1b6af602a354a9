import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [react()],
  build: {
    lib: { entry: { index: 'src/index.ts', lightning: 'src/lightning.ts', query: 'src/query.ts', card: 'src/card.ts', wallet: 'src/wallet.ts', chat: 'src/chat.ts', handoff: 'src/handoff.ts' }, formats: ['es'] },
    rollupOptions: { external: [/^react/, /^@mppkit\//, /^mppx/, /^@tanstack\//, /^uqr/, /^@stripe\//, /^wagmi/, /^viem/] },
    sourcemap: true,
    minify: false,
    cssCodeSplit: false,
  },
  test: {
    name: 'react',
    include: ['src/**/*.test.tsx', 'src/**/*.test.ts'],
    environment: 'happy-dom',
  },
})

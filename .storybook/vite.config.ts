import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The Vite config Storybook builds stories with (see main.ts `viteConfigPath`).
export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1' },
})

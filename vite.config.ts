import { defineConfig } from 'vitest/config'

// One Vitest run for every package: each package's own vite.config.ts is a project.
export default defineConfig({
  test: {
    projects: ['packages/*'],
  },
})

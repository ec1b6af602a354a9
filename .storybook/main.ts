import type { StorybookConfig } from '@storybook/react-vite'

// Storybook for every mppkit component in every checkout state. Stories live in /stories (CSF 3)
// and double as component tests (`pnpm test:stories`, Vitest + Debian's Chromium).
const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: {
    name: '@storybook/react-vite',
    // Our own Vite config: the root vite.config.ts is the unit-test workspace, not an app.
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  staticDirs: [],
}
export default config

import '@mppkit/react/theme.css'
import './themes.css'
import type { Decorator, Preview } from '@storybook/react-vite'
import { configure } from 'storybook/test'
import { germanMessages, StoryEnvContext, type StoryEnv } from '../stories/support/env'

// Toolbar: light/dark, three example themes (--mppkit-* variables, see themes.css) and locale
// (English, or German through the provider's `messages`; amounts follow the locale through Intl).
// Rail panels load lazily (their own chunk): on a busy 2-core CI box the first one can take more
// than Testing Library's default 1 s to appear.
configure({ asyncUtilTimeout: 6000 })

const locales: Record<string, Pick<StoryEnv, 'locale' | 'messages'>> = {
  en: { locale: 'en-US' },
  de: { locale: 'de-DE', messages: germanMessages },
}

const withEnv: Decorator = (Story, context) => {
  const theme = context.globals.theme === 'dark' ? 'dark' : 'light'
  const env: StoryEnv = { theme, ...(locales[context.globals.locale as string] ?? locales.en!) }
  return (
    <StoryEnvContext.Provider value={env}>
      <div className="story-page" data-story-theme={theme} data-story-brand={context.globals.brand} data-view={context.viewMode} lang={env.locale}>
        <Story />
      </div>
    </StoryEnvContext.Provider>
  )
}

const preview: Preview = {
  decorators: [withEnv],
  globalTypes: {
    theme: {
      description: 'Light or dark',
      toolbar: { title: 'Theme', icon: 'mirror', items: [{ value: 'light', title: 'Light', icon: 'sun' }, { value: 'dark', title: 'Dark', icon: 'moon' }], dynamicTitle: true },
    },
    brand: {
      description: 'Example themes made of --mppkit-* variables',
      toolbar: {
        title: 'Brand',
        icon: 'paintbrush',
        items: [
          { value: 'default', title: 'Default theme' },
          { value: 'ocean', title: 'Ocean' },
          { value: 'paper', title: 'Paper' },
          { value: 'sunset', title: 'Sunset' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Words (provider messages) and amounts (Intl)',
      toolbar: { title: 'Locale', icon: 'globe', items: [{ value: 'en', title: 'English' }, { value: 'de', title: 'Deutsch' }], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light', brand: 'default', locale: 'en', viewport: { value: 'desktop', isRotated: false } },
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
    a11y: { test: 'error' },
    viewport: {
      options: {
        mobile: { name: 'Mobile (390 × 844)', styles: { width: '390px', height: '844px' }, type: 'mobile' },
        desktop: { name: 'Desktop (1280 × 800)', styles: { width: '1280px', height: '800px' }, type: 'desktop' },
      },
    },
    docs: { codePanel: true },
  },
}
export default preview

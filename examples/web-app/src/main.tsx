import '@mppkit/react/theme.css'
import './styles.css'
import { MppProvider } from '@mppkit/react'
import { lightningRail } from '@mppkit/react/lightning'
import { walletRail } from '@mppkit/react/wallet'
import { StrictMode, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { exampleCardRail } from './card'
import { initialTheme, limits } from './config'
import { creditsRail } from './creditsRail'
import { exampleHandoffRail } from './handoff'

// Rails and policy are created once, outside render: the provider reads them when it mounts.
const rails = [lightningRail(), creditsRail(), walletRail(), exampleCardRail(), exampleHandoffRail()]

function Root() {
  const [theme, setTheme] = useState<'light' | 'dark' | 'auto'>(initialTheme)
  return (
    <MppProvider rails={rails} policy={limits} theme={theme}>
      <App theme={theme} onTheme={setTheme} />
    </MppProvider>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
)

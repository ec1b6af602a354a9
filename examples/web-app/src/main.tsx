import '@mppkit/react/theme.css'
import './styles.css'
import { createAssetBook } from '@mppkit/core'
import { MppProvider } from '@mppkit/react'
import { lightningRail } from '@mppkit/react/lightning'
import { walletRail } from '@mppkit/react/wallet'
import { StrictMode, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { exampleCardRail } from './card'
import { initialTheme, limits } from './config'
import { creditsRail } from './creditsRail'
import { detectDevnet } from './devnet'
import { exampleHandoffRail } from './handoff'

// Rails and policy are created once, outside render: the provider reads them when it mounts.
const rails = [lightningRail(), creditsRail(), walletRail(), exampleCardRail(), exampleHandoffRail()]

// Before the first paid request: is the API a devnet (then install its test wallets and learn its
// token's name)? Two requests on loopback; against another server, one quick 404.
const assets = createAssetBook()
const devnet = await detectDevnet(assets)

function Root() {
  const [theme, setTheme] = useState<'light' | 'dark' | 'auto'>(initialTheme)
  return (
    <MppProvider rails={rails} policy={limits} theme={theme} assets={assets}>
      <App theme={theme} onTheme={setTheme} devnet={devnet} />
    </MppProvider>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
)

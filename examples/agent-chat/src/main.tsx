import '@mppkit/react/theme.css'
import '@mppkit/react/chat.css'
import './styles.css'
import { MppProvider, sats } from '@mppkit/react'
import { lightningRail } from '@mppkit/react/lightning'
import { walletRail } from '@mppkit/react/wallet'
import { StrictMode, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { initialTheme } from './config'

// Lightning pays MPP lightning/charge; the wallet rail (EIP-3009) pays x402. Both panels load lazily.
const rails = [lightningRail(), walletRail()]
const policy = { maxPerPayment: [sats(1_000)], askAbove: [sats(500)] }

function Root() {
  const [theme, setTheme] = useState<'light' | 'dark' | 'auto'>(initialTheme)
  return (
    <MppProvider rails={rails} policy={policy} theme={theme}>
      <App theme={theme} onTheme={setTheme} />
    </MppProvider>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
)

import { PaymentGate } from '@mppkit/react'
import { lightningRail } from '@mppkit/react/lightning'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { useStoryEnv } from './support/env'
import { MppProvider } from '@mppkit/react'

/**
 * LIVE: talks to a running devnet (`pnpm devnet`, http://127.0.0.1:8402) over the network, with
 * its test WebLN wallet. Not part of the story tests (tag `!test`): CI has no devnet running.
 */
const devnet = 'http://127.0.0.1:8402'
const rails = [lightningRail()]

async function detect(): Promise<boolean> {
  try {
    if (!(await fetch(`${devnet}/devnet/health`)).ok) return false
    if (!document.querySelector('script[data-devnet-webln]')) {
      const script = document.createElement('script')
      script.src = `${devnet}/devnet/webln.js`
      script.dataset.devnetWebln = ''
      document.head.append(script)
    }
    return true
  } catch {
    return false
  }
}

function Live({ up }: { up: boolean }) {
  const env = useStoryEnv()
  if (!up)
    return (
      <p>
        This live story needs devnet: run <code>pnpm devnet</code> and reload. (It is the only story that uses the network.)
      </p>
    )
  return (
    <MppProvider rails={rails} theme={env.theme} locale={env.locale} messages={env.messages}>
      <p>Live against devnet at {devnet} (test wallet, regtest; nothing real is paid).</p>
      <div style={{ maxWidth: 440 }}>
        <PaymentGate request={`${devnet}/api/photo`} label="devnet photo" preview={<div style={{ height: 200, borderRadius: 14, background: '#64748b' }} />}>
          {({ receipt }) => <p>Paid photo loaded{receipt ? ` (reference ${receipt.reference.slice(0, 12)}…)` : ''}.</p>}
        </PaymentGate>
      </div>
    </MppProvider>
  )
}

const meta = {
  title: 'Live/Devnet',
  tags: ['!test', '!autodocs'],
  loaders: [async () => ({ up: await detect() })],
  render: (_args, { loaded }) => <Live up={loaded.up as boolean} />,
} satisfies Meta
export default meta

export const PaymentGateAgainstDevnet: StoryObj = {}

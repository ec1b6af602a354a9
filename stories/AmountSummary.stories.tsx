import { AmountSummary } from '@mppkit/react'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { fromScene } from './support/parts'
import { dark } from './support/story'
import type { OfferSpec } from './support/server'

const summary = (offer: OfferSpec, description?: string, showDescription = true) =>
  fromScene({ server: { offers: [offer], ...(description !== undefined ? { description } : {}) } }, (scene) => (
    <AmountSummary offer={scene.checkout.getState().choices[0]!.offer} showDescription={showDescription} />
  ))

const meta = {
  title: 'Parts/AmountSummary',
  component: AmountSummary,
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: `The amount about to be paid, from the challenge's machine-readable request (formatted with \`Intl\` in the provider's locale). The server's description is shown as its words, below, and never changes the amount.

\`\`\`tsx
<AmountSummary offer={state.selected.offer} />
\`\`\``,
      },
    },
  },
} satisfies Meta<typeof AmountSummary>
export default meta
type Story = StoryObj<typeof meta>

export const Sats: Story = {
  ...summary({ kind: 'lightning', sats: 2500 }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('2,500 sats')).toBeInTheDocument()
  },
} as Story
export const Dollars = summary({ kind: 'credits', amount: '5' }) as Story
export const Euros = summary({ kind: 'other', method: 'stripe', amount: '1999', currency: 'eur' }) as Story
export const Token = summary({ kind: 'other', method: 'tempo', amount: '1250000', currency: '0x20c0000000000000000000000000000000000001', decimals: 6 }) as Story
export const LongDescription = summary(
  { kind: 'lightning', sats: 21 },
  'Full-resolution photo of the Fastnet lighthouse at dusk, 6000 × 4000 pixels, licensed for personal use only',
) as Story
export const WithoutDescription = summary({ kind: 'lightning', sats: 100 }, undefined, false) as Story
export const Dark = { ...Sats, ...dark } as Story

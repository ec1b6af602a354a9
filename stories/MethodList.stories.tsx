import { sats } from '@mppkit/core'
import { MethodList } from '@mppkit/react'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn } from 'storybook/test'
import { fromScene } from './support/parts'
import { manyOffers, mixedOffers } from './support/states'
import { dark, mobile } from './support/story'

const onChoose = fn()
const list = (spec: Parameters<typeof fromScene>[0], disabled = false) =>
  fromScene(spec, (scene) => <MethodList choices={scene.checkout.getState().choices} onChoose={onChoose} disabled={disabled} />)

const meta = {
  title: 'Parts/MethodList',
  component: MethodList,
  tags: ['autodocs'],
  args: { onChoose },
  parameters: {
    docs: {
      description: {
        component: `Every way the server offered to be paid, each with its own amount. Offers this page cannot pay (no rail, over a limit) stay visible and disabled, with the reason; "ask above" offers say so.

\`\`\`tsx
<MethodList choices={state.choices} onChoose={checkout.choose} />
\`\`\``,
      },
    },
  },
} satisfies Meta<typeof MethodList>
export default meta
type Story = StoryObj<typeof meta>

export const OneOffer = list({}) as Story
export const ManyOffers: Story = {
  ...list({ server: { offers: manyOffers } }),
  play: async ({ canvas, userEvent }) => {
    onChoose.mockClear()
    await userEvent.click(await canvas.findByRole('button', { name: /L402/ }))
    await expect(onChoose).toHaveBeenCalledWith(expect.stringMatching(/^l402:/))
  },
} as Story
export const MixedRailsWithBlocked: Story = {
  ...list({ server: { offers: mixedOffers }, policy: { maxPerPayment: [sats(5000)] } }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: /stripe/ })).toBeDisabled()
    await expect(canvas.getByRole('button', { name: /10,000 sats/ })).toHaveAccessibleDescription(/above your limit/)
  },
} as Story
export const AskAbove = list({ server: { offers: [{ kind: 'lightning', sats: 2500 }, { kind: 'credits', amount: '5' }] }, policy: { askAbove: [sats(1000)] } }) as Story
export const Disabled = list({ server: { offers: manyOffers } }, true) as Story
export const MobileMixed = { ...MixedRailsWithBlocked, ...mobile } as Story
export const DarkMixed = { ...MixedRailsWithBlocked, ...dark } as Story

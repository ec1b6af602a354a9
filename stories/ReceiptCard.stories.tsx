import { sats, usd, type PaymentReceipt } from '@mppkit/core'
import { ReceiptCard } from '@mppkit/react'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor } from 'storybook/test'
import { fromScene, PartKit } from './support/parts'
import { drive } from './support/scenes'
import { dark } from './support/story'

const meta = {
  title: 'Parts/ReceiptCard',
  component: ReceiptCard,
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: `What was paid, how, and the server's settlement reference (never the credential), with a copy button.

\`\`\`tsx
{state.receipt ? <ReceiptCard receipt={state.receipt} /> : null}
\`\`\``,
      },
    },
  },
} satisfies Meta<typeof ReceiptCard>
export default meta
type Story = StoryObj<typeof meta>

/** A receipt from a real payment through the kit (the server's Payment-Receipt). */
export const Lightning: Story = {
  ...fromScene({ drive: drive.payWithWallet('paid') }, (scene) => <ReceiptCard receipt={scene.checkout.getState().receipt!} />),
  play: async ({ canvas, userEvent }) => {
    const receipt = await canvas.findByRole('region', { name: 'Receipt' })
    await expect(receipt).toHaveTextContent('Paid 100 sats with Lightning')
    // Copying needs clipboard permission; either way the reference stays selectable.
    await userEvent.click(canvas.getByRole('button', { name: 'Copy' }))
    await waitFor(() => expect(canvas.getByRole('button', { name: /Cop(y|ied)/ })).toBeInTheDocument())
  },
} as Story

const card: PaymentReceipt = {
  id: 'r_story_card',
  protocol: 'mpp',
  method: 'stripe',
  reference: 'pi_3QxStoryb00kRef3rence',
  status: 'success',
  timestamp: '2026-03-14T09:26:53.000Z',
  amount: usd('0.50'),
  description: 'Summary of a 40-page report',
  url: 'https://api.example.com/summarize',
  fromServer: true,
}

export const Card: Story = { render: (args) => <PartKit><ReceiptCard {...args} /></PartKit>, args: { receipt: card } }
export const WithoutDescription: Story = {
  render: (args) => <PartKit><ReceiptCard {...args} /></PartKit>,
  args: { receipt: { ...card, id: 'r_story_ln', method: 'lightning', amount: sats(21), reference: 'short-ref', description: undefined } },
}
export const DarkLightning: Story = { ...Lightning, ...dark } as Story

import { ExpiryCountdown } from '@mppkit/react'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { PartKit } from './support/parts'
import { dark } from './support/story'

const meta = {
  title: 'Parts/ExpiryCountdown',
  component: ExpiryCountdown,
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: `"Price valid for 4:32", ticking each second; it turns urgent below \`urgentBelow\` seconds. The checkout itself expires the offer.

\`\`\`tsx
<ExpiryCountdown expires={offer.expires} urgentBelow={30} />
\`\`\``,
      },
    },
  },
  // Offsets from now, so the story shows the same remaining time whenever it is opened.
  loaders: [async () => ({ now: Date.now() })],
  render: (args, { loaded }) => (
    <PartKit>
      <ExpiryCountdown {...args} expires={args.expires && new Date((loaded.now as number) + args.expires.getTime())} />
    </PartKit>
  ),
} satisfies Meta<typeof ExpiryCountdown>
export default meta
type Story = StoryObj<typeof meta>

// `expires` here is "milliseconds from now" (as a Date of that epoch offset), resolved in render.
export const Minutes: Story = {
  args: { expires: new Date(4 * 60_000 + 32_500) },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('timer')).toHaveAttribute('data-state', 'normal')
  },
}
export const Urgent: Story = {
  args: { expires: new Date(19_500) },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('timer')).toHaveAttribute('data-state', 'urgent')
  },
}
export const Hours: Story = { args: { expires: new Date(2 * 3600_000 + 15 * 60_000) } }
export const NoExpiry: Story = { args: { expires: undefined } }
export const DarkUrgent: Story = { ...Urgent, ...dark }

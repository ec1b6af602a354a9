import { problemMessages, type Problem, type ProblemKind } from '@mppkit/core'
import { ProblemNotice } from '@mppkit/react'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { PartKit } from './support/parts'
import { dark } from './support/story'

const problem = (kind: ProblemKind, detail?: string): Problem => ({
  kind,
  type: `https://paymentauth.org/problems/${kind}`,
  title: kind,
  status: 402,
  detail,
  message: problemMessages[kind],
})

const meta = {
  title: 'Parts/ProblemNotice',
  component: ProblemNotice,
  tags: ['autodocs'],
  render: (args) => (
    <PartKit>
      <ProblemNotice {...args} />
    </PartKit>
  ),
  args: { title: 'Payment not completed' },
  parameters: {
    docs: {
      description: {
        component: `Why a payment did not go through, in words a person can act on, with the server's own detail (and developer hints) in small print. Errors are announced (\`role="alert"\`), warnings and info politely (\`role="status"\`). Each problem type in a real checkout: see Checkout/CheckoutContent.

\`\`\`tsx
<ProblemNotice title="Payment not completed" problem={state.problem} error={state.error} diagnostics={state.diagnostics} />
\`\`\``,
      },
    },
  },
} satisfies Meta<typeof ProblemNotice>
export default meta
type Story = StoryObj<typeof meta>

export const ServerProblem: Story = {
  args: { problem: problem('verification-failed', 'preimage does not match the invoice') },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Server detail: preimage does not match the invoice')
  },
}
export const RailError: Story = { args: { error: { code: 'rail', message: 'The wallet did not pay: User rejected the payment' } } }
export const WithDiagnostics: Story = {
  args: {
    error: { code: 'no-offers', message: 'The server asked for payment but offered no way to pay that this page understands.' },
    diagnostics: ['The 402 carried no WWW-Authenticate header a browser may read: the server must send Access-Control-Expose-Headers: WWW-Authenticate.'],
  },
}
export const Warning: Story = { args: { title: 'Payment not confirmed yet', tone: 'warning', error: { code: 'network', message: 'The payment was sent but no answer came back. You may have paid: resume to ask again with the same payment.' } } }
export const Info: Story = { args: { title: 'Payment cancelled', tone: 'info', error: { code: 'policy', message: 'Nothing was paid.' } } }
export const DarkServerProblem: Story = { ...ServerProblem, ...dark }
export const DarkWarning: Story = { ...Warning, ...dark }

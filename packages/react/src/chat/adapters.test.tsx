import { createMcpPayments, type McpToolClient, type PaidToolOutcome } from '@mppkit/core/mcp'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, test, vi } from 'vitest'
import { MppProvider } from '../MppProvider'
import '../test-support'
import { AiSdkPaymentCard, AssistantUiPaymentCard, type AiSdkToolPart } from './adapters'

const resubmit = { isError: true, content: [{ type: 'text', text: 'Payment required to execute this tool.\n\nPayment link: https://pay.example.com/p/9\nPayment ID: pay_9' }] }
const answer = { content: [{ type: 'text', text: 'Report on salt' }] }

function setup() {
  const calls: unknown[] = []
  const client: McpToolClient = { callTool: async (params) => (calls.push(params), answer) }
  const payments = createMcpPayments({ client, server: 'tools.example.com', endpoint: 'https://tools.example.com/mcp', kit: { rails: [], policy: { check: () => ({ kind: 'allow' }), record: () => {} } as never, receipts: { add() {}, list: () => [], subscribe: () => () => {} } } })
  return { payments, calls }
}

describe('chat UI adapters', () => {
  test('AI SDK tool part: a RESUBMIT output becomes a card that resubmits with payment_id', async () => {
    const { payments, calls } = setup()
    const onOutcome = vi.fn<(o: PaidToolOutcome) => void>()
    const part: AiSdkToolPart = { type: 'dynamic-tool', toolName: 'report', toolCallId: 't1', state: 'output-available', input: { topic: 'salt' }, output: resubmit }
    render(<MppProvider rails={[]}><AiSdkPaymentCard part={part} payments={payments} onOutcome={onOutcome} /></MppProvider>)
    fireEvent.click(await screen.findByRole('button', { name: /Approve/ }))
    fireEvent.click(await screen.findByRole('button', { name: "I've paid — continue" }))
    await waitFor(() => expect(onOutcome).toHaveBeenCalledWith({ status: 'done', result: answer, receipt: expect.objectContaining({ reference: 'pay_9' }) }))
    expect(calls).toEqual([{ name: 'report', arguments: { topic: 'salt', payment_id: 'pay_9' } }])
  })

  test('AI SDK / assistant-ui: outputs that ask nothing render nothing', () => {
    const { payments } = setup()
    const { container } = render(
      <MppProvider rails={[]}>
        <AiSdkPaymentCard part={{ type: 'tool-report', toolCallId: 't2', state: 'output-available', output: answer }} payments={payments} />
        <AiSdkPaymentCard part={{ type: 'tool-report', toolCallId: 't3', state: 'input-available', input: {} }} payments={payments} />
        <AssistantUiPaymentCard toolName="report" toolCallId="t4" args={{}} result={answer} payments={payments} />
      </MppProvider>,
    )
    expect(container.querySelector('[data-mppkit-part="chat-card"]')).toBeNull()
  })

  test('assistant-ui: a tool result with MPP challenges (as an error object) becomes a card', async () => {
    const { payments } = setup()
    const error = { code: -32042, message: 'Payment Required', data: { httpStatus: 402, challenges: [{ id: 'c1', method: 'lightning', intent: 'charge', request: { amount: '100', currency: 'BTC' } }] } }
    render(<MppProvider rails={[]}><AssistantUiPaymentCard toolName="forecast" toolCallId="t5" args={{}} result={error} payments={payments} /></MppProvider>)
    await screen.findByRole('button', { name: 'Approve' })
  })
})

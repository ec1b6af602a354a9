import { createMcpPayments, type McpToolClient } from '@mppkit/core/mcp'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { MppProvider } from '../MppProvider'
import '../test-support' // cleanup between tests
import { ChatPaymentCard } from './ChatPaymentCard'

/** A scripted MCP server: each tools/call gets the next answer in the list. */
function scriptedClient(answers: Record<string, unknown[]>): McpToolClient & { calls: { name: string; arguments?: unknown }[] } {
  const calls: { name: string; arguments?: unknown }[] = []
  return {
    calls,
    async callTool(params) {
      calls.push({ name: params.name, arguments: params.arguments })
      const next = answers[params.name]?.shift()
      if (next instanceof Error) throw next
      return next
    },
  }
}

const twoStep = (url: string) => ({ content: [{ type: 'text', text: JSON.stringify({ message: `Pay at ${url}`, payment_url: url, payment_id: 'pay_1', next_step: 'confirm_report_payment' }) }] })
const paid = { content: [{ type: 'text', text: 'Report on tea' }], annotations: { payment: { status: 'paid', payment_id: 'pay_1' } } }
const tools = [{ name: 'report' }, { name: 'confirm_report_payment', _meta: { price: { amount: 0.5, currency: 'USD' } } }]

function renderCall(client: McpToolClient, name = 'report') {
  const payments = createMcpPayments({ client, server: 'tools.example.com', endpoint: 'https://tools.example.com/mcp', kit: { rails: [], policy: { check: () => ({ kind: 'allow' }), record: () => {} } as never, receipts: { add() {}, list: () => [], subscribe: () => () => {} } }, tools })
  const call = payments.callTool(name, { topic: 'tea' })
  render(
    <MppProvider rails={[]}>
      <ChatPaymentCard call={call} />
    </MppProvider>,
  )
  return call
}

afterEach(() => vi.restoreAllMocks())

describe('ChatPaymentCard', () => {
  test('PayMCP TWO_STEP: claimed price, Approve, full URL as text, opens only on click, confirm → receipt', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null)
    const client = scriptedClient({ report: [twoStep('https://pay.example.com/c/pay_1')], confirm_report_payment: [paid] })
    const call = renderCall(client)
    await screen.findByRole('button', { name: /Approve/ })
    expect(screen.getByText('$0.50')).toBeTruthy()
    expect(screen.getByText(/as the server states it/)).toBeTruthy()
    expect(screen.queryByTestId('payment-url')).toBeNull() // the link is shown only after Approve
    fireEvent.click(screen.getByRole('button', { name: /Approve/ }))
    const url = await screen.findByTestId('payment-url')
    expect(url.textContent).toBe('https://pay.example.com/c/pay_1')
    expect(url.querySelector('a')).toBeNull() // plain text, never a clickable link
    expect(open).not.toHaveBeenCalled()
    fireEvent.click(screen.getByRole('button', { name: /Open payment page/ }))
    expect(open).toHaveBeenCalledWith('https://pay.example.com/c/pay_1', '_blank', 'noopener,noreferrer')
    fireEvent.click(screen.getByRole('button', { name: "I've paid — continue" }))
    await screen.findByText('Receipt from tools.example.com')
    expect(screen.getByText('pay_1')).toBeTruthy()
    expect(client.calls).toEqual([
      { name: 'report', arguments: { topic: 'tea' } },
      { name: 'confirm_report_payment', arguments: { payment_id: 'pay_1' } },
    ])
    expect(await call.outcome).toMatchObject({ status: 'done', result: paid })
  })

  test('a link that is not https cannot be opened', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null)
    renderCall(scriptedClient({ report: [twoStep('http://pay.example.com/c/pay_1')] }))
    fireEvent.click(await screen.findByRole('button', { name: /Approve/ }))
    await screen.findByText(/cannot be opened: Only https links/)
    expect(screen.queryByRole('button', { name: /Open payment page/ })).toBeNull()
    expect(open).not.toHaveBeenCalled()
  })

  test('x402 without a wallet rail: shown, no Approve; Decline → declined', async () => {
    const x402 = { x402Version: 2, accepts: [{ scheme: 'exact', network: 'eip155:84532', amount: '10000', asset: '0x036C', payTo: '0x2096', extra: { name: 'USDC', version: '2' } }] }
    const call = renderCall(scriptedClient({ report: [{ isError: true, structuredContent: x402, content: [] }] }))
    await screen.findByText('10000 base units of USDC on eip155:84532')
    expect(screen.queryByRole('button', { name: /Approve/ })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Decline' }))
    await screen.findByText(/Declined. Nothing was paid/)
    expect(await call.outcome).toEqual({ status: 'declined' })
  })

  test('a tool that asks nothing finishes without a payment step', async () => {
    const call = renderCall(scriptedClient({ report: [{ content: [{ type: 'text', text: 'free' }] }] }))
    await waitFor(() => expect(call.getState().status).toBe('done'))
    expect(screen.queryByRole('button', { name: /Approve/ })).toBeNull()
  })
})

import { describe, expect, it } from 'vitest'
import { detectMcpElicitation, detectMcpError, detectMcpProgress, detectMcpResult, firstUrl } from './detect'
import { checkPaymentLink } from './link'
import { readToolPrice } from './price'

const challenge = { id: 'ch_abc123', realm: 'search.example.com', method: 'tempo', intent: 'charge', request: { amount: '10', currency: 'usd', recipient: '0xa726a1' } }
const mcpError = (code: number, data: unknown) => Object.assign(new Error('Payment Required'), { code, data })

describe('MPP over MCP', () => {
  it('reads -32042 with data.challenges (spec example)', () => {
    const prompt = detectMcpError({ code: -32042, message: 'Payment Required', data: { httpStatus: 402, challenges: [challenge] } })
    expect(prompt).toEqual({ kind: 'mpp', challenges: [challenge], refused: false })
  })
  it('reads -32043 with fresh challenges and the problem, from an McpError', () => {
    const problem = { type: 'https://paymentauth.org/problems/verification-failed', title: 'Verification failed' }
    const prompt = detectMcpError(mcpError(-32043, { httpStatus: 402, challenges: [challenge], problem }))
    expect(prompt).toMatchObject({ kind: 'mpp', refused: true, problem })
  })
  it('reads a result carrying _meta["org.paymentauth/payment-required"]', () => {
    const prompt = detectMcpResult({ content: [], _meta: { 'org.paymentauth/payment-required': { httpStatus: 402, challenges: [challenge] } } })
    expect(prompt?.kind).toBe('mpp')
  })
  it('never trusts the code alone', () => {
    expect(detectMcpError({ code: -32042, message: 'Payment Required' })).toBeNull()
    expect(detectMcpError({ code: -32042, data: {} })).toBeNull()
    expect(detectMcpError({ code: -32042, data: { challenges: [] } })).toBeNull()
    expect(detectMcpError({ code: -32042, data: { challenges: [{ id: 'x', method: 'tempo' }] } })).toBeNull() // no intent, no request
    expect(detectMcpError({ code: -32042, data: { challenges: [{ ...challenge, request: 'eyJhbW91bnQiOiIxMCJ9' }] } })).toBeNull() // HTTP's base64 form is not MCP's
    expect(detectMcpError({ code: -32602, data: { challenges: [challenge] } })).toBeNull() // right data, wrong code
    expect(detectMcpError({ code: -32603, message: 'Internal error' })).toBeNull()
    expect(detectMcpError('Payment Required')).toBeNull()
  })
})

describe('URL-mode elicitation', () => {
  const elicitation = { mode: 'url', elicitationId: '550e8400-e29b-41d4-a716-446655440000', url: 'https://mcp.example.com/connect?elicitationId=550e', message: 'Authorization is required.' }
  it('reads -32042 with data.elicitations (2025-11-25), told apart from MPP by its data', () => {
    const prompt = detectMcpError({ code: -32042, message: 'This request requires more information.', data: { elicitations: [elicitation] } })
    expect(prompt).toEqual({ kind: 'url-elicitation', url: elicitation.url, message: elicitation.message, elicitationId: elicitation.elicitationId, from: 'error' })
  })
  it('reads an elicitation/create request in URL mode', () => {
    expect(detectMcpElicitation({ mode: 'url', elicitationId: 'e1', url: 'https://pay.example.com/x', message: 'Pay' })).toMatchObject({ kind: 'url-elicitation', from: 'request' })
  })
  it('refuses non-web URLs and form elicitations that ask for fields', () => {
    expect(detectMcpElicitation({ mode: 'url', elicitationId: 'e1', url: 'javascript:alert(1)', message: 'Pay' })).toBeNull()
    expect(detectMcpError({ code: -32042, data: { elicitations: [{ mode: 'form', message: 'x' }] } })).toBeNull()
    expect(
      detectMcpElicitation({ message: 'Your name? See https://example.com/help', requestedSchema: { type: 'object', properties: { name: { type: 'string' } } } }),
    ).toBeNull()
  })
})

describe('PayMCP', () => {
  it('TWO_STEP (Python): JSON text with payment_url, payment_id, next_step', () => {
    const text = JSON.stringify({ message: 'To run this tool, please pay 0.5 USD using the link below:\n\nhttps://checkout.stripe.com/c/pay/cs_test_1\n\nAfter completing the payment, come back and confirm.', payment_url: 'https://checkout.stripe.com/c/pay/cs_test_1', payment_id: 'cs_test_1', next_step: 'confirm_generate_report_payment' })
    expect(detectMcpResult({ content: [{ type: 'text', text }] })).toEqual({
      kind: 'paymcp-two-step',
      paymentUrl: 'https://checkout.stripe.com/c/pay/cs_test_1',
      paymentId: 'cs_test_1',
      confirmTool: 'confirm_generate_report_payment',
      confirmArguments: { payment_id: 'cs_test_1' },
    })
  })
  it('TWO_STEP (TS): non-standard structured_content when the text is not JSON', () => {
    const result = { content: [{ type: 'text', text: 'To continue, please pay 0.5 USD at:\nhttps://checkout.stripe.com/x' }], structured_content: { payment_url: 'https://checkout.stripe.com/x', payment_id: 'cs_2', next_step: 'confirm_x_payment', status: 'payment_required', amount: 0.5, currency: 'USD' } }
    expect(detectMcpResult(result)).toMatchObject({ kind: 'paymcp-two-step', paymentId: 'cs_2', confirmTool: 'confirm_x_payment' })
  })
  it('DYNAMIC_TOOLS: next_tool takes no arguments', () => {
    const result = { content: [{ type: 'text', text: 'Ask user to complete payment of 0.5 USD at: https://checkout.stripe.com/y\n\nAfter completing payment, call tool: confirm_x_cs_3' }], payment_url: 'https://checkout.stripe.com/y', payment_id: 'cs_3', next_tool: 'confirm_x_cs_3' }
    expect(detectMcpResult(result)).toMatchObject({ kind: 'paymcp-two-step', confirmTool: 'confirm_x_cs_3', confirmArguments: {} })
  })
  it('RESUBMIT: isError text with "Payment link: … Payment ID: …" (also with the Python prefix)', () => {
    const text = 'Error executing tool report: Payment required to execute this tool.\nFollow the link to complete payment and retry with payment_id.\n\nPayment link: https://checkout.stripe.com/z\nPayment ID: cs_test_4'
    expect(detectMcpResult({ isError: true, content: [{ type: 'text', text }] })).toEqual({ kind: 'paymcp-resubmit', paymentUrl: 'https://checkout.stripe.com/z', paymentId: 'cs_test_4' })
  })
  it('pending: status "pending" with payment_url', () => {
    const text = JSON.stringify({ status: 'pending', payment_url: 'https://checkout.stripe.com/p', payment_id: 'cs_5', message: 'Payment not yet received.' })
    expect(detectMcpResult({ content: [{ type: 'text', text }] })).toMatchObject({ kind: 'paymcp-pending', paymentId: 'cs_5' })
  })
  it('ELICITATION: empty form whose message carries the link (and PayMCP paymentUrl)', () => {
    const params = { message: 'To continue, please pay 0.5 USD at:\nhttps://checkout.stripe.com/e', elicitationId: 'u1', paymentId: 'cs_6', paymentUrl: 'https://checkout.stripe.com/e', requestedSchema: { type: 'object', properties: {}, required: [] } }
    expect(detectMcpElicitation(params)).toEqual({ kind: 'paymcp-elicitation', paymentUrl: 'https://checkout.stripe.com/e', paymentId: 'cs_6', message: params.message })
    expect(detectMcpElicitation({ message: 'Pay at https://pay.example.com/q.', requestedSchema: { type: 'object', properties: {} } })).toMatchObject({ paymentUrl: 'https://pay.example.com/q' })
  })
  it('PROGRESS: a link in a priced tool\'s progress message only', () => {
    const message = 'To continue, please pay 0.5 USD at:\nhttps://checkout.stripe.com/g'
    expect(detectMcpProgress(message, { priced: true })).toEqual({ kind: 'paymcp-progress', paymentUrl: 'https://checkout.stripe.com/g', message })
    expect(detectMcpProgress(message, { priced: false })).toBeNull()
    expect(detectMcpProgress('Waiting for payment confirmation...', { priced: true })).toBeNull()
  })
  it('look-alikes do not match', () => {
    // A successful result that merely mentions a payment link in prose.
    expect(detectMcpResult({ content: [{ type: 'text', text: 'Payment link: https://a.example\nPayment ID: 1' }] })).toBeNull()
    // Payment fields without a confirm step, or with a non-web URL.
    expect(detectMcpResult({ content: [{ type: 'text', text: JSON.stringify({ payment_url: 'https://x.example', payment_id: 'p' }) }] })).toBeNull()
    expect(detectMcpResult({ content: [{ type: 'text', text: JSON.stringify({ payment_url: 'javascript:alert(1)', payment_id: 'p', next_step: 'c' }) }] })).toBeNull()
    expect(detectMcpResult({ content: [{ type: 'text', text: JSON.stringify({ payment_url: 'https://x.example', payment_id: 'p', next_step: 'rm -rf /; echo' }) }] })).toBeNull()
    // Text that is not JSON, and an ordinary error.
    expect(detectMcpResult({ isError: true, content: [{ type: 'text', text: 'Unknown or expired payment_id.' }] })).toBeNull()
    expect(detectMcpResult({ content: [{ type: 'text', text: '{not json' }] })).toBeNull()
    expect(detectMcpResult(null)).toBeNull()
  })
})

describe('x402 over MCP', () => {
  const paymentRequired = { x402Version: 2, error: 'payment required', resource: { url: 'mcp://tool/quote' }, accepts: [{ scheme: 'exact', network: 'eip155:84532', amount: '10000', asset: '0x036CbD53842c5426634e7929541eC2318f3dCF7e', payTo: '0x2096', maxTimeoutSeconds: 60, extra: { name: 'USDC', version: '2' } }] }
  it('reads structuredContent, then the JSON text', () => {
    expect(detectMcpResult({ isError: true, structuredContent: paymentRequired, content: [{ type: 'text', text: JSON.stringify(paymentRequired) }] })).toMatchObject({ kind: 'x402', paymentRequired: { x402Version: 2 } })
    expect(detectMcpResult({ isError: true, content: [{ type: 'text', text: JSON.stringify(paymentRequired) }] })?.kind).toBe('x402')
  })
  it('reads the PayMCP variant { error: { code: 402, data } } (object and text)', () => {
    const variant = { error: { message: 'Payment required', code: 402, data: paymentRequired }, isError: true, content: [] }
    expect(detectMcpResult(variant)?.kind).toBe('x402')
    expect(detectMcpResult({ isError: true, content: [{ type: 'text', text: JSON.stringify({ message: 'Payment required', code: 402, data: paymentRequired }) }] })?.kind).toBe('x402')
  })
  it('look-alikes do not match', () => {
    expect(detectMcpResult({ structuredContent: paymentRequired, content: [] })).toBeNull() // not an error: data about x402, not a demand
    expect(detectMcpResult({ isError: true, structuredContent: { ...paymentRequired, x402Version: '2' }, content: [] })).toBeNull()
    expect(detectMcpResult({ isError: true, structuredContent: { ...paymentRequired, accepts: [] }, content: [] })).toBeNull()
    expect(detectMcpResult({ isError: true, structuredContent: { ...paymentRequired, accepts: [{ scheme: 'exact' }] }, content: [] })).toBeNull()
  })
})

describe('links and prices', () => {
  it('checks links before they can be opened', () => {
    expect(checkPaymentLink('https://checkout.stripe.com/c/pay/cs_1')).toMatchObject({ ok: true, host: 'checkout.stripe.com', warnings: [] })
    expect(checkPaymentLink('http://127.0.0.1:8402/pay/1').ok).toBe(false)
    expect(checkPaymentLink('http://127.0.0.1:8402/pay/1', { allowLoopbackHttp: true }).ok).toBe(true)
    expect(checkPaymentLink('http://evil.example/pay', { allowLoopbackHttp: true }).ok).toBe(false)
    expect(checkPaymentLink('https://user:pw@pay.example.com/').ok).toBe(false)
    expect(checkPaymentLink('data:text/html,hi').ok).toBe(false)
    expect(checkPaymentLink('https://xn--pypal-4ve.com/')).toMatchObject({ ok: true, warnings: [expect.stringContaining('punycode')] })
    expect(checkPaymentLink(`https://a.example/${'x'.repeat(3000)}`).ok).toBe(false)
  })
  it('finds the first URL without trailing punctuation', () => {
    expect(firstUrl('pay at https://a.example/x?y=1).')).toBe('https://a.example/x?y=1')
    expect(firstUrl('no link here')).toBeUndefined()
  })
  it('reads _meta.price as the server\'s claim, in base units', () => {
    expect(readToolPrice({ price: { amount: 0.5, currency: 'USD' } })).toEqual({ money: { value: 50n, decimals: 2, currency: 'usd' }, claimedBy: 'server' })
    expect(readToolPrice({ price: { price: '1.25', currency: 'eur' } })?.money.value).toBe(125n)
    expect(readToolPrice({ price: { amount: 0.001, currency: 'USD' } })).toBeUndefined() // finer than cents: not guessed
    expect(readToolPrice({ price: { amount: -1, currency: 'USD' } })).toBeUndefined()
    expect(readToolPrice({ price: { amount: 1 } })).toBeUndefined()
    expect(readToolPrice({})).toBeUndefined()
  })
})

// @mppkit/core/mcp — payment prompts in MCP: MPP over MCP (-32042/-32043), PayMCP (TWO_STEP,
// RESUBMIT, ELICITATION, PROGRESS), URL-mode elicitation and x402 over MCP; detection, the paid
// tool call controller and its checkout bridge. No React, no MCP SDK at runtime.
export {
  credentialMetaKey,
  detectMcpElicitation,
  detectMcpError,
  detectMcpProgress,
  detectMcpResult,
  firstUrl,
  mcpPaymentRequiredCode,
  mcpPaymentVerificationFailedCode,
  paymentRequiredMetaKey,
  receiptMetaKey,
  x402PaymentMetaKey,
  type McpChallenge,
  type McpPaymentPrompt,
  type X402PaymentRequired,
  type X402Requirement,
} from './mcp/detect'
export { checkPaymentLink, openPaymentLink, maxLinkLength, type PaymentLink, type RefusedLink } from './mcp/link'
export { readToolPrice, type ClaimedPrice } from './mcp/price'
export { challengesAs402, mcpCheckoutDeps, readMcpOffers, readMcpReceipt, type McpToolClient, type ToolCallParams } from './mcp/mpp'
export {
  createMcpPayments,
  type ElicitationAnswer,
  type McpPayments,
  type McpPaymentsConfig,
  type PaidToolCall,
  type PaidToolCallState,
  type PaidToolCallStatus,
  type PaidToolOutcome,
  type ToolReceipt,
} from './mcp/call'
export { connectMcp } from './mcp/connect'

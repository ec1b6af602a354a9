// @mppkit/react/chat — payment cards for paid MCP tool calls in a chat transcript, and thin
// adapters for the Vercel AI SDK UI and assistant-ui. Logic lives in @mppkit/core/mcp.
export { ChatPaymentCard, usePaidToolCall, type ChatPaymentCardProps } from './chat/ChatPaymentCard'
export { useMcpPayments } from './chat/useMcpPayments'
export {
  AiSdkPaymentCard,
  AssistantUiPaymentCard,
  aiSdkPartNeedsPayment,
  aiSdkToolName,
  assistantUiNeedsPayment,
  type AiSdkToolPart,
  type AssistantUiToolProps,
} from './chat/adapters'
export { defaultChatMessages, type ChatMessages } from './chat/messages'
export type { McpPayments, PaidToolCall, PaidToolCallState, PaidToolOutcome, ToolReceipt } from '@mppkit/core/mcp'

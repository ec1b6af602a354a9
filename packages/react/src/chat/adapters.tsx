import { detectMcpError, detectMcpResult, type McpPayments, type PaidToolCall, type PaidToolOutcome } from '@mppkit/core/mcp'
import { useEffect, useState } from 'react'
import { ChatPaymentCard } from './ChatPaymentCard'
import type { ChatMessages } from './messages'

/**
 * Thin adapters for chat UI libraries. Their part shapes are accepted as plain types (the kit
 * does not depend on `ai` or `@assistant-ui/react`); the card is built from the raw tool output
 * the MCP server produced, never from the model's text.
 */

/** The fields of a Vercel AI SDK UI tool part (`tool-<name>` or `dynamic-tool`) the card reads. */
export type AiSdkToolPart = {
  readonly type: string
  readonly toolCallId: string
  readonly toolName?: string | undefined
  readonly state: 'input-streaming' | 'input-available' | 'approval-requested' | 'approval-responded' | 'output-available' | 'output-error' | 'output-denied'
  readonly input?: unknown
  readonly output?: unknown
  readonly errorText?: string | undefined
}

/** The props assistant-ui passes a tool UI (`ToolCallMessagePartProps`) that the card reads. */
export type AssistantUiToolProps = {
  readonly toolName: string
  readonly toolCallId: string
  readonly args: unknown
  readonly result?: unknown
  readonly isError?: boolean | undefined
  readonly status?: { readonly type: string } | undefined
}

type AdapterProps = {
  payments: McpPayments
  /** Called once with what the agent should be told: the paid result, "declined", or the failure. */
  onOutcome?: ((outcome: PaidToolOutcome) => void) | undefined
  messages?: Partial<ChatMessages> | undefined
}

export function aiSdkToolName(part: AiSdkToolPart): string {
  return part.type === 'dynamic-tool' ? (part.toolName ?? '') : part.type.replace(/^tool-/, '')
}

/** True when an AI SDK tool part's output asks to be paid (render `AiSdkPaymentCard` for it). */
export function aiSdkPartNeedsPayment(part: AiSdkToolPart): boolean {
  return part.state === 'output-available' && detectMcpResult(part.output) !== null
}

export function AiSdkPaymentCard({ part, ...props }: AdapterProps & { part: AiSdkToolPart }) {
  if (!aiSdkPartNeedsPayment(part)) return null
  return <ContinuedCard name={aiSdkToolName(part)} args={asArgs(part.input)} answer={{ result: part.output }} {...props} />
}

/** True when an assistant-ui tool result asks to be paid. */
export function assistantUiNeedsPayment(props: AssistantUiToolProps): boolean {
  return props.result !== undefined && (detectMcpResult(props.result) !== null || detectMcpError(props.result) !== null)
}

/** Use as assistant-ui's tool `render` (or the `Fallback` for MCP tools). Renders nothing when no payment is asked. */
export function AssistantUiPaymentCard({ toolName, args, result, ...props }: AdapterProps & AssistantUiToolProps) {
  if (!assistantUiNeedsPayment({ toolName, args, result, toolCallId: '' })) return null
  const answer = detectMcpResult(result) ? { result } : { error: result }
  return <ContinuedCard name={toolName} args={asArgs(args)} answer={answer} {...props} />
}

function ContinuedCard({ payments, name, args, answer, onOutcome, messages }: AdapterProps & { name: string; args: Record<string, unknown>; answer: { result: unknown } | { error: unknown } }) {
  const [call] = useState<PaidToolCall>(() => payments.continueCall(name, args, answer))
  useEffect(() => {
    let live = true
    void call.outcome.then((outcome) => live && onOutcome?.(outcome))
    return () => {
      live = false
    }
  }, [call, onOutcome])
  return <ChatPaymentCard call={call} messages={messages} />
}

const asArgs = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {})

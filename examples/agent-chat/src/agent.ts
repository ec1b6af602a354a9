import type { McpPayments, PaidToolCall, PaidToolOutcome } from '@mppkit/react/chat'

/**
 * A scripted agent: no model, the same answer every time. It picks a tool from the person's words,
 * calls it through the MCP client, and says what came back — including "declined".
 */
export type Plan = { tool: string; args: Record<string, unknown>; says: string }

export const suggestions: { label: string; text: string }[] = [
  { label: 'Forecast (MPP)', text: 'What is the forecast for Zermatt?' },
  { label: 'Report (two-step)', text: 'Get me the two-step report on coffee' },
  { label: 'Report (resubmit)', text: 'Get me the resubmit report on cocoa' },
  { label: 'Report (elicitation)', text: 'Get me the elicitation report on sugar' },
  { label: 'Report (progress)', text: 'Get me the progress report on wheat' },
  { label: 'Report (URL elicitation)', text: 'Get me the URL report on rice' },
  { label: 'Quote (x402)', text: 'Quote me BTC via x402' },
]

export function planFor(text: string): Plan | undefined {
  const t = text.toLowerCase()
  const topic = /report on ([\w\s-]{1,40})/i.exec(text)?.[1]?.trim() ?? 'the market'
  if (t.includes('forecast')) {
    const city = /for ([\p{L}\s-]{1,40})\??$/u.exec(text)?.[1]?.trim() ?? 'Zermatt'
    return { tool: 'premium_forecast', args: { city }, says: `I'll ask the forecast tool about ${city}. It is a paid tool.` }
  }
  if (t.includes('x402')) return { tool: 'x402_quote', args: { symbol: 'BTC' }, says: 'Asking the quote tool.' }
  const modes: [string, string][] = [
    ['two-step', 'report_two_step'],
    ['resubmit', 'report_resubmit'],
    ['elicitation', 'report_elicitation'],
    ['progress', 'report_progress'],
    ['url', 'report_url_elicitation'],
  ]
  // "url" before "elicitation": "URL report" is its own tool.
  const found = t.includes('url') ? 'report_url_elicitation' : modes.find(([word]) => t.includes(word))?.[1]
  return found ? { tool: found, args: { topic }, says: `I'll get the report on ${topic}.` } : undefined
}

export function replyFor(plan: Plan, outcome: PaidToolOutcome): string {
  if (outcome.status === 'declined') return `The payment for ${plan.tool} was declined, so I did not run it. Nothing was paid.`
  if (outcome.status === 'failed') return `${plan.tool} failed: ${outcome.message}`
  const text = (outcome.result.content as { type: string; text?: string }[] | undefined)?.find((c) => c.type === 'text')?.text
  return text ? `Here you go — ${text}` : `${plan.tool} answered.`
}

export async function runAgent(text: string, payments: McpPayments, emit: { say(text: string): void; show(call: PaidToolCall): void }) {
  const plan = planFor(text)
  if (!plan) return emit.say('I can get a forecast or a market report. Try one of the suggestions below.')
  emit.say(plan.says)
  const call = payments.callTool(plan.tool, plan.args)
  emit.show(call)
  // What the agent is told is the outcome: a result, "declined", or the failure.
  emit.say(replyFor(plan, await call.outcome))
}

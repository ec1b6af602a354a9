import type { CheckoutError, Problem } from '@mppkit/core'
import { useMppContext } from './context'

export type ProblemNoticeProps = {
  title: string
  problem?: Problem | undefined
  error?: CheckoutError | undefined
  /** Developer hints (e.g. a missing CORS header), shown in small print. */
  diagnostics?: readonly string[] | undefined
  tone?: 'error' | 'warning' | 'info'
}

/** Why a payment did not go through, in words a person can act on; the server's detail below. */
export function ProblemNotice({ title, problem, error, diagnostics, tone = 'error' }: ProblemNoticeProps) {
  const { messages } = useMppContext()
  const message = error?.message ?? problem?.message
  return (
    <div data-mppkit-part="notice" data-tone={tone} role={tone === 'error' ? 'alert' : 'status'} data-problem={problem?.kind}>
      <p data-mppkit-part="notice-title">{title}</p>
      {message ? <p>{message}</p> : null}
      {problem?.detail && problem.detail !== message ? (
        <p data-mppkit-part="notice-detail">
          {messages.serverDetail}: {problem.detail}
        </p>
      ) : null}
      {diagnostics?.map((d) => (
        <p key={d} data-mppkit-part="notice-detail">
          {d}
        </p>
      ))}
    </div>
  )
}

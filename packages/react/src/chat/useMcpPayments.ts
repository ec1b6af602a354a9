import { createMcpPayments, type McpPayments, type McpPaymentsConfig } from '@mppkit/core/mcp'
import { useState } from 'react'
import { useMppContext } from '../context'

/** One `McpPayments` for the component's life, paying through the provider's rails and policy. */
export function useMcpPayments(config: Omit<McpPaymentsConfig, 'kit'>): McpPayments {
  const { kit } = useMppContext()
  const [payments] = useState(() => createMcpPayments({ ...config, kit }))
  return payments
}

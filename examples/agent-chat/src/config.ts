const params = new URLSearchParams(location.search)

/** The MCP server's base: `?api=` wins, then VITE_MPP_API, then a local devnet. */
export const apiBase = (params.get('api') ?? import.meta.env.VITE_MPP_API ?? 'http://127.0.0.1:8402').replace(/\/+$/, '')
export const mcpUrl = `${apiBase}/mcp`

export const initialTheme = (params.get('theme') as 'light' | 'dark' | null) ?? 'auto'

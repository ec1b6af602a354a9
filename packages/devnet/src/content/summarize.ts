/** A deterministic extractive summary: leading sentences that fit in `maxChars`. */
export function summarize(text: string, maxChars = 200): { summary: string; words: number } {
  const normalized = text.replace(/\s+/g, ' ').trim()
  const words = normalized === '' ? 0 : normalized.split(' ').length
  const sentences = normalized.match(/[^.!?]+(?:[.!?]+|$)/g)?.map((s) => s.trim()).filter(Boolean) ?? []

  let summary = ''
  for (const sentence of sentences) {
    const next = summary ? `${summary} ${sentence}` : sentence
    if (next.length > maxChars) break
    summary = next
  }
  // A first sentence longer than the limit is cut at a word boundary rather than dropped.
  if (summary === '' && normalized !== '') {
    const cut = normalized.slice(0, maxChars - 1)
    const lastSpace = cut.lastIndexOf(' ')
    summary = `${(lastSpace > maxChars / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`
  }
  return { summary, words }
}

/** The text to summarize: a JSON `{ "text": … }` body, otherwise the body as UTF-8. */
export function textOf(bytes: Uint8Array, contentType: string | null): string {
  const raw = new TextDecoder().decode(bytes)
  if (contentType?.includes('json')) {
    try {
      const parsed: unknown = JSON.parse(raw)
      if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { text?: unknown }).text === 'string')
        return (parsed as { text: string }).text
    } catch {
      // Not JSON after all: summarize the raw text.
    }
  }
  return raw
}

import { useState } from 'react'

/**
 * Local text for an input whose value is re-derived from the document after each edit. The draft is replaced
 * only when the document's value stops matching it (`matches`), so a half-typed number ("1.") or the caret
 * position is never clobbered by the round trip.
 */
export function useFieldDraft(value: string, matches: (draft: string, value: string) => boolean): [string, (draft: string) => void] {
  const [draft, setDraft] = useState(value)
  const [seen, setSeen] = useState(value)
  if (seen !== value) {
    // NOTE: adjusting state during render (React's documented pattern for following a prop) avoids an effect's
    // extra paint with the stale value.
    setSeen(value)
    if (!matches(draft, value)) setDraft(value)
  }
  return [draft, setDraft]
}

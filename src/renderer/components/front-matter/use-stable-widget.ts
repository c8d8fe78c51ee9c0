import { useState } from 'react'
import { fits } from '@shared/front-matter/schema-widget'
import type { SchemaWidget } from '@shared/front-matter/schema-types'
import type { FrontMatterValue } from '@shared/front-matter/types'

const textLike = new Set<SchemaWidget>(['text', 'long-text', 'select', 'date', 'datetime'])

/**
 * The widget a row keeps while the writer edits: the first choice stays as long as the value still fits it, so a
 * title typed past 120 characters or a text that happens to read as a date never swaps the input (and its focus).
 */
export function useStableWidget(widget: SchemaWidget, value: FrontMatterValue): SchemaWidget {
  const [kept, setKept] = useState(widget)
  const isKept = kept === widget || (textLike.has(kept) && textLike.has(widget) && (typeof value === 'string' || value === null)) || (kept !== 'raw' && fits(kept, value) && widget !== 'raw')
  if (!isKept) setKept(widget)
  return isKept ? kept : widget
}

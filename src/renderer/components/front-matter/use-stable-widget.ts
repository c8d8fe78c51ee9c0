import { useState } from 'react'
import type { SchemaWidget } from '@shared/front-matter/schema-types'
import type { FrontMatterValue } from '@shared/front-matter/types'

const typedText = new Set<SchemaWidget>(['text', 'long-text', 'date', 'datetime'])

/**
 * The widget a row keeps while the writer types: text, long text and dates do not swap into one another as the
 * value changes (a title typed past 120 characters, a text that happens to read as a date), so the input and its
 * focus stay. Any other change (the folder schema arriving, the text edited into a list) takes the new widget.
 */
export function useStableWidget(widget: SchemaWidget, value: FrontMatterValue): SchemaWidget {
  const [kept, setKept] = useState(widget)
  const isKept = kept === widget || (typedText.has(kept) && typedText.has(widget) && (typeof value === 'string' || value === null))
  if (!isKept) setKept(widget)
  return isKept ? kept : widget
}

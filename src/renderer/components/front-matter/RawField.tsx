import { useState } from 'react'
import { valuesEqual } from '@shared/front-matter'
import type { FrontMatterFormat, FrontMatterValue } from '@shared/front-matter/types'
import type { WidgetProps } from './field-props'
import { parseRawValue } from './raw-parse'
import { useFieldDraft } from './use-field-draft'

/**
 * The fallback for values no widget represents: the value's own text (YAML, TOML or JSON; JSON for nested values),
 * editable. Each edit that parses is written through the lossless engine; text that does not parse stays here
 * with the reason, and the file keeps its last valid value.
 */
export function RawField({ id, value, raw, format, isReadOnly, describedBy, onValue }: WidgetProps) {
  const shown = raw ?? JSON.stringify(value, null, 2)
  const textFormat = raw === null ? 'json' : format
  // NOTE: the draft stays while it still reads as the document's value, so the engine's layout never clobbers typing.
  const [draft, setDraft] = useFieldDraft(shown, (d) => readsAs(d, textFormat, value))
  const [problem, setProblem] = useState<string | null>(null)
  return (
    <div className="raw-field">
      <textarea
        id={id}
        className="field-input field-raw"
        value={draft}
        readOnly={isReadOnly}
        spellCheck={false}
        rows={Math.min(10, draft.split('\n').length + 1)}
        aria-describedby={[describedBy, `${id}-raw-note`].filter(Boolean).join(' ')}
        aria-invalid={problem !== null}
        onChange={(e) => {
          setDraft(e.target.value)
          const parsed = parseRawValue(e.target.value, textFormat)
          setProblem(parsed.ok ? null : parsed.error.message)
          if (parsed.ok) onValue(parsed.value)
        }}
      />
      <p id={`${id}-raw-note`} className={problem ? 'field-problem' : 'field-note'}>
        {problem ? `Not saved into the front matter yet: ${problem}` : `Edited as ${textFormat.toUpperCase()}`}
      </p>
    </div>
  )
}

function readsAs(text: string, format: FrontMatterFormat, value: FrontMatterValue): boolean {
  const parsed = parseRawValue(text, format)
  return parsed.ok && valuesEqual(parsed.value, value)
}

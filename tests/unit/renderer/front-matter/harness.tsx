import '../dom-shims'
import { useState } from 'react'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Text } from '@codemirror/state'
import { applyChanges, parseFrontMatter, readFrontMatterData, renameKey, unsetValue } from '@shared/front-matter'
import { SchemaAccumulator } from '@shared/front-matter/schema-infer'
import { withExplicitFields } from '@shared/front-matter/schema-explicit'
import type { ExplicitField, FolderSchema } from '@shared/front-matter/schema-types'
import type { TextChange } from '@shared/front-matter/types'
import type { Result } from '@shared/result'
import { FrontMatterForm } from '@renderer/components/front-matter/FrontMatterForm'
import { rawValueText } from '@renderer/components/front-matter/raw-value'
import { setFormValue } from '@renderer/session/form-edit'

/** A schema inferred from `texts` (the folder), with optional explicit fields. */
export function schemaOf(texts: string[], explicit: Record<string, ExplicitField> = {}, siteTimeZone: string | null = null): FolderSchema {
  const acc = new SchemaAccumulator()
  for (const t of texts) acc.add(readFrontMatterData(t).data)
  return { ...withExplicitFields(acc.finish(), new Map(Object.entries(explicit))), siteTimeZone }
}

/** The form over a text that re-derives after every edit, like the editor does; every edit goes through the engine. */
function Harness({ initial, schema, now, onText }: { initial: string; schema: FolderSchema | null; now: Date; onText: (text: string) => void }) {
  const [text, setText] = useState(initial)
  const apply = (result: Result<TextChange[]>): string | null => {
    if (!result.ok) return result.error.message
    const next = applyChanges(text, result.value)
    setText(next)
    onText(next)
    return null
  }
  return (
    <FrontMatterForm
      frontMatter={parseFrontMatter(text)}
      isReadOnly={false}
      schema={schema}
      now={now}
      readRaw={(from, to) => rawValueText(Text.of(text.split('\n')), from, to)}
      onChange={(key, value, typed) => {
        // NOTE: the session's own path from a form value to text (FormEditRuns uses it), so the harness tests it.
        const next = setFormValue(text, key, value, typed)
        if (!next.ok) throw new Error(next.error.message)
        if (next.value !== text) {
          setText(next.value)
          onText(next.value)
        }
      }}
      onRemove={(key) => apply(unsetValue(text, [key]))}
      onRename={(key, next) => apply(renameKey(text, [key], next))}
    />
  )
}

/** Renders the form over `initial`; `last()` is the text after the latest edit. */
export function setup(initial: string, schema: FolderSchema | null = null, now = new Date('2026-01-01T00:00:00Z')) {
  const texts: string[] = []
  render(<Harness initial={initial} schema={schema} now={now} onText={(t) => texts.push(t)} />)
  return {
    texts,
    last: () => texts.at(-1) ?? initial,
    form: screen.getByRole('form', { name: 'Front matter' }),
    user: userEvent.setup(),
  }
}

/** The lines of `after` between the common leading and trailing lines of `before` and `after` (what an edit wrote). */
export function changedLines(before: string, after: string): string[] {
  const a = before.split('\n')
  const b = after.split('\n')
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let end = 0
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++
  return b.slice(start, b.length - end)
}

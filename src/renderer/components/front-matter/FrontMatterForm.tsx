import { useId } from 'react'
import type { FrontMatterValue, ParsedFrontMatter } from '@shared/front-matter/types'
import { FieldRow } from './FieldRow'
import './FrontMatterForm.css'

/** Props of the front-matter form. `readRaw` returns the document's text between two offsets. */
export interface FrontMatterFormProps {
  frontMatter: ParsedFrontMatter | null
  isReadOnly: boolean
  readRaw: (from: number, to: number) => string
  onChange: (key: string, value: FrontMatterValue) => void
}

/**
 * The form named "Front matter": one labelled field per top-level key in file order. While the block has parse
 * errors it shows them (with line:column) and no fields; the text stays editable in the editor.
 */
export function FrontMatterForm({ frontMatter, isReadOnly, readRaw, onChange }: FrontMatterFormProps) {
  const baseId = useId()
  return (
    <form aria-label="Front matter" className="front-matter-form" onSubmit={(e) => e.preventDefault()}>
      {frontMatter && <FormHeading frontMatter={frontMatter} />}
      {frontMatter && frontMatter.errors.length > 0 ? (
        <div className="form-errors" role="alert">
          <p>The front matter cannot be read, so the form is hidden. Fix it in the text:</p>
          <ul>
            {frontMatter.errors.map((error, i) => (
              <li key={i}>
                {error.message} <span className="position">(line {error.line}:{error.column})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        frontMatter?.fields.map((field) => (
          <FieldRow
            key={field.key}
            id={`${baseId}-${idSafe(field.key)}`}
            field={field}
            raw={readRaw(field.valueFrom, field.valueTo)}
            isReadOnly={isReadOnly}
            onChange={onChange}
          />
        ))
      )}
    </form>
  )
}

function FormHeading({ frontMatter }: { frontMatter: ParsedFrontMatter }) {
  if (frontMatter.format === 'none') return <p className="form-empty">This article has no front matter.</p>
  return <p className="form-format">{frontMatter.format.toUpperCase()} front matter</p>
}

function idSafe(key: string): string {
  return key.replace(/[^A-Za-z0-9_-]/g, (ch) => `_${ch.charCodeAt(0).toString(16)}`)
}

import { Fragment, memo, useId, useMemo } from 'react'
import { hugoVerdict, readHugoPage, rulesWithTimeZone } from '@shared/hugo'
import type { FolderSchema } from '@shared/front-matter/schema-types'
import { inexactNumbers } from '@shared/front-matter/number-text'
import { missingRequired } from '@shared/front-matter/schema-validate'
import type { FrontMatterValue, ParsedFrontMatter } from '@shared/front-matter/types'
import { AddField } from './AddField'
import { idSafe, type TypedNumber } from './field-props'
import { TopFieldRow } from './TopFieldRow'
import './FrontMatterForm.css'

/**
 * Props of the front-matter form. `readRaw` returns the document's text between two offsets; `schema` is the
 * folder's (null until loaded). `onRemove`/`onRename` answer an error message, or null when the edit was made.
 */
export interface FrontMatterFormProps {
  frontMatter: ParsedFrontMatter | null
  isReadOnly: boolean
  readRaw: (from: number, to: number) => string
  onChange: (key: string, value: FrontMatterValue, typed?: TypedNumber) => void
  schema?: FolderSchema | null
  onRemove?: (key: string) => string | null
  onRename?: (key: string, newKey: string) => string | null
  /** The time the build status is judged at (tests fix it). */
  now?: Date
  /** The article shown: the fields are remade for each, so half-typed text (a chip's "Add…" box) never follows to the next. */
  articlePath?: string | null
}

/**
 * The form named "Front matter": Hugo's build status, then one labelled field per top-level key in file order with
 * a widget chosen from the value and the folder schema, then "Add field". While the block has parse errors it shows
 * them (with line:column) and no fields; the text stays editable in the editor. Memoised: it renders again only
 * when a prop changes (a new parse of the block, another article or schema), never for typing in the body.
 */
export const FrontMatterForm = memo(function FrontMatterForm(props: FrontMatterFormProps) {
  const { frontMatter, isReadOnly, readRaw, onChange, schema = null, onRemove, onRename } = props
  const baseId = useId()
  const hasErrors = frontMatter !== null && frontMatter.errors.length > 0
  const blockText = frontMatter?.block && !hasErrors ? readRaw(0, frontMatter.block.to) : null
  // NOTE: memoised on the block's text: a form re-rendered with the same block must not re-read its numbers.
  const inexactTexts = useMemo(() => (blockText === null ? undefined : inexactTextsOf(blockText)), [blockText])
  return (
    <form aria-label="Front matter" className="front-matter-form" onSubmit={(e) => e.preventDefault()}>
      {frontMatter && <FormHeading frontMatter={frontMatter} schema={schema} now={props.now ?? new Date()} readRaw={props.readRaw} />}
      {frontMatter && hasErrors && (
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
      )}
      {frontMatter && !hasErrors && (
        <Fragment key={props.articlePath ?? ''}>
          {frontMatter.fields.map((field) => (
            <TopFieldRow
              key={field.key}
              id={`${baseId}-${idSafe(field.key)}`}
              field={field}
              raw={readRaw(field.valueFrom, field.valueTo)}
              format={frontMatter.format}
              schema={schema}
              warnings={frontMatter.warnings}
              isReadOnly={isReadOnly}
              onChange={onChange}
              onRemove={onRemove}
              onRename={onRename}
              inexactTexts={inexactTexts}
            />
          ))}
          {!isReadOnly && (
            <AddField
              id={`${baseId}-new-field`}
              existing={frontMatter.fields.map((f) => f.key)}
              schema={schema}
              onAdd={(key, value) => {
                onChange(key, value)
                return null
              }}
            />
          )}
        </Fragment>
      )}
    </form>
  )
})

function FormHeading({ frontMatter, schema, now, readRaw }: { frontMatter: ParsedFrontMatter; schema: FolderSchema | null; now: Date; readRaw: (from: number, to: number) => string }) {
  if (frontMatter.format === 'none') return <p className="form-empty">This article has no front matter.</p>
  const entries = frontMatter.fields.map((f) => ({ key: f.key, value: f.value, source: readRaw(f.valueFrom, f.valueTo) }))
  const verdict = hugoVerdict(readHugoPage(entries, frontMatter.format, rulesWithTimeZone(schema?.siteTimeZone ?? null)), now.getTime())
  const missing = missingRequired(schema, frontMatter.data)
  return (
    <div className="form-heading">
      <p className="form-format">
        {frontMatter.format.toUpperCase()} front matter
        {schema && schema.articleCount > 0 && <span className="form-schema"> · schema from {schema.articleCount} articles{schema.sources.length > 0 ? ` and ${schema.sources.join(', ')}` : ''}</span>}
      </p>
      {frontMatter.errors.length === 0 && (
        <p role="status" className={verdict.status === 'published' ? 'build-status will-build' : 'build-status wont-build'}>
          {verdict.status === 'published' ? 'Hugo: will build' : `Hugo: won't build (${verdict.reasons.join('; ')})`}
        </p>
      )}
      {missing.length > 0 && <p className="field-problem">Missing required: {missing.join(', ')}</p>}
      {schema?.problems.map((p) => (
        <p key={p.file} className="field-problem">
          {p.isSiteConfig === true ? `Site config: ${p.message}` : `${p.file} is ignored: ${p.message}`}
        </p>
      ))}
    </div>
  )
}

/** The numbers of the block that a double does not hold, as written, by JSON of their key path (nested ones too). */
function inexactTextsOf(blockText: string): Map<string, string> {
  return new Map(inexactNumbers(blockText).map((n) => [JSON.stringify(n.path), n.source]))
}

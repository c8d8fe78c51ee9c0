import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { FolioApi } from '@shared/api'
import type { ReplaceQuery, ReplaceScope } from '@shared/replace/replace-text'
import type { ReplacePreview, ReplaceResult } from '@shared/replace/replace-types'
import { chosenChangeCount, noExclusions, replaceChoices, type ReplaceExclusions } from './replace-choices'
import { ReplaceFileList } from './ReplaceFileList'

/** Props of the replace panel. */
export interface ReplacePanelProps {
  api: Pick<FolioApi, 'previewReplace' | 'applyReplace'>
  /** Open articles with unsaved edits: left alone (the writer saves or reverts first). */
  unsavedPaths: ReadonlySet<string>
  onClose: () => void
}

type Phase = { kind: 'idle' } | { kind: 'busy'; what: string } | { kind: 'failed'; message: string } | { kind: 'done'; result: ReplaceResult }

const scopes: readonly [ReplaceScope, string][] = [
  ['body', 'Body'],
  ['front-matter', 'Front matter'],
  ['all', 'Body and front matter'],
]

/**
 * Ctrl/Cmd+Shift+H: find and replace across the folder. Preview lists every change as a line diff; the writer
 * leaves out files or single changes, then Replace applies the rest as one journaled operation (each file written
 * only if it is still the version previewed).
 */
export function ReplacePanel({ api, unsavedPaths, onClose }: ReplacePanelProps) {
  const id = useId()
  const [query, setQuery] = useState<ReplaceQuery>({ find: '', replace: '', isRegex: false, isCaseSensitive: false, isWholeWord: false, scope: 'body' })
  const [preview, setPreview] = useState<ReplacePreview | null>(null)
  const [exclusions, setExclusions] = useState<ReplaceExclusions>(noExclusions)
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' })
  const findRef = useRef<HTMLInputElement>(null)
  useEffect(() => findRef.current?.focus(), [])
  const edit = (patch: Partial<ReplaceQuery>) => {
    setQuery((q) => ({ ...q, ...patch }))
    // NOTE: a preview belongs to the query it was made for; applying it after the query changed would surprise.
    setPreview(null)
  }
  const runPreview = async () => {
    setPhase({ kind: 'busy', what: 'Looking through the folder…' })
    const result = await api.previewReplace(query)
    if (!result.ok) return setPhase({ kind: 'failed', message: result.error.message })
    setPreview(result.value)
    setExclusions(noExclusions)
    setPhase({ kind: 'idle' })
  }
  const choices = useMemo(() => (preview === null ? [] : replaceChoices(preview, exclusions, unsavedPaths)), [preview, exclusions, unsavedPaths])
  const chosenCount = preview === null ? 0 : chosenChangeCount(preview, choices)
  const apply = async () => {
    if (preview === null || choices.length === 0) return
    setPhase({ kind: 'busy', what: 'Replacing…' })
    const result = await api.applyReplace({ query: preview.query, choices })
    if (!result.ok) return setPhase({ kind: 'failed', message: result.error.message })
    setPreview(null)
    setPhase({ kind: 'done', result: result.value })
  }
  return (
    <div className="dialog-backdrop" onMouseDown={onClose}>
      <div role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} className="dialog replace-panel" onMouseDown={(e) => e.stopPropagation()} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <h2 id={`${id}-title`}>Replace in folder</h2>
        <form
          className="replace-form"
          onSubmit={(e) => {
            e.preventDefault()
            void runPreview()
          }}
        >
          <label htmlFor={`${id}-find`}>Find</label>
          <input ref={findRef} id={`${id}-find`} type="text" spellCheck={false} value={query.find} onChange={(e) => edit({ find: e.target.value })} />
          <label htmlFor={`${id}-replace`}>Replace with</label>
          <input id={`${id}-replace`} type="text" spellCheck={false} value={query.replace} onChange={(e) => edit({ replace: e.target.value })} />
          <label htmlFor={`${id}-scope`}>Look in</label>
          <select id={`${id}-scope`} value={query.scope} onChange={(e) => edit({ scope: e.target.value as ReplaceScope })}>
            {scopes.map(([scope, label]) => (
              <option key={scope} value={scope}>
                {label}
              </option>
            ))}
          </select>
          <fieldset className="replace-options">
            <legend className="visually-hidden">Options</legend>
            <label>
              <input type="checkbox" checked={query.isCaseSensitive} onChange={(e) => edit({ isCaseSensitive: e.target.checked })} /> Match case
            </label>
            <label>
              <input type="checkbox" checked={query.isWholeWord} onChange={(e) => edit({ isWholeWord: e.target.checked })} /> Whole word
            </label>
            <label>
              <input type="checkbox" checked={query.isRegex} onChange={(e) => edit({ isRegex: e.target.checked })} /> Regular expression ($1 in the replacement)
            </label>
          </fieldset>
          <button type="submit" disabled={query.find === '' || phase.kind === 'busy'}>
            Preview
          </button>
        </form>
        <div className="replace-state" aria-live="polite">
          {phase.kind === 'busy' && phase.what}
          {phase.kind === 'failed' && <span className="replace-problem">{phase.message}</span>}
          {phase.kind === 'done' && <Outcome result={phase.result} />}
          {phase.kind === 'idle' && preview !== null && <Summary preview={preview} />}
        </div>
        {preview !== null && <ReplaceFileList files={preview.files} exclusions={exclusions} unsavedPaths={unsavedPaths} onExclusions={setExclusions} />}
        <div className="dialog-actions">
          <button type="button" className="button-primary" disabled={preview === null || choices.length === 0 || phase.kind === 'busy'} onClick={() => void apply()}>
            {preview === null ? 'Replace' : `Replace ${chosenCount} ${chosenCount === 1 ? 'change' : 'changes'} in ${choices.length} ${choices.length === 1 ? 'file' : 'files'}`}
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  )
}

function Summary({ preview }: { preview: ReplacePreview }) {
  if (preview.changeCount === 0) return <>No matches in {preview.searched} articles.</>
  return (
    <>
      {preview.changeCount} {preview.changeCount === 1 ? 'match' : 'matches'} in {preview.fileCount} {preview.fileCount === 1 ? 'file' : 'files'} (of {preview.searched} articles).
      {preview.isTruncated && ` Only the first ${preview.files.length} files are listed; narrow the search to see the rest.`}
      {preview.failures.length > 0 && ` ${preview.failures.length} could not be read: ${preview.failures.map((f) => f.path).join(', ')}.`}
    </>
  )
}

function Outcome({ result }: { result: ReplaceResult }) {
  const written = result.outcomes.filter((o) => o.kind === 'written').length
  const failed = result.outcomes.flatMap((o) => (o.kind === 'failed' ? [o] : []))
  return (
    <>
      Replaced in {written} {written === 1 ? 'file' : 'files'}.
      {failed.length > 0 && (
        <ul className="replace-failures">
          {failed.map((f) => (
            <li key={f.path}>
              {f.path} was left alone: {f.message}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

import { useEffect, useId, useState } from 'react'
import type { FolioApi } from '@shared/api'
import type { GitConflictSides } from '@shared/git'
import { mergeThreeWay } from '@shared/merge'
import { LazyBoundary } from '../components/LazyBoundary'
import { LazyDiffView } from '../components/lazy-dialogs'

/** Props of the three-way merge of one conflicted article. */
export interface ConflictMergeProps {
  api: FolioApi
  path: string
  onResolved: () => void
}

/**
 * A conflicted article: theirs beside mine (the Compare view), the base on request, and the merged text to edit,
 * prefilled with both sides' changes when they touch different lines (else with mine). "Mark resolved" writes it
 * through the article store and stages it.
 */
export function ConflictMerge({ api, path, onResolved }: ConflictMergeProps) {
  const id = useId()
  const [sides, setSides] = useState<GitConflictSides | null>(null)
  const [merged, setMerged] = useState('')
  const [note, setNote] = useState<string | null>(null)
  const [isBaseShown, setBaseShown] = useState(false)
  useEffect(() => {
    let isCurrent = true
    void api.gitConflict(path).then((result) => {
      if (!isCurrent) return
      if (!result.ok) return setNote(result.error.message)
      const { base, mine, theirs } = result.value
      setSides(result.value)
      const outcome = mergeThreeWay(base ?? '', mine ?? '', theirs ?? '')
      setMerged(outcome.kind === 'merged' ? outcome.text : (mine ?? theirs ?? ''))
      setNote(outcome.kind === 'merged' ? 'Both changes touch different lines: the merged text keeps them both.' : `Both sides changed the same lines (${outcome.conflicts} place${outcome.conflicts === 1 ? '' : 's'}): edit the merged text.`)
    })
    return () => {
      isCurrent = false
    }
  }, [api, path])
  const resolve = async () => {
    const result = await api.gitResolve(path, merged)
    if (!result.ok) return setNote(result.error.message)
    onResolved()
  }
  return (
    <div className="conflict-merge" aria-label={`Merge ${path}`} role="group">
      <h3>{path}: conflict</h3>
      {note && <p className="changes-note">{note}</p>}
      {sides && (
        <>
          <LazyBoundary what="the comparison">
            <LazyDiffView isCollapsed left={sides.theirs ?? ''} right={sides.mine ?? ''} leftLabel={sides.theirs === null ? 'Theirs: deleted' : 'Theirs (remote)'} rightLabel={sides.mine === null ? 'Mine: deleted' : 'Mine (your commit)'} />
          </LazyBoundary>
          <button type="button" className="button-quiet" aria-expanded={isBaseShown} onClick={() => setBaseShown(!isBaseShown)}>
            Base
          </button>
          {isBaseShown && <pre className="conflict-base">{sides.base ?? '(no common version)'}</pre>}
          <div className="change-actions">
            <button type="button" onClick={() => setMerged(sides.mine ?? '')} disabled={sides.mine === null}>
              Take mine
            </button>
            <button type="button" onClick={() => setMerged(sides.theirs ?? '')} disabled={sides.theirs === null}>
              Take theirs
            </button>
          </div>
          <label htmlFor={`${id}-merged`}>Merged text</label>
          <textarea id={`${id}-merged`} className="conflict-result" value={merged} onChange={(e) => setMerged(e.target.value)} spellCheck={false} />
          <button type="button" className="button-primary" onClick={() => void resolve()}>
            Mark resolved
          </button>
        </>
      )}
    </div>
  )
}

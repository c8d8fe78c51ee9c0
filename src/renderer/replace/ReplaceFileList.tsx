import type { ReplaceFilePreview, ReplaceLineChange } from '@shared/replace/replace-types'
import { changeKey, isBlocked, toggled, type ReplaceExclusions } from './replace-choices'

/** Props of the previewed files. */
export interface ReplaceFileListProps {
  files: readonly ReplaceFilePreview[]
  exclusions: ReplaceExclusions
  unsavedPaths: ReadonlySet<string>
  onExclusions: (next: ReplaceExclusions) => void
}

/** One change as a two-line diff: the line before with the match struck out, the line after with the replacement. */
function ChangeDiff({ change }: { change: ReplaceLineChange }) {
  const end = change.from + change.replacementLength
  return (
    <span className="replace-diff">
      <span className="replace-line replace-before">
        <span className="visually-hidden">before: </span>
        {change.before.slice(0, change.from)}
        <del>{change.before.slice(change.from, change.to)}</del>
        {change.before.slice(change.to)}
      </span>
      <span className="replace-line replace-after">
        <span className="visually-hidden">after: </span>
        {change.after.slice(0, change.from)}
        <ins>{change.after.slice(change.from, end)}</ins>
        {change.after.slice(end)}
      </span>
    </span>
  )
}

/** The files a replace would change, each with a checkbox and its changes as line diffs that can be left out one by one. */
export function ReplaceFileList({ files, exclusions, unsavedPaths, onExclusions }: ReplaceFileListProps) {
  return (
    <ul className="replace-files" aria-label="Files to change">
      {files.map((file) => {
        const isOff = isBlocked(file, unsavedPaths)
        const isFileChosen = !isOff && !exclusions.files.has(file.path)
        const reason = file.problem ?? (unsavedPaths.has(file.path) ? 'It has unsaved edits in Folio: save or revert them first.' : null)
        return (
          <li key={file.path} className="replace-file">
            <label className="replace-file-head">
              <input type="checkbox" checked={isFileChosen} disabled={isOff} onChange={(e) => onExclusions({ ...exclusions, files: toggled(exclusions.files, file.path, !e.target.checked) })} />
              <span className="replace-path">{file.path}</span>
              <span className="replace-count">
                {file.changeCount} {file.changeCount === 1 ? 'change' : 'changes'}
              </span>
            </label>
            {reason !== null && <p className="replace-problem">Left alone: {reason}</p>}
            <ul className="replace-changes">
              {file.changes.map((change) => {
                const key = changeKey(file.path, change.index)
                return (
                  <li key={change.index}>
                    <label>
                      <input
                        type="checkbox"
                        aria-label={`${file.path} line ${change.line}`}
                        checked={isFileChosen && !exclusions.changes.has(key)}
                        disabled={!isFileChosen}
                        onChange={(e) => onExclusions({ ...exclusions, changes: toggled(exclusions.changes, key, !e.target.checked) })}
                      />
                      <span className="replace-at">{change.line}:{change.column}</span>
                      <ChangeDiff change={change} />
                    </label>
                  </li>
                )
              })}
              {file.changes.length < file.changeCount && <li className="replace-more">and {file.changeCount - file.changes.length} more, replaced while none of this file's changes is left out</li>}
            </ul>
          </li>
        )
      })}
    </ul>
  )
}

import type { PlannedFile } from '@shared/authoring/plans'

/** Every planned file change: the list of files, then each unified diff with added and removed lines marked. */
export function PlanDiff({ files }: { files: readonly PlannedFile[] }) {
  return (
    <>
      <ul className="authoring-files" aria-label="Files that change">
        {files.map((f) => (
          <li key={f.path}>{f.newPath === f.path ? f.path : `${f.path} → ${f.newPath}`}{f.diff === '' ? ' (moved, text unchanged)' : ''}</li>
        ))}
      </ul>
      <pre className="authoring-diff" aria-label="Changes">
        {files
          .filter((f) => f.diff !== '')
          .flatMap((f) => f.diff.split('\n').filter((line) => !line.startsWith('====') && !line.startsWith('\\')))
          .map((line, i) => (
            <span key={i} className={line.startsWith('+++') || line.startsWith('---') || line.startsWith('@@') ? 'diff-head' : line.startsWith('+') ? 'diff-add' : line.startsWith('-') ? 'diff-del' : undefined}>
              {line === '' ? ' ' : line}
            </span>
          ))}
      </pre>
    </>
  )
}

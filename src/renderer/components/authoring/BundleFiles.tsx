import { useEffect, useLayoutEffect, useState } from 'react'
import type { Text } from '@codemirror/state'
import type { FolioApi } from '@shared/api'
import type { BundleFile } from '@shared/authoring/plans'
import type { EditorController } from '../../editor/editor-controller'
import { ConfirmDialog } from '../ConfirmDialog'
import { imageInsertAt } from './image-paste'
import { formatBytes } from './image-resize'

/** Props of the Files section; `revision` changes when the bundle's files may have changed (an image saved). */
export interface BundleFilesProps {
  api: FolioApi
  editor: EditorController
  path: string
  revision: number
}

const imageName = /\.(png|jpe?g|gif|webp|avif|svg)$/i

/**
 * How long typing must pause before the "unreferenced" marks are checked again. NOTE: a typist's keys come 100-250 ms
 * apart, so a check never runs between two keys; the mark still follows a typed or deleted link before the eye
 * moves from the text to the list. Each check reads the whole article, a line at a time (1 MB in a large index.md).
 */
export const referenceCheckDelayMs = 300

/** True when the article's text (body or front matter) names the file, as a link target or a resource value. */
export function isReferenced(text: string, name: string): boolean {
  return text.includes(name) || text.includes(encodeURI(name))
}

/**
 * The names in `names` that `doc` does not name (isReferenced), read a line at a time: no flat copy of a long
 * article. A name holding a line break (possible on Linux) can only be found in the flat text.
 */
export function unreferencedNames(doc: Text, names: readonly string[]): Set<string> {
  const left = new Set(names.filter((name) => !name.includes('\n')))
  const spelled = [...left].map((name) => [name, encodeURI(name)] as const)
  for (let lines = doc.iterLines(); left.size > 0 && !lines.next().done; ) {
    const line = lines.value
    for (const [name, encoded] of spelled) if (left.has(name) && (line.includes(name) || line.includes(encoded))) left.delete(name)
  }
  const broken = names.filter((name) => name.includes('\n'))
  if (broken.length > 0) {
    const text = doc.toString()
    for (const name of broken) if (!isReferenced(text, name)) left.add(name)
  }
  return left
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => a.size === b.size && [...a].every((x) => b.has(x))

/**
 * The "Files" section under the form for a page bundle: every file of the bundle with its size, those the article
 * does not name marked "unreferenced", each with Insert (a link at the caret) and Delete (to the system trash).
 */
export function BundleFiles({ api, editor, path, revision }: BundleFilesProps) {
  const [files, setFiles] = useState<BundleFile[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [deleting, setDeleting] = useState<BundleFile | null>(null)
  const [reload, setReload] = useState(0)
  const [unreferenced, setUnreferenced] = useState<ReadonlySet<string>>(new Set())
  useEffect(() => {
    let isCurrent = true
    void api.listBundleFiles(path).then((r) => isCurrent && (r.ok ? (setFiles(r.value), setError(null)) : setError(r.error.message)))
    return () => {
      isCurrent = false
    }
  }, [api, path, revision, reload])
  // NOTE: a keystroke costs nothing here: while the bundle has no files nothing listens to the editor, and while it
  // has some, an edit only restarts a timer; the marks are checked once typing pauses (referenceCheckDelayMs). A
  // layout effect, so a list that arrives is painted with its marks.
  useLayoutEffect(() => {
    if (files === null || files.length === 0) return
    const names = files.map((f) => f.name)
    const check = (): void => {
      const doc = editor.stateOf(path)?.doc
      if (doc === undefined) return
      const fresh = unreferencedNames(doc, names)
      setUnreferenced((old) => (sameSet(old, fresh) ? old : fresh))
    }
    check()
    let timer: ReturnType<typeof setTimeout> | undefined
    const unsubscribe = editor.subscribe((event) => {
      if (event.kind !== 'updated' || !event.isDocChanged || event.path !== path) return
      clearTimeout(timer)
      timer = setTimeout(check, referenceCheckDelayMs)
    })
    return () => {
      clearTimeout(timer)
      unsubscribe()
    }
  }, [editor, path, files])
  if (files === null || (files.length === 0 && error === null)) return null
  const insert = (file: BundleFile): void => {
    const state = editor.stateOf(path)
    if (state === undefined) return
    const { at, prefix } = imageInsertAt(state.doc.toString(), state.selection.main.head)
    const link = encodeURI(file.name)
    const markdown = imageName.test(file.name) ? `![](${link})` : `[${file.name}](${link})`
    editor.applyChanges([{ from: at, to: at, insert: prefix + markdown }], 'input.paste')
    editor.select(path, at + prefix.length + (imageName.test(file.name) ? 2 : markdown.length))
    editor.focus()
  }
  return (
    <section className="bundle-files" aria-labelledby="bundle-files-title">
      <h3 id="bundle-files-title">Files</h3>
      {error !== null && (
        <p role="alert" className="authoring-error">
          {error}
        </p>
      )}
      <ul aria-label="Bundle files">
        {files.map((f) => {
          const isUnused = unreferenced.has(f.name)
          return (
            <li key={f.path} aria-label={`${f.name}${isUnused ? ' (unreferenced)' : ''}`} className={isUnused ? 'is-unreferenced' : undefined}>
              <span className="bundle-file-name">{f.name}</span>
              <span className="bundle-file-size">{formatBytes(f.size)}</span>
              {isUnused && <span className="bundle-file-badge">unreferenced</span>}
              <button type="button" className="button-quiet" onClick={() => insert(f)} aria-label={`Insert ${f.name}`}>
                Insert
              </button>
              <button type="button" className="button-quiet" onClick={() => setDeleting(f)} aria-label={`Delete ${f.name}`}>
                Delete…
              </button>
            </li>
          )
        })}
      </ul>
      {deleting !== null && (
        <ConfirmDialog
          title={`Move ${deleting.name} to the trash?`}
          message={`${deleting.path} (${formatBytes(deleting.size)}) goes to the system trash${!unreferenced.has(deleting.name) ? '; the article still links to it' : ''}.`}
          choices={[
            {
              label: 'Move to Trash',
              isPrimary: true,
              onChoose: () => {
                const target = deleting
                setDeleting(null)
                void api.trashBundleFile(target.path).then((r) => (r.ok ? setReload((n) => n + 1) : setError(r.error.message)))
              },
            },
          ]}
          onCancel={() => setDeleting(null)}
        />
      )}
    </section>
  )
}

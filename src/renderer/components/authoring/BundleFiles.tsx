import { useEffect, useState } from 'react'
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

/** True when the article's text (body or front matter) names the file, as a link target or a resource value. */
export function isReferenced(text: string, name: string): boolean {
  return text.includes(name) || text.includes(encodeURI(name))
}

/**
 * The "Files" section under the form for a page bundle: every file of the bundle with its size, those the article
 * does not name marked "unreferenced", each with Insert (a link at the caret) and Delete (to the system trash).
 */
export function BundleFiles({ api, editor, path, revision }: BundleFilesProps) {
  const [files, setFiles] = useState<BundleFile[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [deleting, setDeleting] = useState<BundleFile | null>(null)
  const [reload, setReload] = useState(0)
  const [, setEdits] = useState(0)
  useEffect(() => {
    let isCurrent = true
    void api.listBundleFiles(path).then((r) => isCurrent && (r.ok ? (setFiles(r.value), setError(null)) : setError(r.error.message)))
    return () => {
      isCurrent = false
    }
  }, [api, path, revision, reload])
  // NOTE: re-rendered on every edit of the article, so a link typed or deleted changes the marks at once.
  useEffect(
    () =>
      editor.subscribe((event) => {
        if (event.kind === 'updated' && event.isDocChanged && event.path === path) setEdits((n) => n + 1)
      }),
    [editor, path],
  )
  const text = editor.textOf(path) ?? ''
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
          const isUnused = !isReferenced(text, f.name)
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
          message={`${deleting.path} (${formatBytes(deleting.size)}) goes to the system trash${isReferenced(text, deleting.name) ? '; the article still links to it' : ''}.`}
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

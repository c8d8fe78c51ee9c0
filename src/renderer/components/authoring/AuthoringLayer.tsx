import { useCallback, useEffect, useRef, useState, type ClipboardEvent, type DragEvent } from 'react'
import type { FolioApi } from '@shared/api'
import { commandForKey } from '@shared/commands'
import type { LazyWorkspace } from '../../hooks/use-workspace'
import { ConfirmDialog } from '../ConfirmDialog'
import { DeleteDialog } from './DeleteDialog'
import { imageFilesOf, imageMarkdown, saveImageFile } from './image-paste'
import { MoveDialog } from './MoveDialog'
import { NewArticleDialog } from './NewArticleDialog'
import './Authoring.css'

/** What the writer asked for: a dialog, the article context menu at a point, or how to store an image in a plain article. */
export type AuthoringRequest =
  | { kind: 'new' }
  | { kind: 'rename' | 'move' | 'delete'; path: string }
  | { kind: 'menu'; path: string; x: number; y: number }
  | { kind: 'image-target'; path: string; files: File[]; isClipboard: boolean }

const isBundlePath = (p: string): boolean => /(^|\/)index\.(md|markdown)$/i.test(p)

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform)

/** Props of the authoring layer. */
export interface AuthoringLayerProps {
  api: FolioApi
  workspace: LazyWorkspace
  request: AuthoringRequest | null
  onRequest: (request: AuthoringRequest | null) => void
  activePath: string | null
}

/**
 * Creating, renaming, moving, duplicating and deleting articles, and images pasted into the editor: the dialogs and
 * the context menu, plus the shortcuts of the command table (New Article, Rename) and the menu's commands.
 */
export function AuthoringLayer({ api, workspace, request, onRequest, activePath }: AuthoringLayerProps) {
  const { load } = workspace
  const [notice, setNotice] = useState<string | null>(null)
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const command = commandForKey(event, isMac ? 'mac' : 'other')
      if (command?.id === 'article.new') {
        event.preventDefault()
        onRequest({ kind: 'new' })
      } else if (command?.id === 'article.rename' && activePath !== null && !(event.target instanceof HTMLElement && event.target.closest('[role=listbox]'))) {
        event.preventDefault()
        onRequest({ kind: 'rename', path: activePath })
      }
    }
    window.addEventListener('keydown', onKey)
    const stop = api.onFolderEvent((event) => {
      if (event.kind !== 'command') return
      if (event.id === 'article.new') onRequest({ kind: 'new' })
      else if (activePath !== null && (event.id === 'article.rename' || event.id === 'article.move' || event.id === 'article.delete')) onRequest({ kind: event.id === 'article.rename' ? 'rename' : event.id === 'article.move' ? 'move' : 'delete', path: activePath })
    })
    return () => {
      window.removeEventListener('keydown', onKey)
      stop()
    }
  }, [api, activePath, onRequest])
  const close = useCallback(() => onRequest(null), [onRequest])
  const insertImages = useCallback(
    async (path: string, files: File[], target: 'bundle' | 'static', isClipboard: boolean) => {
      const ws = await load()
      if (!ws) return
      for (const file of files) {
        const saved = await saveImageFile(api, path, file, target, isClipboard)
        if (!saved.ok) return setNotice(`Could not save the image: ${saved.error.message}`)
        const at = ws.editor.stateOf(path)?.selection.main.head
        if (at === undefined) return
        const { text, altOffset } = imageMarkdown(saved.value)
        ws.editor.applyChanges([{ from: at, to: at, insert: text }], 'input.paste')
        ws.editor.select(path, at + altOffset)
      }
    },
    [api, load],
  )
  const convertThenInsert = useCallback(
    async (path: string, files: File[], isClipboard: boolean) => {
      const to = path.replace(/\.(md|markdown)$/i, '/index.$1')
      const plan = await api.planMove({ from: path, to, addAlias: false })
      if (!plan.ok) return setNotice(plan.error.message)
      const applied = await api.applyMove({ from: path, to, addAlias: false, digest: plan.value.digest })
      if (!applied.ok) return setNotice(applied.error.message)
      const ws = await load()
      await ws?.session.followMove(path, applied.value.to)
      await insertImages(applied.value.to, files, 'bundle', isClipboard)
    },
    [api, load, insertImages],
  )
  const isBundleImage = request?.kind === 'image-target' && isBundlePath(request.path)
  // NOTE: a bundle article needs no question: the images go into its folder. A ref keeps a request from running twice.
  const handled = useRef<AuthoringRequest | null>(null)
  useEffect(() => {
    if (request?.kind !== 'image-target' || !isBundlePath(request.path) || handled.current === request) return
    handled.current = request
    void insertImages(request.path, request.files, 'bundle', request.isClipboard).finally(() => onRequest(null))
  }, [request, onRequest, insertImages])
  if (notice !== null) return <ConfirmDialog title="Images" message={notice} choices={[]} onCancel={() => setNotice(null)} />
  if (request === null || isBundleImage) return null
  switch (request.kind) {
    case 'new':
      return (
        <NewArticleDialog
          api={api}
          onClose={close}
          onCreated={(created) => {
            close()
            void load().then(async (ws) => {
              await ws?.session.open(created.path)
              ws?.editor.select(created.path, created.bodyOffset)
            })
          }}
        />
      )
    case 'rename':
    case 'move':
      return (
        <MoveDialog
          api={api}
          path={request.path}
          mode={request.kind}
          onClose={close}
          onMoved={(plan) => {
            close()
            void load().then((ws) => ws?.session.followMove(plan.from, plan.to))
          }}
        />
      )
    case 'delete':
      return (
        <DeleteDialog
          api={api}
          path={request.path}
          onClose={close}
          onTrashed={(path) => {
            close()
            void load().then((ws) => ws?.session.close(path))
          }}
        />
      )
    case 'menu':
      return <ArticleMenu request={request} api={api} onRequest={onRequest} onOpen={(path) => void load().then((ws) => ws?.session.open(path))} />
    case 'image-target':
      return (
        <ConfirmDialog
          title="Where should the image go?"
          message={`${request.path} is a single file, not a page bundle. Make it a bundle (a folder that keeps its images), or save the image under static/images with a link from the site root.`}
          choices={[
            { label: 'Convert to a bundle', isPrimary: true, onChoose: () => (close(), void convertThenInsert(request.path, request.files, request.isClipboard)) },
            { label: 'Save in static/images', onChoose: () => (close(), void insertImages(request.path, request.files, 'static', request.isClipboard)) },
          ]}
          onCancel={close}
        />
      )
  }
}

function ArticleMenu({ request, api, onRequest, onOpen }: { request: { path: string; x: number; y: number }; api: FolioApi; onRequest: (r: AuthoringRequest | null) => void; onOpen: (path: string) => void }) {
  useEffect(() => {
    const dismiss = (): void => onRequest(null)
    window.addEventListener('click', dismiss)
    return () => window.removeEventListener('click', dismiss)
  }, [onRequest])
  const { path } = request
  return (
    <div role="menu" aria-label={`Actions for ${path}`} className="article-menu" style={{ left: request.x, top: request.y }} onKeyDown={(e) => e.key === 'Escape' && onRequest(null)}>
      <button role="menuitem" type="button" autoFocus onClick={() => onRequest({ kind: 'rename', path })}>Rename…</button>
      <button role="menuitem" type="button" onClick={() => onRequest({ kind: 'move', path })}>Move to…</button>
      <button role="menuitem" type="button" onClick={() => void api.duplicateArticle(path).then((r) => (r.ok ? onOpen(r.value) : undefined))}>Duplicate</button>
      <button role="menuitem" type="button" onClick={() => onRequest({ kind: 'delete', path })}>Move to Trash</button>
    </div>
  )
}

/** Paste and drop handlers for the editor pane: image files are saved for the active article and linked at the caret. */
export function imageHandlers(activePath: string | null, onRequest: (r: AuthoringRequest) => void) {
  const handle = (event: ClipboardEvent | DragEvent, data: DataTransfer | null, isClipboard: boolean): void => {
    const files = imageFilesOf(data)
    if (files.length === 0 || activePath === null) return
    event.preventDefault()
    event.stopPropagation()
    onRequest({ kind: 'image-target', path: activePath, files, isClipboard })
  }
  return {
    onPasteCapture: (event: ClipboardEvent) => handle(event, event.clipboardData, true),
    onDropCapture: (event: DragEvent) => handle(event, event.dataTransfer, false),
  }
}

import { useCallback, useEffect, useRef, useState, type ClipboardEvent, type DragEvent } from 'react'
import type { FolioApi } from '@shared/api'
import { commandForKey } from '@shared/commands'
import type { LazyWorkspace } from '../../hooks/use-workspace'
import { ConfirmDialog } from '../ConfirmDialog'
import { ArticleMenu } from './ArticleMenu'
import { isBrowserMode } from '../../api'
import { authoringRequestFor, isBundlePath, type AuthoringRequest } from './authoring-commands'
import { DeleteDialog } from './DeleteDialog'
import { imageFilesOf } from './image-paste'
import { MoveDialog } from './MoveDialog'
import { NewArticleDialog } from './NewArticleDialog'
import { TermsDialog } from './TermsDialog'
import { useImageInsert } from './use-image-insert'
import './Authoring.css'

export type { AuthoringRequest } from './authoring-commands'

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform)

/** Props of the authoring layer; `onFilesChanged` runs when a bundle's files changed (an image saved). */
export interface AuthoringLayerProps {
  api: FolioApi
  workspace: LazyWorkspace
  request: AuthoringRequest | null
  onRequest: (request: AuthoringRequest | null) => void
  activePath: string | null
  onFilesChanged?: () => void
}

/**
 * Creating, renaming, moving, duplicating and deleting articles, the Terms view, and images pasted, dropped or picked
 * (Insert image…): the dialogs and the article menu, plus the keys of the command table (New Article, Rename) and the
 * menu's commands.
 */
export function AuthoringLayer({ api, workspace, request, onRequest, activePath, onFilesChanged }: AuthoringLayerProps) {
  const { load } = workspace
  const [notice, setNotice] = useState<string | null>(null)
  const picker = useRef<HTMLInputElement>(null)
  const pickingFor = useRef<string | null>(null)
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
      const next = event.kind === 'command' ? authoringRequestFor(event.id, activePath) : null
      if (next !== null) onRequest(next)
    })
    return () => {
      window.removeEventListener('keydown', onKey)
      stop()
    }
  }, [api, activePath, onRequest])
  const onSaved = useCallback(() => onFilesChanged?.(), [onFilesChanged])
  const { insertImages, question } = useImageInsert(api, workspace, onSaved, setNotice)
  const open = useCallback((path: string) => void load().then((ws) => ws?.session.open(path)), [load])
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
  // NOTE: requests that need no dialog run here once each (a ref keeps a request from running twice): images for a
  // bundle go into its folder, Duplicate opens the copy, Insert image… opens the file picker.
  const handled = useRef<AuthoringRequest | null>(null)
  useEffect(() => {
    if (request === null || handled.current === request) return
    if (request.kind === 'image-target' && isBundlePath(request.path)) {
      handled.current = request
      void insertImages(request.path, request.files, 'bundle', request.isClipboard).finally(() => onRequest(null))
    } else if (request.kind === 'duplicate') {
      handled.current = request
      onRequest(null)
      void api.duplicateArticle(request.path).then((r) => (r.ok ? open(r.value) : setNotice(`Could not duplicate ${request.path}: ${r.error.message}`)))
    } else if (request.kind === 'insert-image') {
      handled.current = request
      onRequest(null)
      pickingFor.current = request.path
      picker.current?.click()
    }
  }, [request, onRequest, insertImages, api, open])
  const onPicked = (files: File[]): void => {
    const path = pickingFor.current
    if (path !== null && files.length > 0) onRequest({ kind: 'image-target', path, files, isClipboard: false })
  }
  return (
    <>
      <input
        ref={picker}
        type="file"
        accept="image/png,image/jpeg,image/gif,image/webp,image/avif,image/svg+xml"
        multiple
        hidden
        aria-label="Image files to insert"
        onChange={(e) => {
          onPicked([...(e.target.files ?? [])])
          e.target.value = ''
        }}
      />
      {question}
      {notice !== null && <ConfirmDialog title="Images" message={notice} choices={[]} onCancel={() => setNotice(null)} />}
      {notice === null && request !== null && <AuthoringDialog api={api} request={request} onRequest={onRequest} load={load} open={open} onConvert={convertThenInsert} onStatic={insertImages} />}
    </>
  )
}

interface AuthoringDialogProps {
  api: FolioApi
  request: AuthoringRequest
  onRequest: (request: AuthoringRequest | null) => void
  load: LazyWorkspace['load']
  open: (path: string) => void
  onConvert: (path: string, files: File[], isClipboard: boolean) => Promise<void>
  onStatic: (path: string, files: readonly File[], target: 'static', isClipboard: boolean) => Promise<void>
}

function AuthoringDialog({ api, request, onRequest, load, open, onConvert, onStatic }: AuthoringDialogProps) {
  const close = (): void => onRequest(null)
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
    case 'terms':
      return <TermsDialog api={api} onOpen={(path) => (close(), open(path))} onClose={close} />
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
      return <ArticleMenu path={request.path} x={request.x} y={request.y} onRequest={onRequest} onReveal={isBrowserMode ? undefined : (path) => void api.revealArticle(path)} />
    case 'image-target':
      if (isBundlePath(request.path)) return null
      return (
        <ConfirmDialog
          title="Where should the image go?"
          message={`${request.path} is a single file, not a page bundle. Make it a bundle (a folder that keeps its images), or save the image under static/images with a link from the site root.`}
          choices={[
            { label: 'Convert to a bundle', isPrimary: true, onChoose: () => (close(), void onConvert(request.path, request.files, request.isClipboard)) },
            { label: 'Save in static/images', onChoose: () => (close(), void onStatic(request.path, request.files, 'static', request.isClipboard)) },
          ]}
          onCancel={close}
        />
      )
    default:
      return null
  }
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

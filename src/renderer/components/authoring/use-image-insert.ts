import { createElement, useCallback, useState, type ReactNode } from 'react'
import type { FolioApi } from '@shared/api'
import type { LazyWorkspace } from '../../hooks/use-workspace'
import { ConfirmDialog } from '../ConfirmDialog'
import { formatBytes, largeImageOf, resizeImage, type LargeImage } from './image-resize'
import { imageInsertAt, imageMarkdown, saveImageFile } from './image-paste'

type SizeChoice = 'original' | 'resized' | 'cancel'

/** The largest file the host saves (bytes); a larger original can only be saved resized. */
const maxSavedBytes = 10 * 1024 * 1024

/** What useImageInsert gives the authoring layer: the insert action and the question it may show. */
export interface ImageInsert {
  insertImages: (path: string, files: readonly File[], target: 'bundle' | 'static', isClipboard: boolean) => Promise<void>
  /** The "original or resized copy" question for a large image, while one is asked. */
  question: ReactNode
}

/**
 * Saves images for an article (see saveImageFile) and links each at the caret, alt text selected. A large image
 * (see largeImageOf) asks first: the original bytes, or a copy resized in the page (canvas), the same in Electron and
 * in browser mode. `onSaved` runs after each saved file; `onError` gets a message.
 */
export function useImageInsert(api: FolioApi, workspace: LazyWorkspace, onSaved: () => void, onError: (message: string) => void): ImageInsert {
  const { load } = workspace
  const [asking, setAsking] = useState<{ file: File; large: LargeImage; answer: (choice: SizeChoice) => void } | null>(null)
  const insertImages = useCallback(
    async (path: string, files: readonly File[], target: 'bundle' | 'static', isClipboard: boolean) => {
      const ws = await load()
      if (!ws) return
      for (const original of files) {
        let file = original
        const large = await largeImageOf(original)
        if (large !== null) {
          const choice = await new Promise<SizeChoice>((answer) => setAsking({ file: original, large, answer }))
          setAsking(null)
          if (choice === 'cancel') continue
          if (choice === 'resized') {
            try {
              file = await resizeImage(original, large)
            } catch (error) {
              return onError(`Could not resize ${original.name}: ${error instanceof Error ? error.message : String(error)}`)
            }
          }
        }
        const saved = await saveImageFile(api, path, file, target, isClipboard)
        if (!saved.ok) return onError(`Could not save the image: ${saved.error.message}`)
        onSaved()
        const state = ws.editor.stateOf(path)
        if (state === undefined) return
        const { at, prefix } = imageInsertAt(state.doc.toString(), state.selection.main.head)
        const { text, altOffset } = imageMarkdown(saved.value)
        ws.editor.applyChanges([{ from: at, to: at, insert: prefix + text }], 'input.paste')
        ws.editor.select(path, at + prefix.length + altOffset)
      }
    },
    [api, load, onSaved, onError],
  )
  const question =
    asking === null
      ? null
      : createElement(ConfirmDialog, {
          title: `${asking.file.name || 'The image'} is large`,
          message:
            `It is ${asking.large.width}×${asking.large.height} pixels, ${formatBytes(asking.large.bytes)}. A resized copy is ${asking.large.resizedWidth}×${asking.large.resizedHeight}; the original keeps every byte.` +
            (asking.large.bytes > maxSavedBytes ? ' The original is over 10 MB, the most Folio saves, so only the resized copy can be saved.' : ''),
          choices: [
            { label: `Save a resized copy (${asking.large.resizedWidth}×${asking.large.resizedHeight})`, isPrimary: true, onChoose: () => asking.answer('resized') },
            ...(asking.large.bytes > maxSavedBytes ? [] : [{ label: 'Keep the original', onChoose: () => asking.answer('original') }]),
          ],
          onCancel: () => asking.answer('cancel'),
        })
  return { insertImages, question }
}

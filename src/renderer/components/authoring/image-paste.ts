import type { FolioApi } from '@shared/api'
import type { SavedImage } from '@shared/authoring/plans'

/** The image files carried by a paste or drop (none when it is text). */
export function imageFilesOf(data: DataTransfer | null): File[] {
  if (data === null) return []
  return [...data.files].filter((f) => f.type.startsWith('image/'))
}

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  // NOTE: in chunks, as String.fromCharCode takes a bounded number of arguments.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/**
 * Saves one pasted or dropped image for the article: into its bundle, or under the static images (root-relative
 * link). Clipboard data has no real name (browsers call it `image.png`), so it is saved as `image-N`.
 */
export async function saveImageFile(api: FolioApi, articlePath: string, file: File, target: 'bundle' | 'static', isClipboard: boolean) {
  const fileName = isClipboard || file.name === '' || /^image\.(png|jpe?g|gif|webp)$/i.test(file.name) ? null : file.name
  return api.saveImage({ articlePath, fileName, mimeType: file.type, base64: await base64Of(file), target })
}

/** The Markdown inserted for a saved image: `![](link)`; the caret goes between the brackets, for the alt text. */
export function imageMarkdown(saved: SavedImage): { text: string; altOffset: number } {
  return { text: `![](${saved.link})`, altOffset: 2 }
}

/**
 * Where an image link goes for a caret at `at`: there, unless the caret is inside an image link (e.g. on the alt
 * text just selected after an insert), then after that link on a new line, so images never nest.
 */
export function imageInsertAt(text: string, at: number): { at: number; prefix: string } {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1
  const lineEnd = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at)
  for (const match of text.slice(lineStart, lineEnd).matchAll(/!\[[^\]]*\]\([^)]*\)/g)) {
    const start = lineStart + match.index
    const end = start + match[0].length
    if (at > start && at < end) return { at: end, prefix: '\n' }
  }
  return { at, prefix: '' }
}

import { checkName } from '@shared/authoring/article-name'
import { isLeafBundleIndex } from '@shared/authoring/content-lookup'
import type { BundleFile, SavedImage, SaveImageRequest } from '@shared/authoring/plans'
import { posix } from '@shared/authoring/posix-path'
import { fail, ok, type Result } from '@shared/result'
import { splitRelativePath } from '../path-rules'
import { isInSkippedFolder } from '../store/entry-rules'
import type { SiteLayout } from './site-layout'
import type { SiteReader } from './site-reader'
import type { AuthoringStore } from './store-port'

const imageTypes: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp', 'image/avif': 'avif', 'image/svg+xml': 'svg' }
const imageExt = /\.(png|jpe?g|gif|webp|avif|svg)$/i

/** The largest image accepted (bytes), as the store's own file limit. */
export const maxImageBytes = 10 * 1024 * 1024

/** A file name made safe to create: the writer's name with reserved and odd characters replaced, or `image.<ext>`. */
function baseName(request: SaveImageRequest): Result<{ stem: string; ext: string }> {
  const typeExt = imageTypes[request.mimeType]
  if (request.fileName === null) {
    if (typeExt === undefined) return fail('INVALID_ARGUMENT', `"${request.mimeType}" is not an image type Folio saves (PNG, JPEG, GIF, WebP, AVIF, SVG).`)
    return ok({ stem: 'image', ext: typeExt })
  }
  const name = request.fileName.split(/[/\\]/).pop() ?? ''
  if (!imageExt.test(name)) return fail('INVALID_ARGUMENT', `"${name}" is not an image file (PNG, JPEG, GIF, WebP, AVIF, SVG).`)
  const dot = name.lastIndexOf('.')
  // NOTE: control characters are refused by checkName below; the characters Windows refuses become hyphens.
  const stem = name.slice(0, dot).replace(/[<>:"|?*]/g, '-').replace(/[. ]+$/, '') || 'image'
  const checked = checkName(`${stem}${name.slice(dot)}`)
  return checked.ok ? ok({ stem, ext: name.slice(dot + 1) }) : checked
}

/**
 * Saves an image for an article through the (any-policy) asset store, never over an existing file: into the article's
 * bundle (link relative to it), or under `<static>/images/` (root-relative link `/images/…`). Clipboard data is named
 * `image-N.<ext>` (the first free N); a named file gets `-2`, `-3`… when its name is taken.
 */
export async function saveImage(assets: AuthoringStore, reader: SiteReader, layout: SiteLayout, request: SaveImageRequest): Promise<Result<SavedImage>> {
  const named = baseName(request)
  if (!named.ok) return named
  const bytes = Buffer.from(request.base64, 'base64')
  if (bytes.byteLength === 0) return fail('INVALID_ARGUMENT', 'The image is empty.')
  if (bytes.byteLength > maxImageBytes) return fail('TOO_LARGE', 'The image is larger than 10 MB; save a resized copy.')
  const article = await reader.readBytes(request.articlePath)
  if (!article.ok) return article
  if (article.value === null) return fail('NOT_FOUND', `"${request.articlePath}" does not exist.`, { path: request.articlePath })
  let folder: string
  let linkPrefix: string
  if (request.target === 'bundle') {
    if (!isLeafBundleIndex(request.articlePath)) return fail('INVALID_ARGUMENT', `"${request.articlePath}" is not a page bundle; convert it to a bundle or save under the static images.`)
    folder = posix.dirname(request.articlePath)
    linkPrefix = ''
  } else {
    folder = `${layout.kind === 'hugo' ? layout.config.staticDir : 'static'}/images`
    linkPrefix = '/images/'
  }
  for (let i = 1; i < 10_000; i += 1) {
    const { stem, ext } = named.value
    const name = request.fileName === null ? `${stem}-${i}.${ext}` : i === 1 ? `${stem}.${ext}` : `${stem}-${i}.${ext}`
    const path = `${folder}/${name}`
    if (isInSkippedFolder(path, true)) return fail('INVALID_PATH', `"${folder}" is a folder Folio does not write to.`)
    const created = await assets.create(path, bytes)
    if (created.ok) return ok({ path, link: linkPrefix + encodeURI(name) })
    if (created.error.code !== 'CONFLICT') return created
  }
  return fail('CONFLICT', 'No free name was found for the image.')
}

/** The files in an article's bundle besides articles (resources), with sizes; [] for an article that is not a bundle. */
export async function listBundleFiles(reader: SiteReader, articlePath: string): Promise<Result<BundleFile[]>> {
  if (!isLeafBundleIndex(articlePath)) return ok([])
  const folder = posix.dirname(articlePath)
  const files = await reader.filesUnder(folder, 1000)
  if (!files.ok) return files
  const out: BundleFile[] = []
  for (const f of files.value) {
    if (/\.(md|markdown)$/i.test(f)) continue
    const bytes = await reader.readBytes(`${folder}/${f}`)
    if (bytes.ok && bytes.value !== null) out.push({ path: `${folder}/${f}`, name: f, size: bytes.value.byteLength })
  }
  return ok(out)
}

/**
 * Sends one resource of a page bundle (a file under a folder holding `index.md`, not an article) to the system trash
 * through the asset store. INVALID_ARGUMENT for an article or a file outside any bundle; INVALID_PATH for an escape.
 */
export async function trashBundleFile(assets: AuthoringStore, reader: SiteReader, path: string): Promise<Result<{ trashed: string }>> {
  const segments = splitRelativePath(path)
  if (!segments.ok) return segments
  if (/\.(md|markdown)$/i.test(path)) return fail('INVALID_ARGUMENT', `"${path}" is an article; delete it with Move to Trash.`, { path })
  if (isInSkippedFolder(path)) return fail('INVALID_PATH', `"${path}" is in a folder Folio does not write to.`, { path })
  for (let depth = segments.value.length - 1; depth >= 1; depth -= 1) {
    const folder = segments.value.slice(0, depth).join('/')
    const listed = await reader.list(folder)
    if (!listed.ok) return listed
    if (listed.value.some((e) => /^index\.(md|markdown)$/i.test(e.name))) {
      const trashed = await assets.trash(segments.value.join('/'))
      return trashed.ok ? ok({ trashed: segments.value.join('/') }) : trashed
    }
  }
  return fail('INVALID_ARGUMENT', `"${path}" is not in a page bundle.`, { path })
}

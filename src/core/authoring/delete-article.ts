import { isBranchIndex, isLeafBundleIndex } from '@shared/authoring/content-lookup'
import { findInboundLinks } from '@shared/authoring/link-rewrite'
import type { DeletePlan } from '@shared/authoring/plans'
import { posix } from '@shared/authoring/posix-path'
import { isArticleName } from '@shared/article-names'
import { fail, ok, type Result } from '@shared/result'
import { splitRelativePath } from '../path-rules'
import { loadWorld } from './link-world'
import type { SiteLayout } from './site-layout'
import type { SiteReader } from './site-reader'
import type { AuthoringStore } from './store-port'

/** The file or folder a delete of article `path` sends to the trash: a bundle goes whole. */
function trashItem(path: string): Result<{ item: string; isFolder: boolean }> {
  const checked = splitRelativePath(path)
  if (!checked.ok) return checked
  if (!isArticleName(path)) return fail('INVALID_PATH', `"${path}" is not a Markdown article.`, { path })
  if (isBranchIndex(path)) return ok({ item: path, isFolder: false })
  return isLeafBundleIndex(path) ? ok({ item: posix.dirname(path), isFolder: true }) : ok({ item: path, isFolder: false })
}

/** What deleting `path` will do: the files that go to the trash and the links across the folder that will break. */
export async function planDelete(store: AuthoringStore, reader: SiteReader, layout: SiteLayout, path: string): Promise<Result<DeletePlan>> {
  const item = trashItem(path)
  if (!item.ok) return item
  const read = await store.read(path)
  if (!read.ok) return read
  const target = { from: item.value.item, to: item.value.item, isFolder: item.value.isFolder }
  const loaded = await loadWorld(store, layout.contentDir, [target])
  if (!loaded.ok) return loaded
  const inbound = findInboundLinks(loaded.value.world, [target], loaded.value.texts)
  let files = [path]
  if (item.value.isFolder) {
    const under = await reader.filesUnder(item.value.item, 10_000)
    if (!under.ok) return under
    files = under.value.map((f) => `${item.value.item}/${f}`)
  }
  return ok({ path, files, inbound })
}

/** Sends the article (a bundle with its folder) to the system trash through the store; nothing is deleted for good. */
export async function trashArticle(store: AuthoringStore, path: string): Promise<Result<{ trashed: string }>> {
  const item = trashItem(path)
  if (!item.ok) return item
  const read = await store.read(path)
  if (!read.ok) return read
  const trashed = await store.trash(item.value.item)
  return trashed.ok ? ok({ trashed: item.value.item }) : trashed
}

/**
 * Copies an article beside itself under the first free name (`name-copy.md`, `name-copy-2.md`; a bundle as
 * `name-copy/` with all its files, resources through the asset store), created through the store so nothing is
 * replaced. Resolves to the new article's path.
 */
export async function duplicateArticle(store: AuthoringStore, assets: AuthoringStore, reader: SiteReader, path: string): Promise<Result<string>> {
  const item = trashItem(path)
  if (!item.ok) return item
  const isFolder = item.value.isFolder
  const parent = posix.dirname(item.value.item)
  const base = posix.basename(item.value.item)
  const ext = isFolder ? '' : base.slice(base.lastIndexOf('.'))
  const stem = isFolder ? base : base.slice(0, base.lastIndexOf('.'))
  const listed = await reader.list(parent === '.' ? '' : parent)
  if (!listed.ok) return listed
  const taken = new Set(listed.value.map((e) => e.name.toLowerCase()))
  let name = ''
  for (let n = 1; n < 1000 && name === ''; n += 1) {
    const candidate = `${stem}-copy${n === 1 ? '' : `-${n}`}${ext}`
    if (!taken.has(candidate.toLowerCase())) name = candidate
  }
  const target = parent === '.' ? name : `${parent}/${name}`
  const files = isFolder ? await reader.filesUnder(item.value.item, 10_000) : ok([''])
  if (!files.ok) return files
  for (const f of files.value) {
    const from = f === '' ? item.value.item : `${item.value.item}/${f}`
    const read = await store.read(from)
    const bytes = read.ok ? ok(read.value.bytes) : await reader.readBytes(from)
    if (!bytes.ok) return bytes
    if (bytes.value === null) continue
    const to = f === '' ? target : `${target}/${f}`
    const created = await (isArticleName(to) ? store : assets).create(to, bytes.value)
    if (!created.ok) return created
  }
  return ok(isFolder ? `${target}/${posix.basename(path)}` : target)
}

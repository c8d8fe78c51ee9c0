import { createHash } from 'node:crypto'
import { createTwoFilesPatch } from 'diff'
import { checkName } from '@shared/authoring/article-name'
import { isBranchIndex, isLeafBundleIndex } from '@shared/authoring/content-lookup'
import { movedPath, planLinkEdits, type PathMove } from '@shared/authoring/link-rewrite'
import { pageUrl } from '@shared/authoring/page-url'
import type { MovePlan, MoveRequest, PlannedFile } from '@shared/authoring/plans'
import { posix } from '@shared/authoring/posix-path'
import { applyChanges, parseFrontMatter, setValue } from '@shared/front-matter'
import { isArticleName } from '@shared/article-names'
import { fail, ok, type Result } from '@shared/result'
import { splitRelativePath } from '../path-rules'
import { loadWorld, type ReadArticle } from './link-world'
import type { SiteLayout } from './site-layout'
import type { SiteReader } from './site-reader'
import type { AuthoringStore } from './store-port'
import { writeAll, type PendingWrite } from './write-all'

/** The item that moves for an article: the article file, or its whole bundle folder. */
export interface MoveItem {
  move: PathMove
  /** The article's path after the move. */
  article: string
}

/** Checks a destination path a writer typed: every segment a valid name, an article file name, inside the folder. */
export function checkArticleTarget(to: string): Result<string> {
  const segments = splitRelativePath(to)
  if (!segments.ok) return segments
  for (const s of segments.value) {
    const named = checkName(s)
    if (!named.ok) return named
  }
  if (!isArticleName(to)) return fail('INVALID_PATH', `"${to}" is not a Markdown article name (.md or .markdown).`, { path: to })
  return ok(to)
}

/**
 * What moves when the article `from` goes to `to`: a leaf file (also into its own new bundle, `x.md` -> `x/index.md`),
 * or a bundle folder whole (`a/index.md` -> `b/index.md`). `to` ending in `/` means "into that folder, same name".
 */
export function moveItemFor(from: string, rawTo: string): Result<MoveItem> {
  const fromChecked = splitRelativePath(from)
  if (!fromChecked.ok) return fromChecked
  if (!isArticleName(from)) return fail('INVALID_PATH', `"${from}" is not a Markdown article.`, { path: from })
  if (isBranchIndex(from)) return fail('UNSUPPORTED', `"${from}" is a section's page; move the section folder outside Folio.`, { path: from })
  const isBundle = isLeafBundleIndex(from)
  const name = isBundle ? `${posix.basename(posix.dirname(from))}/${posix.basename(from)}` : posix.basename(from)
  const to = rawTo.endsWith('/') ? `${rawTo}${name}`.replace(/^\/+/, '') : rawTo
  const checked = checkArticleTarget(to)
  if (!checked.ok) return checked
  if (to === from) return fail('INVALID_ARGUMENT', `"${from}" is already there.`, { path: from })
  if (isBundle) {
    if (!isLeafBundleIndex(to)) return fail('INVALID_ARGUMENT', `"${from}" is a page bundle; it moves as a folder (to "…/name/index.md"), or its files would be left behind.`, { path: from })
    const fromDir = posix.dirname(from)
    const toDir = posix.dirname(to)
    if (toDir === fromDir || toDir.startsWith(fromDir + '/')) return fail('INVALID_ARGUMENT', `A bundle cannot move into itself ("${toDir}").`, { path: to })
    return ok({ move: { from: fromDir, to: toDir, isFolder: true }, article: to })
  }
  if (isBranchIndex(to)) return fail('INVALID_ARGUMENT', `"${to}" would make the article a section page.`, { path: to })
  return ok({ move: { from, to, isFolder: false }, article: to })
}

function contentPathOf(layout: SiteLayout, p: string): string | null {
  if (layout.contentDir === '') return p
  return p.startsWith(layout.contentDir + '/') ? p.slice(layout.contentDir.length + 1) : null
}

function withAlias(text: string, oldUrl: string): string {
  const parsed = parseFrontMatter(text)
  if (parsed.errors.length > 0) return text
  const current = parsed.data.aliases
  if (Array.isArray(current) && current.includes(oldUrl)) return text
  const changes = Array.isArray(current)
    ? setValue(text, ['aliases', current.length], oldUrl)
    : setValue(text, ['aliases'], typeof current === 'string' ? [current, oldUrl] : [oldUrl])
  return changes.ok ? applyChanges(text, changes.value) : text
}

/** A planned move with what applying it needs: the new texts by old path and the files as read. */
export interface PreparedMove {
  plan: MovePlan
  item: MoveItem
  texts: Map<string, string>
  read: Map<string, ReadArticle>
}

async function exists(store: AuthoringStore, reader: SiteReader, p: string): Promise<boolean> {
  const read = await store.read(p)
  if (read.ok) return true
  const parent = posix.dirname(p)
  const listed = await reader.list(parent === '.' ? '' : parent)
  return listed.ok && listed.value.some((e) => e.name === posix.basename(p))
}

/**
 * Plans moving or renaming an article without writing: the files that move, every link rewritten across the folder
 * (planLinkEdits), and the old URL added to `aliases` when asked and when the URL changes. NOT_FOUND when `from` is
 * missing; CONFLICT when the destination exists; INVALID_PATH for a bad name (see checkName).
 */
export async function planMove(store: AuthoringStore, reader: SiteReader, layout: SiteLayout, request: MoveRequest): Promise<Result<PreparedMove>> {
  const item = moveItemFor(request.from, request.to)
  if (!item.ok) return item
  const source = await store.read(request.from)
  if (!source.ok) return source
  if (await exists(store, reader, item.value.move.to)) return fail('CONFLICT', `"${item.value.move.to}" already exists; Folio never replaces a file.`, { path: item.value.move.to })
  const loaded = await loadWorld(store, layout.contentDir, [item.value.move])
  if (!loaded.ok) return loaded
  const { world, texts, files } = loaded.value
  const next = new Map(texts)
  let linkCount = 0
  for (const edit of planLinkEdits(world, [item.value.move], texts)) {
    next.set(edit.path, applyChanges(texts.get(edit.path) ?? '', edit.changes))
    linkCount += edit.changes.length
  }
  const fromText = texts.get(request.from) ?? ''
  const data = parseFrontMatter(fromText).data
  const oldContent = contentPathOf(layout, request.from)
  const newContent = contentPathOf(layout, item.value.article)
  const oldUrl = oldContent === null ? null : pageUrl(oldContent, data, layout.config.permalinks)
  const newUrl = newContent === null ? null : pageUrl(newContent, data, layout.config.permalinks)
  const isUrlChanged = oldUrl !== null && oldUrl !== newUrl
  if (request.addAlias && isUrlChanged) next.set(request.from, withAlias(next.get(request.from) ?? fromText, oldUrl))
  const planned: PlannedFile[] = []
  for (const [path, before] of texts) {
    const after = next.get(path) ?? before
    const newPath = movedPath([item.value.move], path) ?? path
    if (after === before && newPath === path) continue
    planned.push({ path, newPath, diff: after === before ? '' : createTwoFilesPatch(`a/${path}`, `b/${newPath}`, before, after) })
  }
  planned.sort((a, b) => (a.path === request.from ? -1 : b.path === request.from ? 1 : a.path < b.path ? -1 : 1))
  const carried: string[] = []
  if (item.value.move.isFolder) {
    const under = await reader.filesUnder(item.value.move.from, 10_000)
    if (!under.ok) return under
    for (const f of under.value) if (!planned.some((p) => p.path === `${item.value.move.from}/${f}`)) carried.push(`${item.value.move.from}/${f}`)
  }
  const hashes = [...files].map(([p, f]) => [p, f.hash])
  const digest = createHash('sha256').update(JSON.stringify({ request: { ...request, digest: undefined }, planned, carried, hashes })).digest('hex').slice(0, 32)
  const plan: MovePlan = { from: request.from, to: item.value.article, carried, files: planned, linkCount, oldUrl: isUrlChanged ? oldUrl : null, newUrl: isUrlChanged ? newUrl : null, isAliasAdded: request.addAlias && isUrlChanged, digest }
  return ok({ plan, item: item.value, texts: next, read: files })
}

/**
 * Applies a planned move all or nothing: the file or bundle moves (never over anything), then each changed file is
 * written against the version it was planned from. If any step fails, the written files get their old bytes back and
 * the move is undone; the error says so. CONFLICT when `request.digest` is not the plan's (the folder changed).
 */
export async function applyMove(store: AuthoringStore, reader: SiteReader, layout: SiteLayout, request: MoveRequest): Promise<Result<MovePlan>> {
  const prepared = await planMove(store, reader, layout, request)
  if (!prepared.ok) return prepared
  const { plan, item, texts, read } = prepared.value
  if (request.digest !== plan.digest) return fail('CONFLICT', 'The folder changed since the changes were shown; nothing was moved. Review them again.')
  const moved = await store.move(item.move.from, item.move.to)
  if (!moved.ok) return moved
  const writes: PendingWrite[] = []
  for (const file of plan.files) {
    const original = read.get(file.path)
    const text = texts.get(file.path)
    if (file.diff !== '' && original !== undefined && text !== undefined) writes.push({ path: file.newPath, text, original })
  }
  const written = await writeAll(store, writes, async () => (await store.move(item.move.to, item.move.from)).ok)
  return written.ok ? ok(plan) : written
}

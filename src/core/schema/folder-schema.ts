import { closeSync, readFileSync, readSync } from 'node:fs'
import path from 'node:path'
import { detectBlock } from '@shared/front-matter/detect'
import { readFrontMatterData } from '@shared/front-matter/parse'
import { parseFolioSchema, parseFrontMatterCmsConfig, withExplicitFields, type ExplicitParse } from '@shared/front-matter/schema-explicit'
import { isOpenEndedText, openEndedStandIn, SchemaAccumulator } from '@shared/front-matter/schema-infer'
import type { ExplicitField, FolderSchema, SchemaProblem } from '@shared/front-matter/schema-types'
import type { FrontMatterValue } from '@shared/front-matter/types'
import { ok, type Result } from '@shared/result'
import { listArticleFiles } from '../article-files'
import { siteRulesForFolder } from '../hugo-site'
import { frontMatterEnd } from '../index/shard-files'
import { maxArticleBytes } from '../store/article-store'
import { openForIndexSync, readTextForIndexSync } from '../store/sync-open'

/** Explicit schema files read from the folder root, in increasing precedence (Folio's own beats Front Matter CMS's). */
const schemaFiles: { file: string; parse: (json: unknown, source: string) => ExplicitParse }[] = [
  { file: 'frontmatter.json', parse: parseFrontMatterCmsConfig },
  { file: '.folio/schema.json', parse: parseFolioSchema },
]

const readBatch = 32

/**
 * One article's front-matter data as last read, with the file's size and mtime to tell when to read it again.
 * NOTE: kept as little as exactly rebuilds the schema (see schemaView): the keys as an index into the shared
 * shapes (a folder's articles share a few key lists) and the values as JSON text, about half the whole object's
 * JSON, in one object per article (the cache of 50,000 articles went from 35 to 23-27 MB, then to about 20 MB).
 * Data holding a number JSON cannot write (`.inf`, `.nan`) is kept as an object, with `shape` -1.
 */
class CachedArticle {
  constructor(
    readonly mtimeMs: number,
    readonly size: number,
    readonly shape: number,
    readonly data: string | Record<string, FrontMatterValue>,
  ) {}
}

/** The key lists of one folder's cached articles, each kept once. */
class KeyShapes {
  private readonly lists: string[][] = []
  private readonly indexes = new Map<string, number>()

  indexOf(keys: string[]): number {
    const id = keys.join('\u0000')
    let index = this.indexes.get(id)
    if (index === undefined) {
      index = this.lists.push(keys) - 1
      this.indexes.set(id, index)
    }
    return index
  }

  keysAt(index: number): string[] {
    return this.lists[index] ?? []
  }
}

/** What a folder schema cache keeps for one folder root. */
interface RootCache {
  articles: Map<string, CachedArticle>
  shapes: KeyShapes
}

function newRootCache(): RootCache {
  return { articles: new Map(), shapes: new KeyShapes() }
}

/**
 * What the schema accumulator takes from one value, and no more: long or multi-line text becomes one shared
 * stand-in, and objects (and lists) below the top-level value become empty, since only top-level values and list
 * items are counted. Summaries and bodies of nested params are most of a cached article otherwise.
 */
function schemaView(value: FrontMatterValue, isTop: boolean): FrontMatterValue {
  if (typeof value === 'string') return isOpenEndedText(value) ? openEndedStandIn : value
  if (Array.isArray(value)) return isTop ? value.map((item) => schemaView(item, false)) : []
  return value !== null && typeof value === 'object' ? {} : value
}

function packed(info: { mtimeMs: number; size: number }, data: Record<string, FrontMatterValue>, shapes: KeyShapes): CachedArticle {
  const keys = Object.keys(data)
  const values = keys.map((key) => schemaView(data[key] ?? null, true))
  if (values.every(isExactInJson)) return new CachedArticle(info.mtimeMs, info.size, shapes.indexOf(keys), flat(JSON.stringify(values)))
  // NOTE: fromEntries defines own properties, so a `__proto__` key stays a key.
  return new CachedArticle(info.mtimeMs, info.size, -1, Object.fromEntries(keys.map((key, i) => [key, values[i] ?? null])))
}

/** False for a number JSON cannot write (`.inf`, `.nan`), at the top or in a list (schemaView leaves nothing deeper). */
function isExactInJson(value: FrontMatterValue): boolean {
  if (typeof value === 'number') return Number.isFinite(value)
  return !Array.isArray(value) || value.every((item) => typeof item !== 'number' || Number.isFinite(item))
}

function unpacked(article: CachedArticle, shapes: KeyShapes): Record<string, FrontMatterValue> {
  if (typeof article.data !== 'string') return article.data
  const values = JSON.parse(article.data) as FrontMatterValue[]
  return Object.fromEntries(shapes.keysAt(article.shape).map((key, i) => [key, values[i] ?? null]))
}

/**
 * `text` as one flat string. NOTE: JSON.stringify's output of a few hundred characters, and many a joined path, is a
 * V8 rope (a tree of cons strings over its parts: two or three more strings per article in a heap snapshot of 50,000);
 * a cache entry kept for the whole session is worth one copy.
 */
function flat(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8')
}

/**
 * Builds folder schemas, remembering each article's data by size and mtime so a rebuild after a save reads only
 * the files that changed (the rest is one stat each). One cache per folder root.
 */
export class FolderSchemaCache {
  private readonly roots = new Map<string, RootCache>()

  /** The schema of `root` (see buildFolderSchema). */
  build(root: string): Promise<Result<FolderSchema>> {
    let cache = this.roots.get(root)
    if (!cache) {
      // NOTE: one folder is open at a time; a cache for another root is dropped rather than kept growing.
      this.roots.clear()
      cache = newRootCache()
      this.roots.set(root, cache)
    }
    return buildFolderSchema(root, cache, { readsSynchronously: true })
  }
}

/**
 * The folder's front-matter schema: per-key statistics over every article's front matter, overlaid with the
 * explicit schema files at the root and the Hugo config's `timeZone`. An unreadable article counts as one without
 * front matter; a broken schema file is reported in `problems` and ignored. Fails only when the root cannot be listed.
 */
export async function buildFolderSchema(root: string, cache: RootCache = newRootCache(), options: BuildOptions = {}): Promise<Result<FolderSchema>> {
  const files = await listArticleFiles(root)
  if (!files.ok) return files
  const accumulator = new SchemaAccumulator()
  if (options.readsSynchronously === true) {
    for (let i = 0; i < files.value.length; i++) {
      accumulator.add(readDataSync(root, files.value[i], cache))
      if (i % filesPerTurn === filesPerTurn - 1) await yieldTurn()
    }
  } else {
    for (let i = 0; i < files.value.length; i += readBatch) {
      const datas = await Promise.all(files.value.slice(i, i + readBatch).map((rel) => readData(root, rel, cache)))
      for (const data of datas) accumulator.add(data)
    }
  }
  const listed = new Set(files.value)
  for (const rel of cache.articles.keys()) if (!listed.has(rel)) cache.articles.delete(rel)
  const explicit = new Map<string, ExplicitField>()
  const sources: string[] = []
  const problems: SchemaProblem[] = []
  for (const { file, parse } of schemaFiles) {
    const text = await readText(root, file)
    if (text === null) continue
    const parsed = parseJson(text)
    const read = parsed.ok ? parse(parsed.value, file) : parsed
    if (!read.ok) {
      problems.push({ file, message: read.message })
      continue
    }
    sources.push(file)
    for (const [key, field] of read.fields) explicit.set(key, field)
  }
  const schema = withExplicitFields(accumulator.finish(), explicit)
  // NOTE: the site's time zone comes from the rulebook's reading of the Hugo config, as the index's does; a config
  // that cannot be used is named with the reason (the form shows schema problems), and dates are read in UTC.
  const site = await siteRulesForFolder(root)
  if (site.problem !== null && site.shownFile !== null) problems.push({ file: site.shownFile, message: site.problem, isSiteConfig: true })
  return ok({ ...schema, sources, problems, siteTimeZone: site.rules.timeZone })
}

/** How a schema is built. */
export interface BuildOptions {
  /**
   * Read articles with synchronous calls, yielding to the event loop every few hundred files. NOTE: for a worker
   * thread (the index shard), where it is ~2.5x faster than a promise per file and leaves less garbage alive.
   */
  readsSynchronously?: boolean
}

const filesPerTurn = 200

function yieldTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

function readDataSync(root: string, rel: string, cache: RootCache): Record<string, FrontMatterValue> {
  // NOTE: one open and fstat, as the index reads: a link or a FIFO planted since the listing is skipped, never followed.
  const opened = openForIndexSync(path.join(root, ...rel.split('/')), root)
  // NOTE: a file that vanished since the listing counts as an article without front matter.
  if (opened.kind !== 'open') return {}
  try {
    const info = opened.stats
    const known = cache.articles.get(rel)
    if (known && known.mtimeMs === info.mtimeMs && known.size === info.size) return unpacked(known, cache.shapes)
    let text: string | null
    try {
      text = info.size > maxArticleBytes ? null : frontMatterTextSync(opened.fd, info.size)
    } catch {
      // NOTE: a file that cannot be read is skipped; the schema is a statistic, not a listing.
      text = null
    }
    return remembered(rel, info, text, cache)
  } finally {
    closeSync(opened.fd)
  }
}

const head = Buffer.allocUnsafe(64 * 1024)

/**
 * An opened article's text up to the end of its front matter, all the schema reads of it; the whole text when that end
 * is not surely found, or the file is larger than 64 KB. NOTE: read into one reused buffer, and the body (most of the
 * text) never decoded: a buffer and a whole string per article made most of the garbage of reading 50,000 articles,
 * and the worker's peak memory came while the schema was built.
 */
function frontMatterTextSync(fd: number, size: number): string {
  if (size > head.length) return readFileSync(fd, 'utf8')
  let n = 0
  while (n < size) {
    const got = readSync(fd, head, n, size - n, n)
    if (got === 0) break
    n += got
  }
  const end = frontMatterEnd(head, n)
  if (end < n) {
    const text = head.toString('utf8', 0, end)
    if (detectBlock(text).kind === 'block') return text
  }
  return head.toString('utf8', 0, n)
}

function remembered(rel: string, info: { mtimeMs: number; size: number }, text: string | null, cache: RootCache): Record<string, FrontMatterValue> {
  const data = text === null ? {} : readFrontMatterData(text).data
  // NOTE: a new key is flattened too (a listed path is often a rope of its folders' names); a known one is kept.
  cache.articles.set(cache.articles.has(rel) ? rel : flat(rel), packed(info, data, cache.shapes))
  return data
}

function readData(root: string, rel: string, cache: RootCache): Promise<Record<string, FrontMatterValue>> {
  // NOTE: the read is the index's (open, fstat, read: a few microseconds); the batch loop yields between batches.
  return Promise.resolve(readDataSync(root, rel, cache))
}

function readText(root: string, rel: string): Promise<string | null> {
  // NOTE: a file that vanished, cannot be read, or is a link or FIFO is skipped; the schema is a statistic.
  return Promise.resolve(readTextForIndexSync(path.join(root, ...rel.split('/')), root, maxArticleBytes)?.text ?? null)
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (error) {
    return { ok: false, message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` }
  }
}

import type { ArticleSummary, BuildStatus } from '@shared/api'
import { oversizeProblem } from '@shared/front-matter/budget'
import { detectBlock } from '@shared/front-matter/detect'
import { parseFrontMatter } from '@shared/front-matter/parse'
import type { FieldInfo, FrontMatterBlock, FrontMatterFormat, FrontMatterValue, ParsedFrontMatter } from '@shared/front-matter/types'
import { countWords } from '@shared/markdown/word-count'
import { buildStatusAt, defaultSiteRules, entriesByLowerKey, entriesOfFields, readHugoPage, type HugoEntry, type HugoSiteRules, type PageDate } from '@shared/hugo'
import { noProblems, type CheckProblem } from './check-problem'
import { scanJsonBlock, scanTomlBlock, scanYamlBlock, type ScannedFields, type ScannedValue } from './summary-scan'

/**
 * The summary keys as the index keeps them, before build status is worked out: `date` and `lastmod` as written,
 * the draft flag and the publish and expiry dates as Hugo reads them (the rulebook, src/shared/hugo), as RFC 3339.
 */
interface SummaryValues {
  title: string | null
  date: string | null
  lastmod: string | null
  publishDate: string | null
  expiryDate: string | null
  isDraft: boolean
  tags: string[]
  categories: string[]
}

/**
 * A copy of `text` that does not share memory with the string it was cut from. NOTE: V8 keeps a substring as a
 * view of its parent, so a title sliced from a file would keep the whole file's text alive as long as the index.
 * A Latin-1 text is copied through its bytes into one flat string; `(' ' + text).slice(1)` (kept for other texts) is
 * itself a 20-byte view of a copy one character longer: ~75,000 of them in each index worker on 50,000 articles.
 * Shorter than 13 characters, a substring is a copy already.
 */
export function detached(text: string): string {
  if (text.length < 13) return text
  return beyondLatin1.test(text) ? (' ' + text).slice(1) : Buffer.from(text, 'latin1').toString('latin1')
}

const beyondLatin1 = /[\u0100-\uffff]/

/**
 * `summary` as a new object with every field in one order (an absent word count or build status as undefined), so the
 * summaries an index keeps for a session share one shape with every field inside the object. NOTE: an object made by
 * structured clone (a batch from a worker) holds only its first four fields inside and the rest in a separate
 * property array, as does an object given a field it was made without (the word count, after the full-text pass):
 * ~60 bytes more a summary, 3 MB on 50,000.
 */
export function shapedSummary(summary: ArticleSummary): ArticleSummary {
  const { path, title, date, isDraft, format, lastmod, tags, categories, wordCount, buildStatus, error } = summary
  const shaped: ArticleSummary = { path, title, date, isDraft, format, lastmod, tags, categories, wordCount, buildStatus }
  if (error !== undefined) shaped.error = error
  return shaped
}

const internTable = new Map<string, string>()
const internLimit = 100_000

/**
 * One shared copy of a tag or category (the same few hundred names recur over thousands of articles); detached like
 * any other kept string. The table stops growing at a limit, so odd folders cost no more than before.
 */
export function interned(text: string): string {
  const known = internTable.get(text)
  if (known !== undefined) return known
  const copy = detached(text)
  if (internTable.size < internLimit) internTable.set(copy, copy)
  return copy
}

const listTable = new Map<string, string[]>()
const noNames: string[] = Object.freeze([]) as unknown as string[]

/**
 * One shared, frozen copy of a list of tag or category names (each interned): a folder's articles share a few
 * category lists and, over 50,000 articles, reuse most tag lists, and each list kept is an array object and its
 * elements (~3 MB of the host's summaries, and as much in the workers). Frozen: a kept summary is never changed in
 * place. The table stops growing at a limit, as `interned`'s.
 */
export function internedList(names: readonly string[]): string[] {
  if (names.length === 0) return noNames
  const key = JSON.stringify(names)
  const known = listTable.get(key)
  if (known !== undefined) return known
  const list = Object.freeze(names.map(interned)) as unknown as string[]
  if (listTable.size < internLimit) listTable.set(key, list)
  return list
}

function detachedOrNull(text: string | null): string | null {
  return text === null ? null : detached(text)
}

function unquote(source: string): string {
  const first = source[0]
  const isQuoted = source.length >= 2 && (first === '"' || first === "'") && source.endsWith(first)
  return isQuoted ? source.slice(1, -1) : source
}

function scannedText(value: ScannedValue | undefined): string | null {
  return value?.kind === 'string' ? value.value : null
}

function scannedList(value: ScannedValue | undefined): string[] {
  if (value === undefined || value.kind === 'boolean') return []
  return value.kind === 'list' ? value.value : [value.value]
}

function isoOf(d: PageDate): string | null {
  return d.date.kind === 'date' ? d.date.iso : null
}

function scannedEntry(key: string, value: ScannedValue): HugoEntry {
  return value.kind === 'string' ? { key, value: value.value, source: value.source } : { key, value: value.value }
}

function fromScan(fields: ScannedFields, format: Exclude<FrontMatterFormat, 'none'>, rules: HugoSiteRules): SummaryValues {
  const entries: HugoEntry[] = []
  for (const key of Object.keys(fields) as (keyof ScannedFields)[]) {
    const value = fields[key]
    if (value !== undefined) entries.push(scannedEntry(key, value))
  }
  const page = readHugoPage(entries, format, rules)
  return {
    title: scannedText(fields.title),
    date: scannedText(fields.date),
    lastmod: scannedText(fields.lastmod) ?? scannedText(fields.modified),
    publishDate: isoOf(page.publishDate),
    expiryDate: isoOf(page.expiryDate),
    isDraft: page.draft,
    tags: scannedList(fields.tags),
    categories: scannedList(fields.categories),
  }
}

function listOf(value: FrontMatterValue | undefined): string[] {
  if (typeof value === 'string') return [value]
  if (!Array.isArray(value)) return []
  return value.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map(String)
}

function asWritten(text: string, field: FieldInfo | undefined): string | null {
  if (field === undefined) return null
  if (typeof field.value !== 'string' && typeof field.value !== 'number') return null
  return unquote(text.slice(field.valueFrom, field.valueTo).trim())
}

/** The full parser's reading, used when the block is not simple enough for the scanner. Also the reference in tests. */
export function summaryValuesByParser(text: string, rules: HugoSiteRules = defaultSiteRules): { values: SummaryValues; error: ArticleSummary['error'] | null } {
  return summaryValuesOfParsed(text, parseFrontMatter(text), rules)
}

/** summaryValuesByParser over a parse already made (`folio check` parses once for its problems and its verdict). */
export function summaryValuesOfParsed(text: string, parsed: ParsedFrontMatter, rules: HugoSiteRules = defaultSiteRules): { values: SummaryValues; error: ArticleSummary['error'] | null } {
  const entries = entriesOfFields(text, parsed.fields)
  const byKey = entriesByLowerKey(entries)
  const field = (key: string): FieldInfo | undefined => parsed.fields.findLast((f) => f.key.toLowerCase() === key)
  const value = (key: string): FrontMatterValue | undefined => byKey.get(key)?.value
  const page = readHugoPage(entries, parsed.format === 'none' ? 'yaml' : parsed.format, rules)
  const title = value('title')
  const values: SummaryValues = {
    title: typeof title === 'string' ? title : null,
    date: asWritten(text, field('date')),
    lastmod: asWritten(text, field('lastmod')) ?? asWritten(text, field('modified')),
    publishDate: isoOf(page.publishDate),
    expiryDate: isoOf(page.expiryDate),
    isDraft: page.draft,
    tags: listOf(value('tags')),
    categories: listOf(value('categories')),
  }
  const first = parsed.errors[0]
  return { values, error: first === undefined ? null : { message: first.message, line: first.line, column: first.column } }
}

function scanBlock(text: string, block: FrontMatterBlock): ScannedFields | null {
  // NOTE: a block past the parse budget goes to the parser, which reports it, so the list and the editor agree.
  if (oversizeProblem(block) !== null) return null
  if (block.format === 'yaml') return scanYamlBlock(text, block)
  if (block.format === 'toml') return scanTomlBlock(text, block)
  return scanJsonBlock(text, block)
}

/**
 * The title the index gives an article of this LF text (see summarizeWithDates), without the dates, draft flag and
 * lists: the search ranks by title, and working out dates cost most of a scan that needed only titles.
 */
export function titleOf(text: string): string | null {
  const found = detectBlock(text)
  if (found.kind === 'none') return null
  if (found.kind === 'block') {
    const scanned = scanBlock(text, found.block)
    if (scanned !== null) return scannedText(scanned.title)
  }
  return summaryValuesByParser(text).values.title
}

/** The body's word count: the shared rule the status bar uses too (see @shared/markdown/word-count). */
export { countWords }

export { bodyStart } from './search-snippet'

function timeOf(iso: string | null): number | null {
  if (iso === null) return null
  // NOTE: `iso` is the rulebook's own RFC 3339 output (Hugo's reading already done), not text a writer typed.
  const ms = Date.parse(iso)
  return Number.isNaN(ms) ? null : ms
}

/**
 * Hugo's build status at `nowMs` (the rulebook's buildStatusAt): `publishDate` and `expiryDate` are the RFC 3339
 * instants Hugo reads (already resolved through its key lists and the site's time zone), or null.
 */
export function buildStatusOf(values: Pick<SummaryValues, 'isDraft' | 'publishDate' | 'expiryDate'>, nowMs: number): BuildStatus {
  return buildStatusAt(values.isDraft, timeOf(values.publishDate), timeOf(values.expiryDate), nowMs)
}

/** An article's summary with the two instants (RFC 3339, as Hugo reads them) its build status also depends on. */
export interface DatedSummary {
  summary: ArticleSummary
  publishDate: string | null
  expiryDate: string | null
}

/**
 * The index's summary of one article's LF text (BOM removed): the fast scanner when the block is simple, else the
 * full front-matter parser, so both give the same values. Never fails; parse problems land in `error`. Counting
 * words costs as much as the rest together, so indexing leaves it out (`withWordCount` false) and adds it later.
 */
export function summarizeForIndex(path: string, text: string, nowMs: number, withWordCount = true, rules: HugoSiteRules = defaultSiteRules): ArticleSummary {
  return summarizeWithDates(path, text, nowMs, withWordCount, rules).summary
}

/** summarizeForIndex, with Hugo's publish and expiry instants (for a cache that works out build status again). */
export function summarizeWithDates(path: string, text: string, nowMs: number, withWordCount: boolean, rules: HugoSiteRules = defaultSiteRules): DatedSummary {
  const found = detectBlock(text)
  let values: SummaryValues | null = null
  let error: ArticleSummary['error'] | null = null
  let bodyFrom = 0
  if (found.kind === 'block') {
    bodyFrom = found.block.to
    const scanned = scanBlock(text, found.block)
    if (scanned !== null) values = fromScan(scanned, found.block.format, rules)
  } else if (found.kind === 'none') {
    values = { title: null, date: null, lastmod: null, publishDate: null, expiryDate: null, isDraft: false, tags: [], categories: [] }
  }
  if (values === null) ({ values, error } = summaryValuesByParser(text, rules))
  const format = found.kind === 'block' ? found.block.format : found.kind === 'unterminated' ? found.format : 'none'
  const dated = datedSummaryOf(path, values, format, nowMs)
  if (withWordCount) dated.summary.wordCount = countWords(text, bodyFrom)
  if (error !== null) dated.summary.error = error
  return dated
}

function datedSummaryOf(path: string, values: SummaryValues, format: FrontMatterFormat, nowMs: number): DatedSummary {
  const summary: ArticleSummary = {
    path,
    title: detachedOrNull(values.title),
    date: detachedOrNull(values.date),
    isDraft: values.isDraft,
    format,
    lastmod: detachedOrNull(values.lastmod),
    tags: internedList(values.tags),
    categories: internedList(values.categories),
    // NOTE: a place for the word count the full-text pass adds (see shapedSummary).
    wordCount: undefined,
    buildStatus: buildStatusOf(values, nowMs),
  }
  return { summary, publishDate: detachedOrNull(values.publishDate), expiryDate: detachedOrNull(values.expiryDate) }
}

/**
 * What `folio check` knows of one article's LF text from ONE full parse: every front-matter error and warning in
 * text order, and the summary (no word count) whose build status is its verdict: the parser's reading through the
 * rulebook, as summaryValuesByParser gives it (the index's fast scanners give the same values; see its tests).
 */
export function checkedSummaryOf(path: string, text: string, nowMs: number, rules: HugoSiteRules = defaultSiteRules): { dated: DatedSummary; problems: readonly CheckProblem[] } {
  const parsed = parseFrontMatter(text)
  const { values, error } = summaryValuesOfParsed(text, parsed, rules)
  const dated = datedSummaryOf(path, values, parsed.format, nowMs)
  if (error !== null) dated.summary.error = error
  if (parsed.errors.length === 0 && parsed.warnings.length === 0) return { dated, problems: noProblems }
  // NOTE: a stable sort: at the same offset an error comes before a warning, as `folio check` always printed them.
  const problems = [...parsed.errors, ...parsed.warnings].sort((a, b) => a.offset - b.offset).map(({ line, column, severity, message }) => ({ line, column, severity, message }))
  return { dated, problems }
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true
  if (a === undefined || b === undefined || a.length !== b.length) return false
  return a.every((item, i) => item === b[i])
}

/** True when two summaries of the same article show the same thing (so a re-read need not be reported). */
export function isSameSummary(a: ArticleSummary, b: ArticleSummary): boolean {
  return a.wordCount === b.wordCount && isSameApartFromWordCount(a, b)
}

/** isSameSummary, leaving the word count aside (the summary pass does not count words; the full-text pass does). */
export function isSameApartFromWordCount(a: ArticleSummary, b: ArticleSummary): boolean {
  const sameError = a.error?.message === b.error?.message && a.error?.line === b.error?.line && a.error?.column === b.error?.column && a.error?.isFileError === b.error?.isFileError && a.error?.isReadOnly === b.error?.isReadOnly
  const sameValues = a.title === b.title && a.date === b.date && a.isDraft === b.isDraft && a.format === b.format && a.lastmod === b.lastmod
  return sameError && sameValues && a.buildStatus === b.buildStatus && sameList(a.tags, b.tags) && sameList(a.categories, b.categories)
}

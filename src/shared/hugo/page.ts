import type { BuildStatus } from '../api'
import { readHugoDate, type HugoDate } from './dates'
import { hugoBool, hugoValueOf, type HugoEntry, type HugoFormat } from './values'

/** The four dates Hugo gives a page. */
export type HugoDateField = 'date' | 'publishDate' | 'lastmod' | 'expiryDate'

/** Site settings the rulebook follows: the config's `timeZone` (null: UTC) and `[frontmatter]` key lists (lower case). */
export interface HugoSiteRules {
  timeZone: string | null
  dateKeys: Readonly<Record<HugoDateField, readonly string[]>>
}

/** Hugo's alias keys (lower case) and the field each one feeds. */
export const hugoDateAliases: Readonly<Record<string, HugoDateField>> = { pubdate: 'publishDate', published: 'publishDate', modified: 'lastmod', unpublishdate: 'expiryDate' }

/**
 * Hugo 0.111's default `[frontmatter]` lists with its aliases added (pagemeta: date ← date, publishDate, lastmod;
 * publishDate ← publishDate, date; lastmod ← lastmod, date, publishDate; expiryDate ← expiryDate), lower case.
 */
export const defaultDateKeys: Readonly<Record<HugoDateField, readonly string[]>> = {
  date: ['date', 'publishdate', 'pubdate', 'published', 'lastmod', 'modified'],
  publishDate: ['publishdate', 'pubdate', 'published', 'date'],
  lastmod: ['lastmod', 'modified', 'date', 'publishdate', 'pubdate', 'published'],
  expiryDate: ['expirydate', 'unpublishdate'],
}

/** The rules of a site without a config: UTC and Hugo's default key lists. */
export const defaultSiteRules: HugoSiteRules = { timeZone: null, dateKeys: defaultDateKeys }

/** The rules of a site whose config names `timeZone` (null: UTC), with Hugo's default key lists. */
export function rulesWithTimeZone(timeZone: string | null): HugoSiteRules {
  return timeZone === null ? defaultSiteRules : { timeZone, dateKeys: defaultDateKeys }
}

/** Every key (lower case) that feeds one of the page's dates under the default rules. */
export const hugoDateKeys: ReadonlySet<string> = new Set(Object.values(defaultDateKeys).flat())

/** A page date and the key (as written) it came from; `key` is null when no key gave a date. */
export interface PageDate {
  date: HugoDate
  key: string | null
}

/** The page as Hugo sees it: its draft flag (and the key it came from) and its four dates. */
export interface HugoPage {
  draft: boolean
  draftKey: string | null
  date: PageDate
  publishDate: PageDate
  lastmod: PageDate
  expiryDate: PageDate
}

/**
 * The entries by lower-case key, the last one winning: Hugo lower-cases front-matter keys and keeps the last of
 * duplicates (YAML and JSON; TOML refuses exact duplicates).
 */
export function entriesByLowerKey(entries: readonly HugoEntry[]): Map<string, HugoEntry> {
  const out = new Map<string, HugoEntry>()
  for (const e of entries) out.set(e.key.toLowerCase(), e)
  return out
}

function pickDate(byKey: Map<string, HugoEntry>, keys: readonly string[], format: HugoFormat, timeZone: string | null): PageDate {
  for (const k of keys) {
    const entry = byKey.get(k)
    if (entry === undefined) continue
    const date = readHugoDate(entry, format, timeZone)
    // NOTE: a value Hugo cannot read as a date is skipped and the next key in the list is tried.
    if (date.kind === 'date') return { date, key: entry.key }
  }
  return { date: { kind: 'none' }, key: null }
}

/** Reads a page's draft flag and dates the way Hugo 0.111 does, from its top-level entries in file order. */
export function readHugoPage(entries: readonly HugoEntry[], format: HugoFormat, rules: HugoSiteRules = defaultSiteRules): HugoPage {
  const byKey = entriesByLowerKey(entries)
  const draft = byKey.get('draft')
  const zone = rules.timeZone
  return {
    draft: draft === undefined ? false : hugoBool(hugoValueOf(draft, format), format),
    draftKey: draft?.key ?? null,
    date: pickDate(byKey, rules.dateKeys.date, format, zone),
    publishDate: pickDate(byKey, rules.dateKeys.publishDate, format, zone),
    lastmod: pickDate(byKey, rules.dateKeys.lastmod, format, zone),
    expiryDate: pickDate(byKey, rules.dateKeys.expiryDate, format, zone),
  }
}

/** Whether Hugo builds the page at `nowMs` (without --buildDrafts/--buildFuture/--buildExpired), and why not. */
export interface HugoVerdict {
  status: BuildStatus
  reasons: string[]
}

function epochOf(d: PageDate): number | null {
  return d.date.kind === 'date' ? d.date.epochMs : null
}

/**
 * The build verdict: `draft` when the draft flag is set, else `expired` when the expiry date has passed, else
 * `future` when the publish date is ahead, else `published`. `reasons` names every cause, in that order.
 */
export function hugoVerdict(page: HugoPage, nowMs: number): HugoVerdict {
  const reasons: string[] = []
  let status: BuildStatus = 'published'
  const expiry = epochOf(page.expiryDate)
  const publish = epochOf(page.publishDate)
  if (publish !== null && publish > nowMs) {
    status = 'future'
    reasons.push(`${page.publishDate.key ?? 'publishDate'} is in the future`)
  }
  if (expiry !== null && expiry < nowMs) {
    status = 'expired'
    reasons.unshift(`${page.expiryDate.key ?? 'expiryDate'} has passed`)
  }
  if (page.draft) {
    status = 'draft'
    reasons.unshift(`${page.draftKey ?? 'draft'} is true`)
  }
  return { status, reasons }
}

/** The build status alone, from compact facts (what the index keeps): draft flag and the two instants, or null. */
export function buildStatusAt(isDraft: boolean, publishMs: number | null, expiryMs: number | null, nowMs: number): BuildStatus {
  if (isDraft) return 'draft'
  if (expiryMs !== null && expiryMs < nowMs) return 'expired'
  if (publishMs !== null && publishMs > nowMs) return 'future'
  return 'published'
}

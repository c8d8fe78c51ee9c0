import { parseHugoDate } from '../markdown/hugo-date'
import type { FrontMatterValue } from './types'

/** Hugo's reserved front-matter keys with a short description, offered when adding a field. */
export const hugoReservedKeys: Readonly<Record<string, string>> = {
  title: 'The page title',
  date: 'The date of the page',
  description: 'Summary for search engines and lists',
  draft: 'Not built unless --buildDrafts',
  lastmod: 'Last modified date',
  publishDate: 'Not built before this date',
  expiryDate: 'Not built after this date',
  weight: 'Sort order in lists (lower first)',
  aliases: 'Old URLs that redirect here',
  slug: 'The last part of the URL',
  url: 'The full path of the page URL',
  summary: 'The summary shown in lists',
  keywords: 'Meta keywords',
  linkTitle: 'A shorter title for links and menus',
  layout: 'The template to render with',
  type: 'The content type (template lookup)',
  tags: 'Taxonomy terms',
  categories: 'Taxonomy terms',
  menus: 'Menu entries for this page',
  params: 'Custom parameters',
  headless: 'A headless bundle is not rendered',
  isCJKLanguage: 'Count words as CJK',
  markup: 'The markup format of the content',
  outputs: 'Output formats to render',
  resources: 'Metadata for page resources',
  sitemap: 'Sitemap settings for this page',
  translationKey: 'Links translations together',
}

/** Hugo's alias keys (lower case) and the reserved key each one means. */
export const hugoKeyAliases: Readonly<Record<string, string>> = {
  pubdate: 'publishDate',
  published: 'publishDate',
  modified: 'lastmod',
  unpublishdate: 'expiryDate',
}

/** What Hugo does with the page today. `reasons` is empty when it builds. */
export interface HugoBuildVerdict {
  willBuild: boolean
  reasons: string[]
}

function lookup(data: Record<string, FrontMatterValue>, names: string[]): { key: string; value: FrontMatterValue } | null {
  for (const [key, value] of Object.entries(data)) if (names.includes(key.toLowerCase())) return { key, value }
  return null
}

/**
 * Whether Hugo builds the page at `now` (without --buildDrafts/--buildFuture/--buildExpired): a draft, a publish
 * date (or `date` without one) in the future, or an expiry date in the past keeps it out. Keys are matched case
 * insensitively with Hugo's aliases (`pubdate`, `published`, `unpublishdate`).
 */
export function hugoBuildVerdict(data: Record<string, FrontMatterValue>, now: Date): HugoBuildVerdict {
  const reasons: string[] = []
  const draft = lookup(data, ['draft'])
  if (draft && (draft.value === true || draft.value === 'true')) reasons.push(`${draft.key} is true`)
  const publish = lookup(data, ['publishdate', 'pubdate', 'published']) ?? lookup(data, ['date'])
  const published = parseHugoDate(publish?.value)
  if (publish && published.kind === 'date' && published.epochMs > now.getTime()) reasons.push(`${publish.key} is in the future`)
  const expiry = lookup(data, ['expirydate', 'unpublishdate'])
  const expires = parseHugoDate(expiry?.value)
  if (expiry && expires.kind === 'date' && expires.epochMs <= now.getTime()) reasons.push(`${expiry.key} has passed`)
  return { willBuild: reasons.length === 0, reasons }
}

/** The reserved key `key` stands for in Hugo (`pubdate` → publishDate), or null when it is not an alias. */
export function hugoAliasOf(key: string): string | null {
  return hugoKeyAliases[key.toLowerCase()] ?? null
}

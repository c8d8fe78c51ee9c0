import type { FrontMatterValue } from '@shared/front-matter/types'
import { escapeHtml } from './escape'
import { entriesByLowerKey, formatHugoDate, hugoVerdict, readHugoDate, readHugoPage, type HugoDate, type HugoEntry, type HugoFormat, type HugoPage, type HugoSiteRules } from '@shared/hugo'
import { decideUrl, isRemoteUrl, schemeOf, type UrlPolicy } from './urls'

/** Options for `renderHeader`: the URL policy of the body, and the clock used for future/expired badges. */
export interface HeaderOptions extends UrlPolicy {
  now?: Date
  /**
   * True when the article is a page bundle's index (`index.md`, `_index.md`): a relative thumbnail is then one of
   * its resources. Otherwise Hugo themes (Mainroad's `thumbnail`) read it from the site root, i.e. `static/`.
   */
  isPageBundle?: boolean
  /**
   * The entries as the rulebook reads them (with source text, so a YAML `draft: yes` reads as Hugo reads it), their
   * format and the site's rules; without it the data is read as YAML values in UTC.
   */
  hugo?: { entries: HugoEntry[]; format: HugoFormat; rules?: HugoSiteRules }
}

type Data = Record<string, FrontMatterValue>

function textOf(value: FrontMatterValue | undefined): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : ''
}

function termsOf(value: FrontMatterValue | undefined): string[] {
  if (typeof value === 'string') return value === '' ? [] : [value]
  return Array.isArray(value) ? value.map(textOf).filter((t) => t !== '') : []
}

function badge(kind: string, label: string, title = ''): string {
  return `<span class="badge badge-${kind}"${title ? ` title="${escapeHtml(title)}"` : ''}>${escapeHtml(label)}</span>`
}

function dateHtml(date: HugoDate): string {
  if (date.kind === 'date') return `<time datetime="${date.iso}" title="Hugo reads ${date.iso}">${formatHugoDate(date)}</time>`
  if (date.kind === 'dropped') return badge('bad-date', 'No date', `Hugo cannot read the date “${date.written}” and silently uses none`)
  return ''
}

function badges(page: HugoPage, now: number): string[] {
  const out: string[] = []
  const { status, reasons } = hugoVerdict(page, now)
  if (page.draft) out.push(badge('draft', 'Draft', reasons[0] ?? ''))
  const publish = page.publishDate.date
  if (publish.kind === 'date' && publish.epochMs > now) out.push(badge('future', 'Future', `Publishes ${publish.iso}`))
  const expiry = page.expiryDate.date
  if (status === 'expired' && expiry.kind === 'date') out.push(badge('expired', 'Expired', `Expired ${expiry.iso}`))
  return out
}

function taxonomy(name: string, label: string, value: FrontMatterValue | undefined): string {
  const terms = termsOf(value)
  if (terms.length === 0) return ''
  const items = terms.map((t) => `<li class="taxonomy-term">${escapeHtml(t)}</li>`).join('')
  return `<div class="article-taxonomy taxonomy-${name}"><span class="taxonomy-label">${label}</span><ul>${items}</ul></div>`
}

function thumbnail(value: FrontMatterValue | undefined, policy: UrlPolicy, isPageBundle: boolean): string {
  const written = typeof value === 'object' && value !== null && !Array.isArray(value) ? textOf(value.src) : textOf(value)
  if (written === '') return ''
  const isRelative = schemeOf(written) === null && !isRemoteUrl(written) && !written.startsWith('/') && !written.startsWith('#')
  const src = isRelative && !isPageBundle ? `/${written}` : written
  const decision = decideUrl(src, 'image', policy)
  if (decision.kind === 'keep') return `<img class="article-thumbnail" src="${escapeHtml(decision.url)}" alt="">`
  if (decision.kind === 'remote-blocked') return `<span class="remote-image" data-remote-src="${escapeHtml(decision.url)}">Remote thumbnail</span>`
  return ''
}

/**
 * Renders the article header from front-matter data: title, date as Hugo reads it (a warning badge when Hugo would
 * drop it), draft/future/expired badges, categories and tags, thumbnail. Every value is escaped; unknown shapes
 * are skipped rather than reported.
 */
export function renderHeader(data: Data, options: HeaderOptions = {}): string {
  const { now = new Date(), isPageBundle = false, hugo, ...policy } = options
  const entries = hugo?.entries ?? Object.entries(data).map(([key, value]) => ({ key, value }))
  const format = hugo?.format ?? 'yaml'
  const page = readHugoPage(entries, format, hugo?.rules)
  const written = entriesByLowerKey(entries).get('date')
  const writtenDate = written === undefined ? null : readHugoDate(written, format, hugo?.rules?.timeZone ?? null)
  // NOTE: Hugo's .Date (which falls back to publishDate or lastmod); a `date` it cannot read gets its badge as well.
  const date = writtenDate?.kind === 'dropped' && page.date.date.kind !== 'date' ? writtenDate : page.date.date
  const title = textOf(data.title)
  const meta = [dateHtml(date), writtenDate?.kind === 'dropped' && date !== writtenDate ? dateHtml(writtenDate) : '', ...badges(page, now.getTime())].filter((p) => p !== '')
  const parts = [
    title ? `<h1 class="article-title">${escapeHtml(title)}</h1>` : '',
    meta.length > 0 ? `<div class="article-meta">${meta.join(' ')}</div>` : '',
    taxonomy('categories', 'Categories', data.categories),
    taxonomy('tags', 'Tags', data.tags),
    thumbnail(data.thumbnail, policy, isPageBundle),
  ].filter((p) => p !== '')
  return `<header class="article-header" data-source-line="1">\n${parts.join('\n')}\n</header>\n`
}

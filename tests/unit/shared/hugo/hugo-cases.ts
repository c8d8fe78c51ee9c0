import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseFrontMatter } from '@shared/front-matter/parse'
import { entriesOfFields, hugoVerdict, readHugoPage, siteRulesFromConfig, type HugoPage } from '@shared/hugo'

/** What Hugo did with one case (tests/fixtures/hugo/verdicts.json, recorded by scripts/record-hugo-verdicts.mjs). */
export interface HugoVerdictRecord {
  error: { line: number | null; column: number | null; message: string } | null
  build?: string
  title?: string
  draft?: boolean
  date?: string | null
  publishDate?: string | null
  expiryDate?: string | null
  lastmod?: string | null
  /** The first 12 characters of the body (Hugo's .RawContent): where the front matter ends. */
  body?: string
  params?: Record<string, string>
}

const dir = join(import.meta.dirname, '../../../fixtures/hugo')

/** The cases by `site/name`, with their site's config text. */
export function loadCases(): Map<string, { config: string; text: string }> {
  const { sites } = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as { sites: Record<string, { config: string; cases: Record<string, string> }> }
  const out = new Map<string, { config: string; text: string }>()
  for (const [site, { config, cases }] of Object.entries(sites)) for (const [name, text] of Object.entries(cases)) out.set(`${site}/${name}`, { config, text })
  return out
}

/** The stored verdicts by `site/name`. */
export function loadVerdicts(): Record<string, HugoVerdictRecord> {
  return (JSON.parse(readFileSync(join(dir, 'verdicts.json'), 'utf8')) as { verdicts: Record<string, HugoVerdictRecord> }).verdicts
}

const iso = (d: HugoPage['date']): string | null => (d.date.kind === 'date' ? d.date.iso : null)

/** Folio's reading of a case in the shape Hugo's verdict has, for comparison. */
export function folioVerdict(config: string, text: string, nowMs: number): HugoVerdictRecord {
  const parsed = parseFrontMatter(text)
  const first = parsed.errors[0]
  if (first !== undefined) return { error: { line: first.line, column: first.column, message: first.message } }
  const { rules } = siteRulesFromConfig('config.toml', config)
  const format = parsed.format === 'none' ? 'yaml' : parsed.format
  const page = readHugoPage(entriesOfFields(text, parsed.fields), format, rules)
  const body = text.slice(parsed.block?.to ?? 0, (parsed.block?.to ?? 0) + 12)
  return { error: null, build: hugoVerdict(page, nowMs).status, draft: page.draft, date: iso(page.date), publishDate: iso(page.publishDate), expiryDate: iso(page.expiryDate), lastmod: iso(page.lastmod), body }
}

/** The fields both sides have, Hugo's record cut down to them. */
export function comparable(hugo: HugoVerdictRecord): HugoVerdictRecord {
  if (hugo.error !== null) return { error: null }
  const { build, draft, date, publishDate, expiryDate, lastmod, body } = hugo
  return { error: null, build, draft, date, publishDate, expiryDate, lastmod, body }
}

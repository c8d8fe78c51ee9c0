import { readDocumentData } from '../front-matter/parse'
import type { FrontMatterValue } from '../front-matter/types'
import { defaultDateKeys, hugoDateAliases, type HugoDateField, type HugoSiteRules } from './page'
import { isKnownTimeZone } from './time-zone'

export { hugoConfigNames } from './config-names'

/** What authoring needs from a Hugo site config; defaults when a key is absent. */
export interface SiteConfig {
  title: string
  theme: string | null
  /** Relative to the site root (Hugo's `contentDir`, default `content`). */
  contentDir: string
  staticDir: string
  /** Front-matter key (the plural) of each taxonomy; Hugo's default is tags and categories. */
  taxonomies: string[]
  /** `[permalinks]` patterns by section (or `page.<section>`), as written. */
  permalinks: Record<string, string>
}

/** Hugo's defaults for a site without a config (or with one that does not parse). */
export const defaultSiteConfig: SiteConfig = { title: '', theme: null, contentDir: 'content', staticDir: 'static', taxonomies: ['tags', 'categories'], permalinks: {} }

type ConfigData = Record<string, FrontMatterValue>

/**
 * A config file's data with keys lower-cased at the top level (Hugo reads config keys in any case), read by the same
 * parsers as front matter (`name` tells the syntax: TOML, JSON, else YAML); an error message when it does not parse.
 */
function readConfigData(name: string, source: string): { data: ConfigData } | { error: string } {
  // NOTE: read as a whole document, not wrapped in fences: a YAML config may itself start with `---`.
  const read = readDocumentData(source, name.endsWith('.toml') ? 'toml' : name.endsWith('.json') ? 'json' : 'yaml')
  if (read.error) return { error: `${read.error.message} (line ${read.error.line})` }
  return { data: lowerKeys(read.data) }
}

function lowerKeys(value: FrontMatterValue | undefined): ConfigData {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) return {}
  const out: ConfigData = {}
  for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k.toLowerCase(), { value: v, enumerable: true, writable: true, configurable: true })
  return out
}

const text = (v: FrontMatterValue | undefined): string | null => (typeof v === 'string' ? v : null)
const firstText = (v: FrontMatterValue | undefined): string | null => (Array.isArray(v) ? text(v[0]) : text(v))
const trimSlashes = (p: string): string => p.replace(/\\/g, '/').replace(/^\.\/|^\/+|\/+$/g, '')
const isRecord = (v: FrontMatterValue | undefined): v is Record<string, FrontMatterValue> => v !== null && typeof v === 'object' && !Array.isArray(v)

function siteConfigOf(data: ConfigData): SiteConfig {
  const { taxonomies, permalinks } = data
  return {
    title: text(data.title) ?? '',
    theme: firstText(data.theme),
    contentDir: contentDirsOf(data)[0] || 'content',
    staticDir: trimSlashes(firstText(data.staticdir) ?? 'static') || 'static',
    taxonomies: isRecord(taxonomies) ? Object.values(taxonomies).flatMap((v) => text(v) ?? []) : defaultSiteConfig.taxonomies,
    permalinks: isRecord(permalinks) ? Object.fromEntries(Object.entries(permalinks).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : []))) : {},
  }
}

/**
 * Reads a Hugo config file's text (`name` says its format) for authoring. Never throws: a file that does not parse
 * gives the defaults and its error message, so authoring still works with Hugo's defaults.
 */
export function parseSiteConfig(name: string, source: string): { config: SiteConfig; error: string | null } {
  const read = readConfigData(name, source)
  if ('error' in read) return { config: defaultSiteConfig, error: `${name}: ${read.error}` }
  return { config: siteConfigOf(read.data), error: null }
}

const fieldNames: Record<string, HugoDateField> = { date: 'date', publishdate: 'publishDate', lastmod: 'lastmod', expirydate: 'expiryDate' }

/** A `[frontmatter]` list with `:default` expanded and aliases added, as Hugo does; `:git`, `:filename` and the like are left out. */
function keyList(field: HugoDateField, value: unknown): readonly string[] {
  if (!Array.isArray(value)) return defaultDateKeys[field]
  const out: string[] = []
  for (const item of value) {
    if (typeof item !== 'string') continue
    const key = item.toLowerCase()
    const expanded = key === ':default' ? defaultDateKeys[field] : key.startsWith(':') ? [] : [key, ...Object.keys(hugoDateAliases).filter((a) => fieldNames[key] !== undefined && hugoDateAliases[a] === fieldNames[key])]
    for (const k of expanded) if (!out.includes(k)) out.push(k)
  }
  return out
}

/**
 * Where a site's pages live (`contentDir`, default `content`, plus each language's own `contentDir`), relative to the
 * site root with `/` separators; a folder that would leave the site (`..`, absolute) is dropped, as Hugo cannot mount it.
 */
function contentDirsOf(data: ConfigData): string[] {
  const main = text(data.contentdir)
  const written = [main === null || main.trim() === '' ? 'content' : main]
  const languages = data.languages
  if (isRecord(languages)) {
    for (const lang of Object.values(languages)) {
      const dir = isRecord(lang) ? text(lowerKeys(lang).contentdir) : null
      if (dir !== null && dir.trim() !== '') written.push(dir)
    }
  }
  // NOTE: `.` is the site root itself (''); an absolute folder or one reaching out with `..` is not the site's.
  const dirs = written
    .filter((d) => !/^([\\/]|[a-z]:)/i.test(d))
    .map((d) => d.split(/[\\/]/).filter((p) => p !== '' && p !== '.'))
    .filter((parts) => !parts.includes('..'))
    .map((parts) => parts.join('/'))
  return [...new Set(dirs.length > 0 ? dirs : ['content'])]
}

function rulesOf(name: string, data: ConfigData): { rules: HugoSiteRules; problem: string | null } {
  const zone = typeof data.timezone === 'string' && data.timezone !== '' ? data.timezone : null
  const fm = lowerKeys(data.frontmatter)
  const dateKeys = {
    date: keyList('date', fm.date),
    publishDate: keyList('publishDate', fm.publishdate),
    lastmod: keyList('lastmod', fm.lastmod),
    expiryDate: keyList('expiryDate', fm.expirydate),
  }
  if (zone !== null && !isKnownTimeZone(zone)) return { rules: { timeZone: null, dateKeys }, problem: `timeZone "${zone}" in ${name} is not a time zone name; Hugo stops, Folio reads dates in UTC` }
  return { rules: { timeZone: zone, dateKeys }, problem: null }
}

/**
 * The rulebook's settings from a site config's text (`name` tells the syntax): `timeZone` and `[frontmatter]`, and
 * the folders that hold the site's pages.
 * A config that does not parse, or a zone name this platform does not know, gives the defaults and a problem.
 */
export function siteRulesFromConfig(name: string, source: string): { rules: HugoSiteRules; problem: string | null; contentDirs: string[] } {
  const read = readConfigData(name, source)
  if ('error' in read) return { rules: { timeZone: null, dateKeys: defaultDateKeys }, problem: `${name} does not parse (${read.error}); dates are read in UTC`, contentDirs: ['content'] }
  return { ...rulesOf(name, read.data), contentDirs: contentDirsOf(read.data) }
}

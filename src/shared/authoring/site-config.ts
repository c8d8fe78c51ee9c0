import { readFrontMatterData } from '../front-matter/parse'
import type { FrontMatterValue } from '../front-matter/types'

/** Hugo's config file names at the site root, in the order Hugo 0.111 looks for them. */
export const hugoConfigNames = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json']

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

export const defaultSiteConfig: SiteConfig = { title: '', theme: null, contentDir: 'content', staticDir: 'static', taxonomies: ['tags', 'categories'], permalinks: {} }

const text = (v: FrontMatterValue | undefined): string | null => (typeof v === 'string' ? v : null)

function firstText(v: FrontMatterValue | undefined): string | null {
  if (Array.isArray(v)) return text(v[0])
  return text(v)
}

/** Picks a key case-insensitively, as Hugo reads its config. */
function pick(data: Record<string, FrontMatterValue>, key: string): FrontMatterValue | undefined {
  const found = Object.keys(data).find((k) => k.toLowerCase() === key.toLowerCase())
  return found === undefined ? undefined : data[found]
}

const trimSlashes = (p: string): string => p.replace(/\\/g, '/').replace(/^\.\/|^\/+|\/+$/g, '')

/**
 * Reads a Hugo config file's text (`name` says its format). Never throws: a file that does not parse gives the defaults
 * and its error message, so authoring still works with Hugo's defaults.
 */
export function parseSiteConfig(name: string, source: string): { config: SiteConfig; error: string | null } {
  const wrapped = name.endsWith('.toml') ? `+++\n${source}\n+++\n` : name.endsWith('.json') ? source : `---\n${source}\n---\n`
  const read = readFrontMatterData(wrapped)
  if (read.error) return { config: defaultSiteConfig, error: `${name}: ${read.error.message}` }
  const data = read.data
  const taxonomies = pick(data, 'taxonomies')
  const permalinks = pick(data, 'permalinks')
  const isRecord = (v: FrontMatterValue | undefined): v is Record<string, FrontMatterValue> => v !== null && typeof v === 'object' && !Array.isArray(v)
  return {
    config: {
      title: text(pick(data, 'title')) ?? '',
      theme: firstText(pick(data, 'theme')),
      contentDir: trimSlashes(text(pick(data, 'contentDir')) ?? 'content') || 'content',
      staticDir: trimSlashes(firstText(pick(data, 'staticDir')) ?? 'static') || 'static',
      taxonomies: isRecord(taxonomies) ? Object.values(taxonomies).flatMap((v) => text(v) ?? []) : defaultSiteConfig.taxonomies,
      permalinks: isRecord(permalinks) ? Object.fromEntries(Object.entries(permalinks).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : []))) : {},
    },
    error: null,
  }
}

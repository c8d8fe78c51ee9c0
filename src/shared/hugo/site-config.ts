import { parse as parseToml } from 'smol-toml'
import { parse as parseYaml } from 'yaml'
import { defaultDateKeys, type HugoDateField, type HugoSiteRules } from './page'
import { hugoDateAliases } from './page'
import { isKnownTimeZone } from './time-zone'

/** Config file names Hugo 0.111 looks for at a site's root, in its order. */
export const hugoConfigNames = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'] as const

function lowerKeys(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {}
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k.toLowerCase()] = v
  return out
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
 * The rulebook's settings from a site config's text (`name` tells the syntax): `timeZone` and `[frontmatter]`.
 * A config that does not parse, or a zone name this platform does not know, gives the defaults and a problem.
 */
export function siteRulesFromConfig(name: string, text: string): { rules: HugoSiteRules; problem: string | null } {
  let data: Record<string, unknown>
  try {
    const raw: unknown = name.endsWith('.toml') ? parseToml(text) : name.endsWith('.json') ? JSON.parse(text) : parseYaml(text)
    data = lowerKeys(raw)
  } catch (error) {
    return { rules: { timeZone: null, dateKeys: defaultDateKeys }, problem: `${name} does not parse (${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'}); dates are read in UTC` }
  }
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

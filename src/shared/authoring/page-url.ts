import type { FrontMatterValue } from '../front-matter/types'
import { hugoPathKey } from '../hugo/urlize'
import { isBranchIndex, isLeafBundleIndex } from './content-lookup'
import { posix } from './posix-path'

/**
 * The URL path Hugo publishes a page at (`/posts/my-post/`), from its content path and front matter: `url` as
 * written, else the section permalink pattern when the site has one (`:year`, `:month`, `:day`, `:section`,
 * `:slug`, `:title`, `:filename`, `:contentbasename`), else its folders and `slug` or name. Null for a section page.
 */
export function pageUrl(contentPath: string, data: Record<string, FrontMatterValue>, permalinks: Record<string, string>): string | null {
  if (isBranchIndex(contentPath)) return null
  if (typeof data.url === 'string' && data.url !== '') return data.url
  const isBundle = isLeafBundleIndex(contentPath)
  const dir = isBundle ? posix.dirname(posix.dirname(contentPath)) : posix.dirname(contentPath)
  const name = isBundle ? posix.basename(posix.dirname(contentPath)) : posix.basename(contentPath).replace(/\.[^.]+$/, '')
  const slug = typeof data.slug === 'string' && data.slug !== '' ? data.slug : null
  const section = contentPath.includes('/') ? contentPath.split('/')[0] : ''
  const pattern = permalinks[section] ?? permalinks[`page.${section}`]
  if (pattern !== undefined && section !== '') {
    const date = typeof data.date === 'string' ? data.date : ''
    const tokens: Record<string, string> = {
      ':year': date.slice(0, 4), ':month': date.slice(5, 7), ':day': date.slice(8, 10), ':section': section,
      ':slug': hugoPathKey(slug ?? (typeof data.title === 'string' ? data.title : name)), ':title': hugoPathKey(typeof data.title === 'string' ? data.title : name),
      ':filename': hugoPathKey(name), ':contentbasename': hugoPathKey(name),
    }
    const url = pattern.replace(/:(year|month|day|section|slug|title|filename|contentbasename)\b/g, (t) => tokens[t] ?? t)
    return (url.startsWith('/') ? url : '/' + url).replace(/\/?$/, '/')
  }
  const segments = [...(dir === '.' ? [] : dir.split('/')), slug ?? name].map(hugoPathKey)
  return '/' + segments.join('/') + '/'
}

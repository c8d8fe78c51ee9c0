import type { AuthoringInfo } from '@shared/authoring/plans'
import { ok, type Result } from '@shared/result'
import type { FolderSession } from '../folder-session'
import type { SiteLayout } from './site-layout'
import { listAll, type AuthoringStore } from './store-port'

/**
 * The sections a new article can go in (first-level folders of the content folder; `_posts` for Jekyll, collections
 * for Astro), the most recently dated first (dates from the folder index, as written), then by name.
 */
export async function authoringInfo(session: FolderSession, store: AuthoringStore, layout: SiteLayout, hasHugo: boolean): Promise<Result<AuthoringInfo>> {
  const listed = await listAll(store)
  if (!listed.ok) return listed
  const prefix = layout.contentDir === '' ? '' : `${layout.contentDir}/`
  const dates = new Map<string, string>()
  const index = session.articleIndex()
  for (const a of index.ok ? index.value.articles : []) if (a.date) dates.set(a.path, a.date)
  const latest = new Map<string, string>()
  for (const path of listed.value) {
    if (!path.startsWith(prefix)) continue
    const rest = path.slice(prefix.length)
    const slash = rest.indexOf('/')
    if (slash < 0) continue
    const section = prefix + rest.slice(0, slash)
    const date = dates.get(path) ?? ''
    if (!latest.has(section) || (latest.get(section) ?? '') < date) latest.set(section, date)
  }
  if (layout.kind === 'jekyll' && !latest.has('_posts')) latest.set('_posts', '')
  const sections = [...latest].sort((a, b) => (a[1] !== b[1] ? (a[1] < b[1] ? 1 : -1) : a[0] < b[0] ? -1 : 1)).map(([s]) => s)
  if (layout.kind !== 'astro') sections.push(layout.contentDir)
  return ok({ layout: layout.kind, contentDir: layout.contentDir, sections, taxonomies: layout.config.taxonomies, hasHugo })
}

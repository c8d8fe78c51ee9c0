import { defaultSiteConfig, hugoConfigNames, parseSiteConfig, type SiteConfig } from '@shared/hugo/site-config'
import { ok, type Result } from '@shared/result'
import type { SiteReader } from './site-reader'

/**
 * What kind of folder is open and where its articles live (folder-relative, '' for the folder itself): a Hugo site
 * (config at the root, content in its contentDir), a Jekyll site (`_posts`), an Astro project (`src/content`), or a
 * plain folder of articles (treated as Hugo content with Hugo's defaults).
 */
export interface SiteLayout {
  kind: 'hugo' | 'jekyll' | 'astro' | 'plain'
  contentDir: string
  config: SiteConfig
  /** The config file read ('' when none), and its parse error (defaults were used then). */
  configFile: string
  configError: string | null
}

/** Reads the layout of the opened folder; failures to read the config fall back to Hugo's defaults. */
export async function readSiteLayout(reader: SiteReader): Promise<Result<SiteLayout>> {
  const candidates = [...hugoConfigNames, ...hugoConfigNames.map((n) => `config/_default/${n}`)]
  for (const name of candidates) {
    const text = await reader.readText(name)
    if (!text.ok) return text
    if (text.value === null) continue
    const parsed = parseSiteConfig(name, text.value)
    return ok({ kind: 'hugo', contentDir: parsed.config.contentDir, config: parsed.config, configFile: name, configError: parsed.error })
  }
  const root = await reader.list('')
  if (!root.ok) return root
  const names = new Set(root.value.map((e) => e.name))
  const plain = { config: defaultSiteConfig, configFile: '', configError: null }
  if (names.has('_config.yml') || names.has('_posts')) return ok({ kind: 'jekyll', contentDir: '', ...plain })
  const src = names.has('src') ? await reader.list('src') : ok([])
  if (src.ok && src.value.some((e) => e.name === 'content' && e.isFolder)) return ok({ kind: 'astro', contentDir: 'src/content', ...plain })
  return ok({ kind: 'plain', contentDir: '', ...plain })
}

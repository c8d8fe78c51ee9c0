import fs from 'node:fs/promises'
import path from 'node:path'
import { fail, ok, type Result } from '@shared/result'
import { isArticleName, listArticleFiles } from '../article-files'
import { errnoToResult } from '../errno'
import { isBundleArticle } from '@shared/article-names'
import { NodeArticleStore } from '../store/node-store'
import type { ExportSource } from './export-articles'
import { findSiteRoot } from './site-files'

/** A group of sources from one command-line argument; `folder` is the content folder it belongs to (real path). */
export interface SourceGroup {
  folder: string
  sources: ExportSource[]
}

async function placeOf(abs: string, siteCache: Map<string, string>): Promise<ExportSource['place']> {
  const articleDir = path.dirname(abs)
  const siteRoot = siteCache.get(articleDir) ?? (await findSiteRoot(articleDir))
  siteCache.set(articleDir, siteRoot)
  return { articleDir, siteRoot, isPageBundle: isBundleArticle(abs) }
}

/**
 * Expands `folio export` arguments: a folder gives every article under it (paths relative to it, prefixed with its
 * name when several arguments are given); a file gives itself (a bundle's `index.md` keeps its folder name). Each
 * is read through an article store: a folder's own, or for a file one over the file's folder, so reads (and a
 * bundle's resources) are confined there as the app's are to the opened folder.
 */
export async function collectSources(args: readonly string[], cwd: string): Promise<Result<SourceGroup[]>> {
  const groups: SourceGroup[] = []
  const siteCache = new Map<string, string>()
  for (const arg of args) {
    const abs = path.resolve(cwd, arg)
    let real: string
    let isDir: boolean
    try {
      real = await fs.realpath(abs)
      isDir = (await fs.stat(real)).isDirectory()
    } catch (error) {
      return errnoToResult(error, 'read', arg)
    }
    const prefix = args.length > 1 ? path.basename(real) + '/' : ''
    if (isDir) {
      const store = await NodeArticleStore.open(real)
      if (!store.ok) return store
      const listed = await listArticleFiles(real)
      if (!listed.ok) return listed
      const sources: ExportSource[] = []
      for (const rel of listed.value) {
        const file = path.join(real, ...rel.split('/'))
        sources.push({ rel: prefix + rel, store: store.value, storePath: rel, abs: file, place: await placeOf(file, siteCache) })
      }
      groups.push({ folder: real, sources })
      continue
    }
    if (!isArticleName(real)) return fail('INVALID_ARGUMENT', `${arg} is not a Markdown article (.md or .markdown)`, { path: arg })
    const name = path.basename(real)
    const rel = isBundleArticle(name) ? `${path.basename(path.dirname(real))}/${name}` : name
    const place = await placeOf(real, siteCache)
    const store = await NodeArticleStore.open(path.dirname(real), { policy: 'any' })
    if (!store.ok) return store
    groups.push({ folder: place.siteRoot, sources: [{ rel, store: store.value, storePath: name, abs: real, place }] })
  }
  return ok(groups)
}

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { isBundleArticle } from '@shared/article-names'
import { collectChunks, streamExportFile, type ExportFile, type ExportSource } from '../../../../src/core/export/index'
import { NodeArticleStore } from '../../../../src/core/store/node-store'
import { repoRootForTests } from './repo-root'

/** The sample site shipped with the repository (read-only in tests: copy it before anything writes). */
export const sampleSite = path.join(repoRootForTests, 'resources', 'sample-content')

/** The news article the issue names, and the page bundle with images. */
export const newsArticle = 'content/posts/2025/is-k-rising-un-warns.md'
export const bundleArticle = 'content/posts/2024/mountain-trip/index.md'

/** A fresh temp folder. */
export function tempDir(prefix = 'folio-export-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

/** A temp copy of the sample site; resolves to its real path. */
export function copySample(): string {
  const dir = tempDir('folio-export-site-')
  fs.cpSync(sampleSite, dir, { recursive: true })
  return fs.realpathSync(dir)
}

/** Every file under `dir`, relative with `/` separators, sorted. */
export function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort()
}

const stores = new Map<string, Promise<NodeArticleStore>>()

/** An article of `root` (the sample site by default) as an export source, read through a store over `root`. */
export async function sourceIn(rel: string, root = sampleSite): Promise<ExportSource> {
  let store = stores.get(root)
  if (store === undefined) {
    store = NodeArticleStore.open(root).then((opened) => {
      if (!opened.ok) throw new Error(opened.error.message)
      return opened.value
    })
    stores.set(root, store)
  }
  const abs = path.join(root, ...rel.split('/'))
  return { rel, store: await store, storePath: rel, abs, place: { articleDir: path.dirname(abs), siteRoot: root, isPageBundle: isBundleArticle(rel) } }
}

/** The bytes of an export file: in memory, or read through its confined stream. */
export async function bytesOf(file: ExportFile): Promise<Uint8Array> {
  const bytes = await collectChunks(streamExportFile(file))
  if (!bytes.ok) throw new Error(bytes.error.message)
  return bytes.value
}

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
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

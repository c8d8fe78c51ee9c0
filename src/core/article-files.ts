import { ok, type Result } from '@shared/result'
import { nodeFs, type FsPort } from './fs-port'
import { listArticlesStreaming } from './store/listing'

export { isArticleName } from '@shared/article-names'
export { isInSkippedFolder, isSkippedFolder } from './store/entry-rules'

/**
 * Lists every article under `root` as relative `/` paths, sorted by code unit: the store's listing (one rule for
 * every listing, see entry-rules), collected. Fails only when the root itself cannot be read.
 */
export async function listArticleFiles(root: string, fs: FsPort = nodeFs): Promise<Result<string[]>> {
  const found: string[] = []
  const listed = await listArticlesStreaming(fs, root, (paths) => {
    for (const rel of paths) found.push(rel)
  })
  if (!listed.ok) return listed
  return ok(found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
}

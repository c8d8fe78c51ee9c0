import { fail, type Result } from '@shared/result'
import { isArticleName } from '@shared/article-names'
import type { ContentRoot } from './content-root'
import { isInSkippedFolder } from './store/entry-rules'

/**
 * Resolves an untrusted article path: confined to the root (see ContentRoot.resolve), and only `.md`/`.markdown`
 * files outside skipped folders (so the API can never touch `.git/hooks` or `node_modules`). INVALID_PATH otherwise.
 */
export async function resolveArticlePath(root: ContentRoot, relPath: unknown): Promise<Result<string>> {
  const abs = await root.resolve(relPath)
  if (!abs.ok) return abs
  const rel = relPath as string
  const segments = rel.split('/')
  if (!isArticleName(segments[segments.length - 1])) return fail('INVALID_PATH', `"${rel}" is not a Markdown article (.md or .markdown).`, { path: rel })
  if (isInSkippedFolder(rel)) return fail('INVALID_PATH', `"${rel}" is inside a folder Folio does not edit.`, { path: rel })
  return abs
}

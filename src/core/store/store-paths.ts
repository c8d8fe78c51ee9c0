import { fail, ok, type Result } from '@shared/result'
import { isArticleName } from '@shared/article-names'
import { splitRelativePath } from '../path-rules'
import { isInSkippedFolder } from './entry-rules'

/**
 * Which paths a store serves: `articles` (the content folder: `.md`/`.markdown` files outside skipped folders, so the
 * API can never touch `.git/hooks` or `node_modules`) or `any` (the CLI on files the user named).
 */
export type StorePathPolicy = 'articles' | 'any'

/**
 * Checks an untrusted relative path and splits it (see splitRelativePath). Under the `articles` policy, a file must
 * be named like an article and no part may be a skipped folder; `isFolderAllowed` lets a folder (a bundle) through.
 */
export function checkStorePath(policy: StorePathPolicy, relPath: unknown, isFolderAllowed = false): Result<string[]> {
  const segments = splitRelativePath(relPath)
  if (!segments.ok || policy === 'any') return segments
  const rel = relPath as string
  const last = segments.value[segments.value.length - 1] ?? ''
  if (!isFolderAllowed && !isArticleName(last)) return fail('INVALID_PATH', `"${rel}" is not a Markdown article (.md or .markdown).`, { path: rel })
  if (isInSkippedFolder(segments.value.join('/'), isFolderAllowed)) return fail('INVALID_PATH', `"${rel}" is inside a folder Folio does not edit.`, { path: rel })
  return ok(segments.value)
}

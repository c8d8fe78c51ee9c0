import { isArticleName, isBundleArticle } from '@shared/article-names'
import { normalizeSegments } from './resolve-url'

/**
 * The folder paths a relative or site-absolute link in an article may point at, most likely first: a Markdown file
 * (`other.md`, as `ref`/`relref` and editors write), or a Hugo pretty URL (`../other/`, `/posts/other/`) as the
 * article file, its bundle's `index.md` or a section's `_index.md`. Relative links are tried against the article's
 * folder, then against its own URL (Hugo resolves `../x/` from `/posts/this-post/`); site-absolute ones under
 * `content/`. Empty for anything else (a scheme, `//host`, `#anchor`, or a path that climbs out of the folder).
 */
export function articleLinkCandidates(articlePath: string, href: string): string[] {
  if (href === '' || href.startsWith('#') || href.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(href)) return []
  const pathPart = href.split(/[?#]/, 1)[0] ?? ''
  let decoded: string[]
  try {
    decoded = pathPart.split('/').map((segment) => decodeURIComponent(segment))
  } catch (error) {
    // NOTE: a malformed escape points nowhere.
    if (error instanceof URIError) return []
    throw error
  }
  if (decoded.some((segment) => segment.includes('\\'))) return []
  const articleSegments = articlePath.split('/')
  const articleDir = articleSegments.slice(0, -1)
  const fileName = articleSegments.at(-1) ?? ''
  const bases: string[][] = pathPart.startsWith('/') ? [['content']] : [articleDir]
  if (!pathPart.startsWith('/') && !isBundleArticle(articlePath)) bases.push([...articleDir, fileName.replace(/\.(md|markdown)$/i, '')])
  const out: string[] = []
  for (const base of bases) {
    const target = normalizeSegments([...base, ...decoded])
    if (target === null || target.length === 0) continue
    const joined = target.join('/')
    const names = isArticleName(joined) ? [joined] : [`${joined}.md`, `${joined}/index.md`, `${joined}/_index.md`]
    for (const name of names) if (!out.includes(name)) out.push(name)
  }
  return out
}

/**
 * The article a link opens: the first candidate the folder holds, else (for `ref "name.md"`, which Hugo looks up
 * anywhere) the one article whose path ends with the link's path. Null when none or several match.
 */
export function findLinkedArticle(candidates: readonly string[], href: string, paths: ReadonlySet<string>): string | null {
  for (const candidate of candidates) if (paths.has(candidate)) return candidate
  const tail = href.split(/[?#]/, 1)[0]?.replace(/^(\.\/)+/, '') ?? ''
  if (!isArticleName(tail) || tail.startsWith('/') || tail.includes('..')) return null
  const matches = [...paths].filter((p) => p === tail || p.endsWith(`/${tail}`))
  return matches.length === 1 ? (matches[0] ?? null) : null
}

import fs from 'node:fs/promises'
import path from 'node:path'
import { hugoConfigNames } from '@shared/hugo/site-config'
import { fail, ok, type Result } from '@shared/result'
import { errnoToResult } from '../errno'

/** The folder to open for an article given from outside (a double-clicked `.md` file), and the article in it. */
export interface ArticleInFolder {
  /** Absolute real path of the content folder. */
  root: string
  /** The article relative to `root`, with `/` separators. */
  article: string
}

async function isFile(file: string): Promise<boolean> {
  return fs.stat(file).then(
    (stats) => stats.isFile(),
    () => false, // NOTE: missing or unreadable: not a config file.
  )
}

async function hasHugoConfig(dir: string): Promise<boolean> {
  for (const name of hugoConfigNames) if (await isFile(path.join(dir, name))) return true
  return false
}

function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}

async function realOrNull(dir: string): Promise<string | null> {
  return fs.realpath(dir).catch(() => null) // NOTE: a recent folder that is gone cannot hold the article.
}

/** The Hugo content folder holding `file`: `<site>/content` when a site config sits above it, else null. */
async function hugoContentFolder(file: string): Promise<string | null> {
  let dir = path.dirname(file)
  for (;;) {
    if (path.basename(dir) === 'content' && (await hasHugoConfig(path.dirname(dir)))) return dir
    if (await hasHugoConfig(dir)) {
      const content = path.join(dir, 'content')
      return isInside(content, file) ? content : dir
    }
    const parent = path.dirname(dir)
    if (parent === dir) return null
    dir = parent
  }
}

/**
 * Which folder opens for an article named from outside: the most specific recent folder holding it (the writer's
 * own choice), else its Hugo site's `content/` folder (or the site root when it lies outside `content/`), else the
 * article's own folder. NOT_FOUND when the file does not exist; INVALID_PATH when it is not a Markdown file.
 */
export async function folderForArticle(file: string, recentRoots: readonly string[]): Promise<Result<ArticleInFolder>> {
  let real: string
  try {
    real = await fs.realpath(file)
  } catch (error) {
    return errnoToResult(error, 'open the article', file)
  }
  if (!(await isFile(real)) || !/\.(md|markdown)$/i.test(real)) return fail('INVALID_PATH', `${file} is not a Markdown file.`, { path: file })
  const recent = (await Promise.all(recentRoots.map(realOrNull))).filter((dir): dir is string => dir !== null && isInside(dir, real))
  const root = recent.sort((a, b) => b.length - a.length)[0] ?? (await hugoContentFolder(real)) ?? path.dirname(real)
  return ok({ root, article: path.relative(root, real).split(path.sep).join('/') })
}

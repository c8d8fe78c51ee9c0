import { stat } from 'node:fs/promises'
import path from 'node:path'
import { parseFrontMatter } from '@shared/front-matter'
import { listArticleFiles } from '../../core/article-files'
import { displayPath, loadArticle } from '../article-io'
import { exitCode, type CliCommand, type CliIo } from '../command'

const usage = 'check <dir|file...>   report front-matter errors and warnings as path:line:col (exit 1 on errors)'

/** Expands the arguments to article files: folders are walked (no symlinks followed, skipping .git, node_modules, public, resources/_gen). */
async function collect(args: string[], io: CliIo): Promise<string[] | null> {
  const files: string[] = []
  for (const arg of args) {
    const abs = path.resolve(io.cwd, arg)
    let isDir: boolean
    try {
      isDir = (await stat(abs)).isDirectory()
    } catch (error) {
      // NOTE: a missing argument is the caller's mistake; reported as a usage error by the caller.
      io.stderr(`folio check: cannot read ${arg}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`)
      return null
    }
    if (!isDir) {
      files.push(abs)
      continue
    }
    const listed = await listArticleFiles(abs)
    if (!listed.ok) {
      io.stderr(`folio check: ${listed.error.message}\n`)
      return null
    }
    files.push(...listed.value.map((rel) => path.join(abs, ...rel.split('/'))))
  }
  return files
}

/** `folio check`: one `path:line:col: error|warning: message` line per problem; clean files print nothing. */
export const checkCommand: CliCommand = {
  name: 'check',
  usage,
  async run(args, io) {
    if (args.length === 0 || args.some((a) => a.startsWith('--'))) {
      io.stderr(`folio check: ${args.length === 0 ? 'missing <dir|file>' : 'unknown option'}\nusage: folio ${usage}\n`)
      return exitCode.usage
    }
    const files = await collect(args, io)
    if (files === null) return exitCode.usage
    let hasError = false
    for (const abs of files) {
      const shown = displayPath(io.cwd, abs)
      const loaded = await loadArticle(abs, shown)
      if (!loaded.ok) {
        hasError = true
        io.stdout(`${shown}:1:1: error: ${loaded.error.message}\n`)
        continue
      }
      const parsed = parseFrontMatter(loaded.value.text)
      if (parsed.errors.length > 0) hasError = true
      for (const d of [...parsed.errors, ...parsed.warnings].sort((a, b) => a.offset - b.offset)) {
        io.stdout(`${shown}:${d.line}:${d.column}: ${d.severity}: ${d.message}\n`)
      }
    }
    return hasError ? exitCode.content : exitCode.ok
  },
}

import { stat } from 'node:fs/promises'
import path from 'node:path'
import { parseFrontMatter } from '@shared/front-matter'
import { listArticleFiles } from '../../core/article-files'
import { checkFolder } from '../../core/check/folder-check'
import type { CheckProblem } from '../../core/check/file-check'
import { displayPath, loadArticle } from '../article-io'
import { exitCode, type CliCommand, type CliIo } from '../command'

const usage = 'check <dir|file...>   report front-matter errors and warnings as path:line:col (exit 1 on errors)'

/** One argument: a file named on the command line (its links followed: the user's choice), or a walked folder. */
type Target = { kind: 'file'; abs: string } | { kind: 'folder'; abs: string; rels: string[] }

/** Expands the arguments: folders are walked (no symlinks followed, skipping .git, node_modules, public, resources/_gen). */
async function collect(args: string[], io: CliIo): Promise<Target[] | null> {
  const targets: Target[] = []
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
      targets.push({ kind: 'file', abs })
      continue
    }
    const listed = await listArticleFiles(abs)
    if (!listed.ok) {
      io.stderr(`folio check: ${listed.error.message}\n`)
      return null
    }
    targets.push({ kind: 'folder', abs, rels: listed.value })
  }
  return targets
}

async function checkOneFile(abs: string, shown: string): Promise<CheckProblem[]> {
  const loaded = await loadArticle(abs, shown)
  if (!loaded.ok) return [{ line: 1, column: 1, severity: 'error', message: loaded.error.message }]
  const parsed = parseFrontMatter(loaded.value.text)
  return [...parsed.errors, ...parsed.warnings].sort((a, b) => a.offset - b.offset)
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
    const targets = await collect(args, io)
    if (targets === null) return exitCode.usage
    let hasError = false
    const report = (shown: string, problems: CheckProblem[]): void => {
      const lines = problems.map((d) => `${shown}:${d.line}:${d.column}: ${d.severity}: ${d.message}\n`)
      if (problems.some((d) => d.severity === 'error')) hasError = true
      if (lines.length > 0) io.stdout(lines.join(''))
    }
    for (const target of targets) {
      if (target.kind === 'file') {
        const shown = displayPath(io.cwd, target.abs)
        report(shown, await checkOneFile(target.abs, shown))
        continue
      }
      // NOTE: a folder is checked through one store rooted there, on worker threads when it is large (as the index).
      const checked = await checkFolder(target.abs, target.rels)
      if (!checked.ok) {
        io.stderr(`folio check: ${checked.error.message}\n`)
        return exitCode.content
      }
      for (const file of checked.value) {
        const shown = displayPath(io.cwd, path.join(target.abs, ...file.rel.split('/')))
        // NOTE: the store names a file by its path in the folder; messages name it as the user sees it.
        report(shown, file.problems.map((p) => ({ ...p, message: p.message.split(`"${file.rel}"`).join(`"${shown}"`) })))
      }
    }
    return hasError ? exitCode.content : exitCode.ok
  },
}

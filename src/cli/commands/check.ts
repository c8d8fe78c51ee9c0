import { realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import type { BuildStatus } from '@shared/api'
import { checkFolder } from '../../core/check/folder-check'
import { checkText, type CheckProblem, type FileCheck } from '../../core/check/file-check'
import { siteRulesForFolderSync } from '../../core/hugo-site'
import { defaultCacheDir } from '../../core/index/summary-cache'
import { displayPath, loadArticle } from '../article-io'
import { exitCode, type CliCommand, type CliIo } from '../command'
import { oneOffPlacement } from './index-folder'

const usage = 'check <dir|file...> [--json] [--no-cache]   report front-matter errors and warnings as path:line:col, and each article\'s Hugo build status (now, site time zone) as path: status; --json: one {path, build, problems} per line (exit 1 on errors); a folder\'s verdicts of unchanged files come from the summary cache folio index keeps'

/** One argument: a file named on the command line (its links followed: the user's choice), or a folder to walk. */
type Target = { kind: 'file'; abs: string } | { kind: 'folder'; abs: string }

/** Sorts the arguments into files and folders; folders are walked later, as they are checked. */
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
    targets.push({ kind: isDir ? 'folder' : 'file', abs })
  }
  return targets
}

async function checkOneFile(abs: string, shown: string): Promise<Omit<FileCheck, 'rel'>> {
  const loaded = await loadArticle(abs, shown)
  if (!loaded.ok) return { problems: [{ line: 1, column: 1, severity: 'error', message: loaded.error.message }], build: 'published' }
  return checkText(loaded.value.text, siteRulesForFolderSync(path.dirname(abs)).rules, Date.now())
}

function summaryLine(builds: Record<BuildStatus, number>, errors: number, warnings: number): string {
  const count = builds.published + builds.draft + builds.future + builds.expired
  return `folio check: ${count} articles, ${builds.published} published, ${builds.draft} drafts, ${builds.future} future, ${builds.expired} expired; ${errors} errors, ${warnings} warnings\n`
}

/**
 * `folio check`: per article, one `path:line:col: error|warning: message` line per problem, then `path: status` with
 * Hugo's build verdict (as `folio index` gives it); with --json one JSON line per article. A summary goes to stderr.
 */
export const checkCommand: CliCommand = {
  name: 'check',
  usage,
  async run(args, io) {
    const isJson = args.includes('--json')
    const isCached = !args.includes('--no-cache')
    const paths = args.filter((a) => a !== '--json' && a !== '--no-cache')
    if (paths.length === 0 || paths.some((a) => a.startsWith('--'))) {
      io.stderr(`folio check: ${paths.length === 0 ? 'missing <dir|file>' : 'unknown option'}\nusage: folio ${usage}\n`)
      return exitCode.usage
    }
    const targets = await collect(paths, io)
    if (targets === null) return exitCode.usage
    let hasError = false
    const builds: Record<BuildStatus, number> = { published: 0, draft: 0, future: 0, expired: 0 }
    let errors = 0
    let warnings = 0
    const report = (shown: string, { problems, build }: Omit<FileCheck, 'rel'>): void => {
      builds[build] += 1
      for (const p of problems) {
        if (p.severity === 'error') errors++
        else warnings++
      }
      if (problems.some((d) => d.severity === 'error')) hasError = true
      if (isJson) out.push(JSON.stringify({ path: shown, build, problems }))
      else out.push(...problems.map((d: CheckProblem) => `${shown}:${d.line}:${d.column}: ${d.severity}: ${d.message}`), `${shown}: ${build}`)
    }
    // NOTE: lines are written per target in one piece (50,000 small writes cost more than the check itself).
    const out: string[] = []
    const flush = (): void => {
      if (out.length > 0) io.stdout(out.join('\n') + '\n')
      out.length = 0
    }
    for (const target of targets) {
      if (target.kind === 'file') {
        const shown = displayPath(io.cwd, target.abs)
        report(shown, await checkOneFile(target.abs, shown))
        flush()
        continue
      }
      // NOTE: a folder is checked by the folder index's shards, on worker threads when it is large (as `folio
      // index`); walked without following links, skipping .git, node_modules, public and resources/_gen. The cache is
      // keyed by the folder's real path, as the app and `folio index` open it.
      const root = await realpath(target.abs)
      const checked = await checkFolder(root, { ...oneOffPlacement(root), cacheDir: isCached ? defaultCacheDir() : null })
      if (!checked.ok) {
        flush()
        io.stderr(`folio check: ${checked.error.message}\n`)
        return exitCode.usage
      }
      for (const file of checked.value) {
        const shown = displayPath(io.cwd, path.join(target.abs, ...file.rel.split('/')))
        // NOTE: the store names a file by its path in the folder; messages name it as the user sees it.
        report(shown, { build: file.build, problems: file.problems.map((p) => ({ ...p, message: p.message.split(`"${file.rel}"`).join(`"${shown}"`) })) })
      }
    }
    flush()
    io.stderr(summaryLine(builds, errors, warnings))
    return hasError ? exitCode.content : exitCode.ok
  },
}

import { parseArgs } from 'node:util'
import { createTwoFilesPatch } from 'diff'
import type { ReplaceQuery } from '@shared/replace/replace-text'
import { sessionReplaceStore } from '../../core/comfort-handlers'
import { defaultStateDir } from '../../core/export/index'
import { FolderSession } from '../../core/folder-session'
import { applyReplace, previewReplace } from '../../core/replace/folder-replace'
import { ReplaceJournalStore } from '../../core/replace/replace-journal'
import { exitCode, type CliCommand, type CliIo } from '../command'
import { folderArg } from '../folder-arg'

const usage = 'replace <dir> <find> <replace> [--regex] [--ignore-case] [--word] [--in body|front-matter|all] [--dry-run]   folder-wide replace; --dry-run prints a unified diff'

type Parsed = { dir: string; query: ReplaceQuery; isDryRun: boolean }

function parse(args: string[]): Parsed | string {
  let parsed
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        regex: { type: 'boolean', default: false },
        'ignore-case': { type: 'boolean', default: false },
        word: { type: 'boolean', default: false },
        in: { type: 'string', default: 'body' },
        'dry-run': { type: 'boolean', default: false },
      },
    })
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
  const { values, positionals } = parsed
  if (positionals.length !== 3) return 'expected <dir>, <find> and <replace>'
  const scope = values.in
  if (scope !== 'body' && scope !== 'front-matter' && scope !== 'all') return '--in takes body, front-matter or all'
  const [dir, find, replace] = positionals as [string, string, string]
  if (find === '') return '<find> must not be empty'
  const query: ReplaceQuery = { find, replace, isRegex: values.regex, isCaseSensitive: !values['ignore-case'], isWholeWord: values.word, scope: scope }
  return { dir, query, isDryRun: values['dry-run'] }
}

/**
 * `folio replace`: replaces text in every article of a folder through the article store (atomic, version-checked),
 * as one journaled operation in the user's state folder; `--dry-run` prints the unified diff and writes nothing.
 * Exit 0 when something matched, 1 when nothing did or a file could not be changed, 2 on a usage error.
 */
export const replaceCommand: CliCommand = {
  name: 'replace',
  usage,
  async run(args, io) {
    const parsed = parse(args)
    if (typeof parsed === 'string') {
      io.stderr(`folio replace: ${parsed}\nusage: folio ${usage}\n`)
      return exitCode.usage
    }
    const root = await folderArg('replace', parsed.dir, io)
    if (root === null) return exitCode.usage
    const opened = await FolderSession.open(root, { index: { cacheDir: null } })
    if (!opened.ok) {
      io.stderr(`folio replace: ${opened.error.message}\n`)
      return exitCode.usage
    }
    try {
      return await runReplace(opened.value, parsed, io)
    } finally {
      await opened.value.dispose()
    }
  },
}

async function runReplace(session: FolderSession, parsed: Parsed, io: CliIo): Promise<number> {
  const store = sessionReplaceStore(session)
  const preview = await previewReplace(store, parsed.query, { maxFiles: Number.POSITIVE_INFINITY, maxChangesPerFile: Number.POSITIVE_INFINITY })
  if (!preview.ok) {
    io.stderr(`folio replace: ${preview.error.message}\n`)
    return preview.error.code === 'INVALID_ARGUMENT' ? exitCode.usage : exitCode.content
  }
  const { files, changeCount, fileCount, failures } = preview.value
  for (const f of failures) io.stderr(`${f.path}: error: ${f.message}\n`)
  for (const f of files) if (f.problem !== undefined) io.stderr(`${f.path}: error: ${f.problem}\n`)
  if (parsed.isDryRun) {
    for (const f of files) {
      const before = (await store.readArticle(f.path))
      if (before.ok && f.after !== undefined) io.stdout(createTwoFilesPatch(`a/${f.path}`, `b/${f.path}`, before.value.text, f.after))
    }
    io.stderr(`folio replace: ${changeCount} change(s) in ${fileCount} of ${preview.value.searched} article(s) (dry run: nothing written)\n`)
    return fileCount > 0 && failures.length === 0 ? exitCode.ok : exitCode.content
  }
  const choices = files.filter((f) => f.problem === undefined).map((f) => ({ path: f.path, version: f.version, changes: 'all' as const }))
  const applied = await applyReplace(store, { query: parsed.query, choices }, new ReplaceJournalStore(defaultStateDir()).forFolder(session.info().root))
  if (!applied.ok) {
    io.stderr(`folio replace: ${applied.error.message}\n`)
    return exitCode.content
  }
  const written = applied.value.outcomes.filter((o) => o.kind === 'written')
  for (const o of applied.value.outcomes) if (o.kind === 'failed') io.stderr(`${o.path}: error: ${o.message}\n`)
  if (written.length > 0) io.stdout(written.map((o) => o.path).join('\n') + '\n')
  io.stderr(`folio replace: ${changeCount} change(s), ${written.length} of ${fileCount} article(s) written\n`)
  return written.length === fileCount && fileCount > 0 && failures.length === 0 ? exitCode.ok : exitCode.content
}

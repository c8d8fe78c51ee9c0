import { parseArgs } from 'node:util'
import { applyMove, planMove } from '../../core/authoring/move-article'
import { exitCode, type CliCommand } from '../command'
import { exitFor, folderPathArg, openAuthoring } from '../authoring-context'

const usage = 'mv <dir> <from> <to> [--dry-run] [--alias]   move or rename an article (a bundle whole), rewriting every link to it'

function usageError(stderr: (text: string) => void, message: string): number {
  stderr(`folio mv: ${message}\nusage: folio ${usage}\n`)
  return exitCode.usage
}

/** `folio mv`: moves an article and rewrites links across the folder; `--dry-run` prints the files and diffs only. */
export const moveCommand: CliCommand = {
  name: 'mv',
  usage,
  async run(args, io) {
    let parsed
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { 'dry-run': { type: 'boolean' }, alias: { type: 'boolean' } } })
    } catch (error) {
      return usageError(io.stderr, (error as Error).message)
    }
    const [dir, fromArg, toArg] = parsed.positionals
    if (dir === undefined || fromArg === undefined || toArg === undefined || parsed.positionals.length > 3) return usageError(io.stderr, 'expected <dir> <from> <to>')
    const context = await openAuthoring(io.cwd, dir, io.trasher)
    if (!context.ok) return usageError(io.stderr, context.error.message)
    const { root, store, reader, layout } = context.value
    const from = folderPathArg(root, io.cwd, fromArg)
    const to = folderPathArg(root, io.cwd, toArg)
    if (!from.ok || !to.ok) return usageError(io.stderr, (!from.ok ? from : (to as { ok: false; error: { message: string } })).error.message)
    const request = { from: from.value, to: to.value + (toArg.endsWith('/') && !to.value.endsWith('/') ? '/' : ''), addAlias: parsed.values.alias === true }
    const prepared = await planMove(store, reader, layout, request)
    if (!prepared.ok) {
      io.stderr(`folio mv: ${prepared.error.message}\n`)
      return exitFor(prepared.error.code)
    }
    const plan = prepared.value.plan
    if (parsed.values['dry-run'] === true) {
      for (const f of plan.files) io.stdout(f.diff !== '' ? f.diff : `rename ${f.path} => ${f.newPath}\n`)
      for (const c of plan.carried) io.stdout(`carry ${c}\n`)
    } else {
      const applied = await applyMove(store, reader, layout, { ...request, digest: plan.digest })
      if (!applied.ok) {
        io.stderr(`folio mv: ${applied.error.message}\n`)
        return exitFor(applied.error.code)
      }
    }
    const changed = plan.files.filter((f) => f.diff !== '' && f.path !== plan.from).length
    const alias = plan.isAliasAdded ? `; ${plan.oldUrl} added to aliases` : plan.oldUrl !== null ? `; its URL changes from ${plan.oldUrl} (add --alias to keep it working)` : ''
    io.stderr(`${parsed.values['dry-run'] === true ? 'would move' : 'moved'} ${plan.from} -> ${plan.to}: ${plan.linkCount} link(s) rewritten in ${changed} other file(s)${alias}\n`)
    return exitCode.ok
  },
}

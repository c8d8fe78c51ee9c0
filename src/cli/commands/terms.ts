import { parseArgs } from 'node:util'
import { applyRetag, listTerms, planRetag } from '../../core/authoring/retag'
import { exitCode, type CliCommand } from '../command'
import { exitFor, openAuthoring } from '../authoring-context'

const termsUsage = 'terms <dir> <taxonomy>   count<TAB>term per term, grouped as Hugo groups them, most used first'
const retagUsage = 'retag <dir> <taxonomy> <old> <new> [--dry-run]   rename or merge a term (case variants included) in every article'

/** `folio terms`: the taxonomy's terms with their article counts. */
export const termsCommand: CliCommand = {
  name: 'terms',
  usage: termsUsage,
  async run(args, io) {
    if (args.length !== 2 || args.some((a) => a.startsWith('--'))) {
      io.stderr(`folio terms: expected <dir> <taxonomy>\nusage: folio ${termsUsage}\n`)
      return exitCode.usage
    }
    const context = await openAuthoring(io.cwd, args[0])
    if (!context.ok) {
      io.stderr(`folio terms: ${context.error.message}\n`)
      return exitCode.usage
    }
    const terms = await listTerms(context.value.store, args[1])
    if (!terms.ok) {
      io.stderr(`folio terms: ${terms.error.message}\n`)
      return exitFor(terms.error.code)
    }
    for (const t of terms.value) io.stdout(`${t.articles.length}\t${t.term}\n`)
    return exitCode.ok
  },
}

/** `folio retag`: renames or merges a term across the folder, losslessly; prints the files changed (diffs with --dry-run). */
export const retagCommand: CliCommand = {
  name: 'retag',
  usage: retagUsage,
  async run(args, io) {
    let parsed
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { 'dry-run': { type: 'boolean' } } })
    } catch (error) {
      io.stderr(`folio retag: ${(error as Error).message}\nusage: folio ${retagUsage}\n`)
      return exitCode.usage
    }
    const [dir, taxonomy, from, to] = parsed.positionals
    if (dir === undefined || taxonomy === undefined || from === undefined || to === undefined || parsed.positionals.length > 4) {
      io.stderr(`folio retag: expected <dir> <taxonomy> <old> <new>\nusage: folio ${retagUsage}\n`)
      return exitCode.usage
    }
    const context = await openAuthoring(io.cwd, dir)
    if (!context.ok) {
      io.stderr(`folio retag: ${context.error.message}\n`)
      return exitCode.usage
    }
    const isDryRun = parsed.values['dry-run'] === true
    const plan = isDryRun ? await planRetag(context.value.store, taxonomy, from, to) : await applyRetag(context.value.store, taxonomy, from, to)
    if (!plan.ok) {
      io.stderr(`folio retag: ${plan.error.message}\n`)
      return exitFor(plan.error.code)
    }
    for (const f of plan.value.files) io.stdout(isDryRun ? f.diff : `${f.path}\n`)
    io.stderr(`${isDryRun ? 'would change' : 'changed'} ${plan.value.files.length} file(s)\n`)
    return exitCode.ok
  },
}

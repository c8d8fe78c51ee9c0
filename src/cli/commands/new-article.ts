import { parseArgs } from 'node:util'
import { checkName } from '@shared/authoring/article-name'
import { createArticle } from '../../core/authoring/create-article'
import { hugoIfInstalled } from '../../core/authoring/hugo-runner'
import { prepareNewArticle } from '../../core/authoring/new-article'
import { readFolderSchema } from '../../core/authoring/open-store'
import { exitCode, type CliCommand } from '../command'
import { exitFor, openAuthoring } from '../authoring-context'

const usage = 'new <dir> <section/name.md | section/name/> [--kind K] [--title T]   create an article from the archetypes (exit 1 if it exists)'

function usageError(stderr: (text: string) => void, message: string): number {
  stderr(`folio new: ${message}\nusage: folio ${usage}\n`)
  return exitCode.usage
}

/** `folio new`: creates an article as `hugo new` would (Hugo when installed), never over an existing file; prints its path. */
export const newCommand: CliCommand = {
  name: 'new',
  usage,
  async run(args, io) {
    let parsed
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { kind: { type: 'string' }, title: { type: 'string' } } })
    } catch (error) {
      return usageError(io.stderr, (error as Error).message)
    }
    const [dir, target] = parsed.positionals
    if (dir === undefined || target === undefined || parsed.positionals.length > 2) return usageError(io.stderr, 'expected <dir> and <section/name.md>')
    const isBundle = target.endsWith('/')
    const relative = target.replace(/\\/g, '/').replace(/^\.?\/+/, '').replace(/\/+$/, '')
    for (const segment of relative.split('/')) {
      const named = checkName(segment)
      if (!named.ok) return usageError(io.stderr, named.error.message)
    }
    if (!isBundle && !/\.(md|markdown)$/i.test(relative)) return usageError(io.stderr, `"${target}" must end in .md (or / for a page bundle)`)
    const context = await openAuthoring(io.cwd, dir, io.trasher)
    if (!context.ok) return usageError(io.stderr, context.error.message)
    const { store, reader, layout } = context.value
    const contentPath = isBundle ? `${relative}/index.md` : relative
    const folderPath = layout.contentDir === '' ? contentPath : `${layout.contentDir}/${contentPath}`
    const plan = await prepareNewArticle(reader, layout, { path: folderPath, kind: parsed.values.kind, title: parsed.values.title }, { now: new Date(), hugo: await hugoIfInstalled(), schema: () => readFolderSchema(context.value.root) })
    if (!plan.ok) {
      io.stderr(`folio new: ${plan.error.message}\n`)
      return exitFor(plan.error.code)
    }
    for (const u of plan.value.unrendered) io.stderr(`folio new: warning: ${plan.value.archetype}:${u.line}: ${u.action} was left out (${u.reason})\n`)
    const created = await createArticle(store, context.value.assets, plan.value)
    if (!created.ok) {
      const message = created.error.code === 'CONFLICT' ? `${folderPath} already exists; nothing was written` : created.error.message
      io.stderr(`folio new: ${message}\n`)
      return exitCode.content
    }
    io.stdout(`${created.value}\n`)
    return exitCode.ok
  },
}

import { planDelete, trashArticle } from '../../core/authoring/delete-article'
import { exitCode, type CliCommand } from '../command'
import { exitFor, folderPathArg, openAuthoring } from '../authoring-context'

const usage = 'rm <dir> <path>   move an article (a bundle whole) to the system trash, listing the links that break'

/** `folio rm`: lists the links that will break, then sends the article to the system trash (never deleted for good). */
export const removeCommand: CliCommand = {
  name: 'rm',
  usage,
  async run(args, io) {
    if (args.length !== 2 || args.some((a) => a.startsWith('--'))) {
      io.stderr(`folio rm: expected <dir> <path>\nusage: folio ${usage}\n`)
      return exitCode.usage
    }
    const context = await openAuthoring(io.cwd, args[0], io.trasher)
    if (!context.ok) {
      io.stderr(`folio rm: ${context.error.message}\n`)
      return exitCode.usage
    }
    const { root, store, reader, layout } = context.value
    const path = folderPathArg(root, io.cwd, args[1])
    if (!path.ok) {
      io.stderr(`folio rm: ${path.error.message}\n`)
      return exitCode.usage
    }
    const plan = await planDelete(store, reader, layout, path.value)
    if (!plan.ok) {
      io.stderr(`folio rm: ${plan.error.message}\n`)
      return exitFor(plan.error.code)
    }
    for (const link of plan.value.inbound) io.stdout(`${link.path}:${link.line}: broken link: ${link.value}\n`)
    const trashed = await trashArticle(store, path.value)
    if (!trashed.ok) {
      io.stderr(`folio rm: ${trashed.error.message}\n`)
      return exitFor(trashed.error.code)
    }
    io.stderr(`moved ${trashed.value.trashed} to the trash (${plan.value.files.length} file(s)); ${plan.value.inbound.length} link(s) to it now broken\n`)
    return exitCode.ok
  },
}

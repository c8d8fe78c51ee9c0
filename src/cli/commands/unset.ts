import { unsetValue } from '@shared/front-matter'
import { exitCode, type CliCommand } from '../command'
import { editFiles } from '../edit-files'
import { parseKeyPath } from '../key-path-arg'

const usage = 'unset <file...> key.path [--dry-run]   remove a front-matter key (with the comment lines above it)'

/** `folio unset`: removes one key from each file; files without it are left untouched. */
export const unsetCommand: CliCommand = {
  name: 'unset',
  usage,
  async run(args, io) {
    const isDryRun = args.includes('--dry-run')
    const rest = args.filter((a) => a !== '--dry-run')
    const unknown = rest.find((a) => a.startsWith('--'))
    const keyArg = rest[rest.length - 1]
    const files = rest.slice(0, -1)
    const path = keyArg === undefined ? null : parseKeyPath(keyArg)
    if (unknown !== undefined || files.length === 0 || path === null || !path.ok) {
      const why = unknown !== undefined ? `unknown option ${unknown}` : path && !path.ok ? path.error.message : 'missing <file> or key.path'
      io.stderr(`folio unset: ${why}\nusage: folio ${usage}\n`)
      return exitCode.usage
    }
    const keyPath = path.value
    return editFiles('unset', files, [(text) => unsetValue(text, keyPath)], isDryRun, io)
  },
}

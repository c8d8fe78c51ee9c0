import path from 'node:path'
import { formatPath, parseFrontMatter, valueAt } from '@shared/front-matter'
import { displayPath, loadArticle } from '../article-io'
import { exitCode, type CliCommand } from '../command'
import { parseKeyPath } from '../key-path-arg'

const usage = 'get <file> [key.path]   print the front matter (or one value) as JSON'

/** `folio get`: prints a value as JSON; exit 1 when the front matter has errors or the key is missing. */
export const getCommand: CliCommand = {
  name: 'get',
  usage,
  async run(args, io) {
    const [file, key, ...extra] = args
    const keyPath = key === undefined ? null : parseKeyPath(key)
    if (file === undefined || file.startsWith('--') || extra.length > 0 || (keyPath !== null && !keyPath.ok)) {
      const why = keyPath !== null && !keyPath.ok ? keyPath.error.message : file === undefined ? 'missing <file>' : 'too many arguments'
      io.stderr(`folio get: ${why}\nusage: folio ${usage}\n`)
      return exitCode.usage
    }
    const abs = path.resolve(io.cwd, file)
    const shown = displayPath(io.cwd, abs)
    const loaded = await loadArticle(abs, shown)
    if (!loaded.ok) {
      io.stderr(`folio get: ${loaded.error.message}\n`)
      return loaded.error.code === 'NOT_FOUND' ? exitCode.usage : exitCode.content
    }
    const parsed = parseFrontMatter(loaded.value.text)
    const error = parsed.errors[0]
    if (error) {
      io.stderr(`${shown}:${error.line}:${error.column}: error: ${error.message}\n`)
      return exitCode.content
    }
    const value = keyPath === null ? parsed.data : valueAt(parsed.data, keyPath.value)
    if (value === undefined) {
      io.stderr(`folio get: ${shown} has no ${formatPath(keyPath?.ok ? keyPath.value : [])}\n`)
      return exitCode.content
    }
    io.stdout(JSON.stringify(value, null, 2) + '\n')
    return exitCode.ok
  },
}

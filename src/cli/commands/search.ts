import type { SearchHit } from '@shared/api'
import { searchFolderOnce } from '../../core/index/folder-search'
import { claimIndexSave } from '../../core/index/search-cache'
import { defaultCacheDir } from '../../core/index/cache-place'
import { exitCode, type CliCommand } from '../command'
import { folderArg } from '../folder-arg'

/** From how many articles a search that read the whole folder saves a search index in the background. */
export const backgroundIndexFrom = 2000

const usage = 'search <dir> <query> [--json] [--limit N] [--save-index]   full-text search: every word must occur (exit 1 when none); --save-index keeps a search index in the cache folder that later searches use (a search of 2,000 articles or more without one saves it in the background)'

function markedSnippet(hit: SearchHit): string {
  const snippet = hit.snippets[0]
  if (snippet === undefined) return ''
  let out = ''
  let at = 0
  for (const [from, to] of snippet.highlights) {
    if (from < at) continue
    out += `${snippet.text.slice(at, from)}[${snippet.text.slice(from, to)}]`
    at = to
  }
  return out + snippet.text.slice(at)
}

function parseArgs(args: string[]): { dir: string; query: string; isJson: boolean; limit: number; saveIndex: boolean } | string {
  const positional: string[] = []
  let isJson = false
  let saveIndex = false
  let limit = 50
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg === '--json') isJson = true
    else if (arg === '--save-index') saveIndex = true
    else if (arg === '--limit') {
      limit = Number(args[++i])
      if (!Number.isInteger(limit) || limit < 1) return '--limit takes a whole number above 0'
    } else if (arg.startsWith('--')) return `unknown option ${arg}`
    else positional.push(arg)
  }
  if (positional.length !== 2) return 'expected <dir> and <query>'
  return { dir: positional[0], query: positional[1], isJson, limit, saveIndex }
}

/** `folio search`: matching articles on stdout (JSON lines with --json: path, title, snippets), a count on stderr. */
export const searchCommand: CliCommand = {
  name: 'search',
  usage,
  async run(args, io) {
    const parsed = parseArgs(args)
    if (typeof parsed === 'string') {
      io.stderr(`folio search: ${parsed}\nusage: folio ${usage}\n`)
      return exitCode.usage
    }
    const root = await folderArg('search', parsed.dir, io)
    if (root === null) return exitCode.usage
    // NOTE: a one-off search reads every article once (on worker threads for a large folder) rather than building
    // the folder index, which also summarizes every article and keeps every word: several times the work. A search
    // index saved in the cache folder (--save-index) answers instead, reading only the files changed since.
    const cacheDir = defaultCacheDir()
    if (parsed.saveIndex && cacheDir === null) io.stderr('folio search: the cache folder is off (FOLIO_CACHE_DIR), so no search index is saved\n')
    let listed = 0
    const result = await searchFolderOnce(root, parsed.query, parsed.limit, { cacheDir, saveIndex: parsed.saveIndex, onFullScan: (count) => (listed = count) })
    if (!result.ok) {
      io.stderr(`folio search: ${result.error.message}\n`)
      return exitCode.content
    }
    const { hits, total } = result.value
    const lines = hits.map((h) => (parsed.isJson ? JSON.stringify(h) : `${h.path}\t${markedSnippet(h)}`))
    if (lines.length > 0) io.stdout(lines.join('\n') + '\n')
    io.stderr(`folio search: ${total} matching article(s)${total > hits.length ? `, showing ${hits.length}` : ''}\n`)
    if (result.value.note !== undefined) io.stderr(`folio search: ${result.value.note}\n`)
    // NOTE: a large folder read whole (no saved index yet) gets one, saved by a background job once this answer is
    // out, so this search is no slower and the next ones read only what changed (as `git gc --auto` does).
    if (cacheDir !== null && listed >= backgroundIndexFrom && io.startInBackground !== undefined && claimIndexSave(cacheDir, root)) {
      io.startInBackground(['search', root, parsed.query, '--save-index'])
      io.stderr('folio search: saving a search index in the cache folder in the background, for faster searches of this folder\n')
    }
    const code = total > 0 ? exitCode.ok : exitCode.content
    // NOTE: nothing is left running (a scan worker is only being stopped; a background save is its own process).
    io.exitNow?.(code)
    return code
  },
}

// Folder-wide replace benchmark (issue 19): a make-corpus folder (50,000 articles unless BENCH_ARTICLES says
// otherwise) in a temp dir; the dry run of `folio replace` (list, read every article through the article store,
// match, build every change's before/after line and the new text) for a few patterns, each as a ratio to `rg` on the
// same pattern with the same output (every matching line; skipped when rg is absent). Medians of 3 runs, warm cache.
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sessionReplaceStore } from '../src/core/comfort-handlers.ts'
import { FolderSession } from '../src/core/folder-session.ts'
import { previewReplace } from '../src/core/replace/folder-replace.ts'
import { record } from './report.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const articles = Number(process.env.BENCH_ARTICLES ?? 50000)
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-bench-replace-'))
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const fmt = (ms) => `${ms.toFixed(0)} ms`
const patterns = [
  { name: 'word "council"', query: { find: 'council', replace: 'assembly', isRegex: false, isCaseSensitive: true, isWholeWord: false, scope: 'body' }, rg: ['-F', 'council'] },
  { name: 'regex "(\\w+) crisis"', query: { find: '(\\w+) crisis', replace: '$1 emergency', isRegex: true, isCaseSensitive: true, isWholeWord: false, scope: 'body' }, rg: ['(\\w+) crisis'] },
  { name: 'absent "zzzznotaword"', query: { find: 'zzzznotaword', replace: 'x', isRegex: false, isCaseSensitive: true, isWholeWord: false, scope: 'body' }, rg: ['-F', 'zzzznotaword'] },
]

try {
  const corpus = path.join(work, 'site')
  execFileSync(process.execPath, [[path.join(root, '../shared/tools/make-corpus.mjs'), path.join(root, 'tests/support/make-corpus.mjs')].find((p) => fs.existsSync(p)), corpus, '--articles', String(articles)], { stdio: 'ignore' })
  const opened = await FolderSession.open(corpus, { index: { cacheDir: null } })
  if (!opened.ok) throw new Error(opened.error.message)
  const store = sessionReplaceStore(opened.value)
  const limits = { maxFiles: Number.POSITIVE_INFINITY, maxChangesPerFile: Number.POSITIVE_INFINITY }
  const hasRg = spawnSync('rg', ['--version']).status === 0
  console.log(`corpus: ${articles} articles, ${os.cpus().length} cores`)
  for (const p of patterns) {
    const times = []
    let preview = null
    for (let run = 0; run < 3; run++) {
      const t = performance.now()
      preview = await previewReplace(store, p.query, limits)
      times.push(performance.now() - t)
      if (!preview.ok) throw new Error(preview.error.message)
    }
    const ms = median(times)
    let line = `replace dry-run ${p.name}: ${fmt(ms)} (${preview.value.changeCount} changes in ${preview.value.fileCount} articles)`
    let rgMs = null
    if (hasRg) {
      const rgTimes = []
      for (let run = 0; run < 3; run++) {
        const t = performance.now()
        spawnSync('rg', ['-n', '--no-messages', '--glob', '*.md', ...p.rg, corpus], { maxBuffer: 1 << 30 })
        rgTimes.push(performance.now() - t)
      }
      rgMs = median(rgTimes)
      line += `; rg ${fmt(rgMs)}; ratio ${(ms / rgMs).toFixed(1)}x rg`
    }
    console.log(line)
    // NOTE: issue 19 sets no ratio goal for replace; the figure is recorded so the next round can compare.
    record({ bench: `replace ${articles}`, figure: `replace dry run, ${p.name}`, value: ms, unit: 'ms', baseline: hasRg ? 'rg -n, same pattern' : null, baselineValue: rgMs })
  }
  await opened.value.dispose()
} finally {
  fs.rmSync(work, { recursive: true, force: true })
}

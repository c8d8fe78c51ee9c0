// Folder index benchmark (issue 7): a make-corpus folder (50,000 articles unless BENCH_ARTICLES says otherwise) in
// a temp dir; in fresh child processes: the plain read of every file (the floor, before and after), the cold index,
// the reopen with a valid summary cache, the full-text index, warm search latency and peak RSS; then `rg` on the
// same folder for the ratio (skipped when rg is absent).
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { hostNodeFlags } from '../scripts/host-flags.mjs'
import { record } from './report.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const articles = Number(process.env.BENCH_ARTICLES ?? 50000)
const queries = ['council', 'summit crisis', 'elec', 'zzzznotaword']
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-bench-index-'))
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const fmt = (ms) => `${ms.toFixed(ms < 10 ? 1 : 0)} ms`

try {
  const corpus = path.join(work, 'site')
  execFileSync(process.execPath, [[path.join(root, '../shared/tools/make-corpus.mjs'), path.join(root, 'tests/support/make-corpus.mjs')].find((p) => fs.existsSync(p)), corpus, '--articles', String(articles)], { stdio: 'ignore' })
  // NOTE: bundled like the app ships it, so the shards run as plain-JS worker threads (no TypeScript loader).
  const out = path.join(work, 'bundle')
  await build({
    entryPoints: { 'article-index': path.join(root, 'src/core/index/article-index.ts'), 'index-worker': path.join(root, 'src/core/index/index-worker.ts'), 'shard-files': path.join(root, 'src/core/index/shard-files.ts') },
    outdir: out, outExtension: { '.js': '.mjs' }, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external',
    alias: { '@shared': path.join(root, 'src/shared') }, logLevel: 'warning', splitting: true,
  })
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(work, 'node_modules'))
  const cacheDir = path.join(work, 'cache')
  const runChild = (mode, env = {}) => {
    // NOTE: with the host's V8 flags, as the app's index runs in the process that hosts the folder.
    const child = spawnSync(process.execPath, [...hostNodeFlags, path.join(root, 'bench/index-child.mjs'), mode, path.join(out, 'article-index.mjs'), corpus, JSON.stringify(queries)], { encoding: 'utf8', env: { ...process.env, ...env } })
    if (child.status !== 0) throw new Error(`${mode} child failed: ${child.stderr}`)
    return JSON.parse(child.stdout.trim().split('\n').at(-1))
  }
  // NOTE: read floor, index, read floor again: the machine's load drifts, so the floor beside the index is their mean.
  const before = runChild('read')
  // NOTE: the cold run starts with an empty summary cache and fills it; the reopen run finds every file unchanged.
  const r = { ...runChild('index', { BENCH_CACHE_DIR: cacheDir }), files: before.files, bytes: before.bytes }
  const reopen = runChild('index', { BENCH_CACHE_DIR: cacheDir })
  const after = runChild('read')
  const heads = runChild('heads')
  r.readMs = (before.readMs + after.readMs) / 2
  console.log(`read floor runs: ${fmt(before.readMs)} before, ${fmt(after.readMs)} after the index`)
  console.log(`corpus: ${r.files} articles, ${(r.bytes / 1e6).toFixed(0)} MB, ${os.cpus().length} cores`)
  console.log(`read floor (list + read every file, one thread): ${fmt(r.readMs)}`)
  console.log(`front-matter read floor (list, then read each file's front matter on ${heads.threads} threads, no parsing): ${fmt(heads.headsMs)}`)
  console.log(`cold index (summaries, ${r.indexed} articles, ${r.errors} with errors): ${fmt(r.indexMs)} = ${(r.indexMs / r.readMs).toFixed(2)}x the read floor`)
  console.log(`first rows pushed after: ${fmt(r.firstBatchMs ?? NaN)}`)
  console.log(`full-text index ready (background, after summaries): ${fmt(r.searchableMs)} = ${(r.searchableMs / r.readMs).toFixed(2)}x the read floor`)
  console.log(`peak RSS of the indexing process (workers included): ${r.maxRssMb.toFixed(0)} MB`)
  console.log(`reopen, summary cache valid (summaries, ${reopen.indexed} articles): ${fmt(reopen.indexMs)} = ${(reopen.indexMs / r.readMs).toFixed(2)}x the read floor; first rows after ${fmt(reopen.firstBatchMs ?? NaN)}; full text ${fmt(reopen.searchableMs)}; peak RSS ${reopen.maxRssMb.toFixed(0)} MB`)
  const bench = `index ${r.files}`
  record({ bench, figure: 'cold index (summaries)', value: r.indexMs, unit: 'ms', baseline: 'plain read of every file', baselineValue: r.readMs, maxRatio: 3 })
  record({ bench, figure: 'full-text index ready', value: r.searchableMs, unit: 'ms', baseline: 'plain read of every file', baselineValue: r.readMs })
  record({ bench, figure: 'reopen with summary cache (summaries)', value: reopen.indexMs, unit: 'ms', baseline: 'plain read of every file', baselineValue: r.readMs })
  record({ bench, figure: 'first rows pushed, cold', value: r.firstBatchMs ?? NaN, unit: 'ms' })
  record({ bench, figure: 'first rows pushed, summary cache', value: reopen.firstBatchMs ?? NaN, unit: 'ms' })
  record({ bench, figure: 'peak RSS of the indexing process', value: r.maxRssMb, unit: 'MB', max: 300 })
  const rg = spawnSync('rg', ['--version'], { encoding: 'utf8' })
  for (const q of queries) {
    const s = r.searches[q]
    let line = `search "${q}" warm: ${fmt(s.ms)} (${s.total} articles)`
    if (rg.status === 0) {
      // NOTE: rg is given the same question: files holding every word (case-insensitive; the last as a prefix).
      // Multi-word: rg lists the files with the first word, and xargs hands them to rg for the next (as a shell would).
      const words = q.split(/\s+/)
      const command = words
        .map((w, n) => `rg -l -i --no-messages --glob '*.md' '\\b${w}${n === words.length - 1 ? '' : '\\b'}'` + (n === 0 ? ` '${corpus}'` : ''))
        .join(" | xargs -d '\\n' -r ")
      const times = []
      let count = 0
      for (let i = 0; i < 5; i++) {
        const t = performance.now()
        const res = spawnSync('sh', ['-c', command], { encoding: 'utf8', maxBuffer: 1 << 28 })
        times.push(performance.now() - t)
        count = (res.stdout ?? '').split('\n').filter(Boolean).length
      }
      const rgMs = median(times)
      line += `; rg: ${fmt(rgMs)} (${count} files); ratio folio/rg ${(s.ms / rgMs).toFixed(3)}`
      record({ bench, figure: `warm search "${q}" in the open index`, value: s.ms, unit: 'ms', baseline: 'rg -l -i (same question)', baselineValue: rgMs })
    }
    console.log(line)
  }
  if (rg.status !== 0) console.log('rg not installed: ratio skipped (apt-get install -y ripgrep)')
} finally {
  fs.rmSync(work, { recursive: true, force: true })
}

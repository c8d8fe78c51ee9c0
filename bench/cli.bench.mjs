// The `folio` command against the tools a writer compares it with (issue 22), on a make-corpus --plain folder
// (50,000 articles unless BENCH_ARTICLES says otherwise) and a 1,000-article one: `folio search` (first run, no
// index) is in search.bench.mjs; here `folio check` against `folio index`, `folio index` on the small folder against
// `hugo list all` (one article's save is save.bench.mjs). Each figure is the median of 3 runs. Uses the built CLI
// (npm run build).
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { hostNodeFlags } from '../scripts/host-flags.mjs'
import { record } from './report.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const articles = Number(process.env.BENCH_ARTICLES ?? 50000)
const folio = path.join(root, 'out/cli/folio.mjs')
const makeCorpus = [path.join(root, '../shared/tools/make-corpus.mjs'), path.join(root, 'tests/support/make-corpus.mjs')].find((p) => fs.existsSync(p))
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-bench-cli-'))
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const has = (tool, ...args) => spawnSync(tool, args, { stdio: 'ignore' }).status === 0

/**
 * CPU time (user + system, ms) of this process's children that have ended, from /proc/self/stat (Linux; 10 ms
 * ticks); null elsewhere. NOTE: on a loaded machine wall time favours a tool with more threads (the scheduler shares
 * by thread), so the CPU each command spent is recorded beside it.
 */
function childCpuMs() {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[13]) + Number(fields[14])) * 10
  } catch {
    // NOTE: no /proc (macOS, Windows): the CPU rows are left out.
    return null
  }
}

/** Median wall time and median CPU time (null when unknown) of `runs` runs of a command (ms); its output is dropped. */
function measure(command, args, runs = 3, options = {}) {
  const times = []
  const cpus = []
  for (let i = 0; i < runs; i++) {
    const cpuBefore = childCpuMs()
    const t = performance.now()
    const run = spawnSync(command, args, { stdio: 'ignore', ...options })
    times.push(performance.now() - t)
    const cpuAfter = childCpuMs()
    if (cpuBefore !== null && cpuAfter !== null) cpus.push(cpuAfter - cpuBefore)
    if (run.status !== 0 && run.status !== 1) throw new Error(`${command} ${args.join(' ')} exited with ${run.status}`)
  }
  return { wallMs: median(times), cpuMs: cpus.length === runs ? median(cpus) : null }
}
const timed = (command, args, runs = 3, options = {}) => measure(command, args, runs, options).wallMs
const measureFolio = (args, env = {}) => measure(process.execPath, [...hostNodeFlags, folio, ...args], 3, { env: { ...process.env, FOLIO_CACHE_DIR: path.join(work, 'cache'), ...env } })
const runFolio = (args, env = {}) => measureFolio(args, env).wallMs

try {
  if (!fs.existsSync(folio)) throw new Error('build first: npm run build')
  const big = path.join(work, 'big')
  const small = path.join(work, 'small')
  execFileSync(process.execPath, [makeCorpus, big, '--articles', String(articles), '--plain'], { stdio: 'ignore' })
  execFileSync(process.execPath, [makeCorpus, small, '--articles', '1000', '--plain'], { stdio: 'ignore' })
  // NOTE: hugo needs a site configuration to list the content.
  fs.writeFileSync(path.join(small, 'hugo.toml'), "baseURL = 'https://example.org/'\ntitle = 'bench'\n")
  const benchBig = `cli ${articles}`
  // NOTE: `folio search` against rg is bench/search.bench.mjs.
  const indexRun = measureFolio(['index', big])
  const checkRun = measureFolio(['check', big])
  const index = indexRun.wallMs
  const check = checkRun.wallMs
  console.log(`folio index: ${index.toFixed(0)} ms; folio check: ${check.toFixed(0)} ms; ratio ${(check / index).toFixed(2)}`)
  record({ bench: benchBig, figure: 'folio check', value: check, unit: 'ms', baseline: 'folio index', baselineValue: index, maxRatio: 1.2 })
  if (indexRun.cpuMs !== null && checkRun.cpuMs !== null) record({ bench: benchBig, figure: 'folio check, CPU time', value: checkRun.cpuMs, unit: 'ms', baseline: 'folio index, CPU time', baselineValue: indexRun.cpuMs, maxRatio: 1.2 })
  // NOTE: the goal is with the same cache (above: both medians are runs that find it); cold, check parses every
  // block fully for its warnings where the index's fast scanners read only the summary keys.
  const coldIndex = runFolio(['index', big], { FOLIO_CACHE_DIR: 'off' })
  const coldCheck = runFolio(['check', big], { FOLIO_CACHE_DIR: 'off' })
  console.log(`no cache: folio index: ${coldIndex.toFixed(0)} ms; folio check: ${coldCheck.toFixed(0)} ms; ratio ${(coldCheck / coldIndex).toFixed(2)}`)
  record({ bench: benchBig, figure: 'folio check (no cache)', value: coldCheck, unit: 'ms', baseline: 'folio index (no cache)', baselineValue: coldIndex })
  const gitStatus = has('git', '--version') ? (execFileSync('git', ['init', '-q', big]), execFileSync('git', ['-C', big, 'add', '-A']), timed('git', ['-C', big, 'status', '--porcelain'])) : null
  if (gitStatus !== null) record({ bench: benchBig, figure: 'folio index', value: index, unit: 'ms', baseline: 'git status (after git add -A)', baselineValue: gitStatus })

  const smallIndexRun = measureFolio(['index', small], { FOLIO_CACHE_DIR: 'off' })
  const smallIndex = smallIndexRun.wallMs
  // NOTE: the first run fills the summary cache (as the app or an earlier `folio index` would have); the median of
  // three then times runs that read it.
  runFolio(['index', small])
  const smallCached = runFolio(['index', small])
  if (has('hugo', 'version')) {
    const hugoRun = measure('hugo', ['list', 'all', '-s', small])
    const hugo = hugoRun.wallMs
    console.log(`1,000 articles: folio index ${smallIndex.toFixed(0)} ms (with the summary cache ${smallCached.toFixed(0)} ms); hugo list all ${hugo.toFixed(0)} ms; ratio ${(smallIndex / hugo).toFixed(2)} (${(smallCached / hugo).toFixed(2)})`)
    record({ bench: 'cli 1000', figure: 'folio index (no cache)', value: smallIndex, unit: 'ms', baseline: 'hugo list all', baselineValue: hugo, maxRatio: 1 })
    record({ bench: 'cli 1000', figure: 'folio index (summary cache)', value: smallCached, unit: 'ms', baseline: 'hugo list all', baselineValue: hugo, maxRatio: 1 })
    if (smallIndexRun.cpuMs !== null && hugoRun.cpuMs !== null) {
      console.log(`1,000 articles, CPU (user + system): folio index ${smallIndexRun.cpuMs} ms; hugo list all ${hugoRun.cpuMs} ms; ratio ${(smallIndexRun.cpuMs / hugoRun.cpuMs).toFixed(2)}`)
      record({ bench: 'cli 1000', figure: 'folio index (no cache), CPU time', value: smallIndexRun.cpuMs, unit: 'ms', baseline: 'hugo list all, CPU time', baselineValue: hugoRun.cpuMs, maxRatio: 1 })
    }
  } else console.log('hugo not installed: small-folder ratio skipped')
} finally {
  fs.rmSync(work, { recursive: true, force: true })
}

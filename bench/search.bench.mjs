// `folio search` against `rg -l -F` on the same folder (issue 22): a make-corpus --plain folder (50,000 articles
// unless BENCH_ARTICLES says otherwise), a frequent word ("council") and an absent one ("quixotic"), on the first
// run (no saved index: every article read once, on worker threads) and with the search index saved by
// `folio search --save-index` in the cache folder. Runs alternate (rg, folio, rg, folio…) so both see the same load;
// each figure is the median of 5. Uses the built CLI (npm run build). The match counts differ a little by design:
// folio matches whole words in any case (and the path), rg -F a case-sensitive substring. On Linux it also measures
// the floors under both goals in the same run (bench/search-floor.mjs: what plain Node pays for the same reads and
// stamps, with no Folio code), so a ratio can be read against what is left to Folio's own code.
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { hostNodeFlags } from '../scripts/host-flags.mjs'
import { record } from './report.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const articles = Number(process.env.BENCH_ARTICLES ?? 50000)
const runs = Number(process.env.BENCH_RUNS ?? 5)
const folio = path.join(root, 'out/cli/folio.mjs')
const makeCorpus = [path.join(root, '../shared/tools/make-corpus.mjs'), path.join(root, 'tests/support/make-corpus.mjs')].find((p) => fs.existsSync(p))
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-bench-search-'))
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/**
 * CPU time (user + system, ms) of the finished children of this process, all their threads (Linux: /proc/self/stat
 * cutime + cstime); null elsewhere. NOTE: on a busy machine wall time is mostly waiting for a core, so the CPU
 * figures are recorded beside the wall ones.
 */
function childCpuMs() {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ')
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100
  } catch {
    return null // NOTE: no /proc (macOS, Windows): wall time only.
  }
}

// NOTE: NODE_EXTRA_CA_CERTS (set on the CI machine) makes every Node process read and parse that certificate bundle
// as it starts: 0.05-0.06 s of CPU a start, which rg does not pay and a `folio search` never uses (no TLS). Both
// commands run without it, as the unit tests do (tests/support/vitest-global-setup.ts).
const benchEnv = { ...process.env }
delete benchEnv.NODE_EXTRA_CA_CERTS

/** Wall time and CPU time of one run of a command (ms); its output is dropped. */
function once(command, args, env) {
  const cpu = childCpuMs()
  const t = performance.now()
  const run = spawnSync(command, args, { stdio: 'ignore', env: { ...benchEnv, ...env } })
  const ms = performance.now() - t
  if (run.status !== 0 && run.status !== 1) throw new Error(`${command} ${args.join(' ')} exited with ${run.status}`)
  const after = childCpuMs()
  return { ms, cpu: cpu === null || after === null ? null : after - cpu }
}

/** Medians of `runs` alternating runs of rg and folio search for `query` (wall and CPU). */
function versus(query, cacheDir) {
  const rg = []
  const search = []
  for (let i = 0; i < runs; i++) {
    rg.push(once('rg', ['-l', '-F', query, big]))
    search.push(once(process.execPath, [...hostNodeFlags, folio, 'search', big, query], { FOLIO_CACHE_DIR: cacheDir }))
  }
  const cpu = (xs) => (xs.some((x) => x.cpu === null) ? null : median(xs.map((x) => x.cpu)))
  return { rg: median(rg.map((x) => x.ms)), search: median(search.map((x) => x.ms)), rgCpu: cpu(rg), searchCpu: cpu(search) }
}

const floor = path.join(root, 'bench/search-floor.mjs')

/**
 * Medians of `runs` alternating runs of rg and of the floors under a `folio search` (bench/search-floor.mjs): Node's
 * own start (`node -e 0`), plain Node reading every article on two threads through the confined open and by plain
 * paths, and plain Node taking the stamp (lstat) of every article listed in `list` on two threads, by fs.lstatSync and
 * through Node's fs binding (as src/core/index/stamp-read.ts does).
 */
function floors(query, list) {
  const named = { rg: ['rg', ['-l', '-F', query, big]], start: [process.execPath, ['-e', '0']], confined: [process.execPath, [floor, 'read-confined', big, query]], plain: [process.execPath, [floor, 'read-plain', big, query]], stamps: [process.execPath, [floor, 'lstat', list]], rawStamps: [process.execPath, [floor, 'lstat-binding', list]] }
  const times = Object.fromEntries(Object.keys(named).map((key) => [key, []]))
  for (let i = 0; i < runs; i++) for (const [key, [command, args]] of Object.entries(named)) times[key].push(once(command, args).ms)
  return Object.fromEntries(Object.entries(times).map(([key, xs]) => [key, median(xs)]))
}

/** Records the CPU-time figure of a comparison, when there is one. */
function recordCpu(bench, figure, { rgCpu, searchCpu }) {
  if (rgCpu === null || searchCpu === null) return
  console.log(`${figure}: CPU ${searchCpu.toFixed(0)} ms; rg -l -F CPU ${rgCpu.toFixed(0)} ms; ratio ${(searchCpu / rgCpu).toFixed(2)}`)
  record({ bench, figure, value: searchCpu, unit: 'ms', baseline: 'rg -l -F, CPU time', baselineValue: rgCpu })
}

const big = path.join(work, 'big')
try {
  if (!fs.existsSync(folio)) throw new Error('build first: npm run build')
  if (spawnSync('rg', ['--version'], { stdio: 'ignore' }).status !== 0) {
    console.log('rg not installed: search bench skipped')
  } else {
    execFileSync(process.execPath, [makeCorpus, big, '--articles', String(articles), '--plain'], { stdio: 'ignore' })
    const bench = `search ${articles}`
    // NOTE: once unmeasured, so both find the files in the page cache.
    once('rg', ['-l', '-F', 'council', big])
    for (const query of ['council', 'quixotic']) {
      const compared = versus(query, 'off')
      const { rg, search } = compared
      console.log(`folio search "${query}", first run (no index): ${search.toFixed(0)} ms; rg -l -F: ${rg.toFixed(0)} ms; ratio ${(search / rg).toFixed(2)}`)
      record({ bench, figure: `folio search "${query}", first run`, value: search, unit: 'ms', baseline: 'rg -l -F', baselineValue: rg, maxRatio: 1.5 })
      recordCpu(bench, `folio search "${query}", first run, CPU time`, compared)
    }
    // NOTE: the floors say how much of each goal is left to Folio's own code on this machine: the goal of the first
    // run is 1.5x rg, of the saved index 0.5x rg, and Node's start, the confined reads (rule 2) and the stamps (the
    // saved index's validation) come before any of it. Linux only (the confined open goes through /proc).
    if (process.platform === 'linux') {
      const list = path.join(work, 'articles.txt')
      fs.writeFileSync(list, `${fs.readdirSync(big, { recursive: true }).filter((p) => p.endsWith('.md')).map((p) => path.join(big, p)).join('\n')}\n`)
      const f = floors('council', list)
      console.log(`floors (plain Node, no Folio code, 2 threads), "council": Node's start ${f.start.toFixed(0)} ms; every article read through the confined open ${f.confined.toFixed(0)} ms (${(f.confined / f.rg).toFixed(2)}x rg), by plain paths ${f.plain.toFixed(0)} ms (${(f.plain / f.rg).toFixed(2)}x); every article's stamp (lstat) ${f.stamps.toFixed(0)} ms (${(f.stamps / f.rg).toFixed(2)}x), through Node's fs binding ${f.rawStamps.toFixed(0)} ms (${(f.rawStamps / f.rg).toFixed(2)}x); rg -l -F ${f.rg.toFixed(0)} ms`)
      record({ bench, figure: "floor: Node's start (node -e 0)", value: f.start, unit: 'ms', baseline: 'rg -l -F', baselineValue: f.rg })
      record({ bench, figure: 'floor: plain Node reads every article, confined open (rule 2), 2 threads', value: f.confined, unit: 'ms', baseline: 'rg -l -F', baselineValue: f.rg })
      record({ bench, figure: 'floor: plain Node reads every article by plain paths, 2 threads', value: f.plain, unit: 'ms', baseline: 'rg -l -F', baselineValue: f.rg })
      record({ bench, figure: "floor: plain Node takes every article's stamp (lstat), 2 threads", value: f.stamps, unit: 'ms', baseline: 'rg -l -F', baselineValue: f.rg })
      record({ bench, figure: "floor: plain Node takes every article's stamp through its fs binding (Folio's way), 2 threads", value: f.rawStamps, unit: 'ms', baseline: 'rg -l -F', baselineValue: f.rg })
    }
    const cacheDir = path.join(work, 'cache')
    const { ms: save } = once(process.execPath, [...hostNodeFlags, folio, 'search', big, 'council', '--save-index'], { FOLIO_CACHE_DIR: cacheDir })
    const saved = fs.readdirSync(path.join(cacheDir, 'search')).map((name) => fs.statSync(path.join(cacheDir, 'search', name)).size)
    console.log(`folio search --save-index (reads the folder, saves the index): ${save.toFixed(0)} ms; index ${(saved[0] / 1e6).toFixed(1)} MB`)
    record({ bench, figure: 'folio search --save-index (makes the saved index)', value: save, unit: 'ms' })
    for (const query of ['council', 'quixotic']) {
      const compared = versus(query, cacheDir)
      const { rg, search } = compared
      console.log(`folio search "${query}", saved index: ${search.toFixed(0)} ms; rg -l -F: ${rg.toFixed(0)} ms; ratio ${(search / rg).toFixed(2)}`)
      record({ bench, figure: `folio search "${query}", saved index`, value: search, unit: 'ms', baseline: 'rg -l -F', baselineValue: rg, maxRatio: 0.5 })
      recordCpu(bench, `folio search "${query}", saved index, CPU time`, compared)
    }
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true })
}

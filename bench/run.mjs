// `npm run bench` entry: runs every bench/*.bench.mjs in turn (through tsx, so they may import TypeScript sources),
// streaming their reports, then prints ONE table of every recorded figure (bench/report.mjs) with its same-run
// baseline, the ratio and the goal, so the next round can compare. Nothing here passes or fails on time.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs'
import os from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const only = process.argv.slice(2)
const scripts = readdirSync(here)
  .filter((name) => name.endsWith('.bench.mjs'))
  .filter((name) => only.length === 0 || only.some((o) => name.includes(o)))
  .sort()
const resultsDir = mkdtempSync(join(os.tmpdir(), 'folio-bench-results-'))
const results = join(resultsDir, 'results.jsonl')
let failed = 0
const readRows = () => (existsSync(results) ? readFileSync(results, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line)) : [])
// NOTE: a benchmark that failed or recorded nothing still gets a row, so a gap shows in the table instead of vanishing.
const gaps = []
for (const name of scripts) {
  console.log(`\n=== ${name} ===`)
  const before = readRows().length
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(here, name)], { stdio: 'inherit', cwd: dirname(here), env: { ...process.env, BENCH_RESULTS: results, BENCH_NAME: name.replace('.bench.mjs', '') } })
  if (run.status !== 0) {
    failed += 1
    console.log(`${name} exited with ${run.status ?? run.signal}`)
    gaps.push({ bench: name.replace('.bench.mjs', ''), figure: `FAILED (exit ${run.status ?? run.signal}): see its output above`, value: null, unit: '' })
  } else if (readRows().length === before) gaps.push({ bench: name.replace('.bench.mjs', ''), figure: 'recorded no figure (bench/report.mjs record())', value: null, unit: '' })
}

const rows = [...readRows(), ...gaps]
rmSync(resultsDir, { recursive: true, force: true })
const num = (v, unit) => (v === null || v === undefined || Number.isNaN(v) ? '-' : `${v >= 100 ? Math.round(v) : v.toFixed(v < 10 ? 2 : 1)} ${unit}`)
const table = rows.map((r) => {
  const ratio = r.baselineValue ? r.value / r.baselineValue : null
  const goal = r.maxRatio !== undefined ? `<= ${r.maxRatio}x` : r.max !== undefined ? `<= ${r.max} ${r.unit}` : ''
  const isMet = r.maxRatio !== undefined ? ratio !== null && ratio <= r.maxRatio : r.max !== undefined ? r.value <= r.max : null
  return [r.bench ?? '', r.figure, num(r.value, r.unit), r.baseline ?? '', r.baseline ? num(r.baselineValue, r.unit) : '', ratio === null ? '' : `${ratio.toFixed(2)}x`, goal, isMet === null ? '' : isMet ? 'met' : 'NOT met']
})
const head = ['bench', 'figure', 'value', 'baseline', 'baseline value', 'ratio', 'goal', '']
const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)))
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ').trimEnd()
console.log(`\n=== summary (${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)} at the end) ===`)
console.log(line(head))
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'))
for (const row of table) console.log(line(row))
console.log(`\n${scripts.length - failed} benchmark(s) ran, ${failed} failed`)
process.exitCode = failed === 0 ? 0 : 1

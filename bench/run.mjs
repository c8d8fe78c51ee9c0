// `npm run bench` entry: runs every bench/*.bench.mjs in turn (through tsx, so they may import TypeScript sources),
// streaming their reports. Benchmarks report figures and ratios; nothing here passes or fails on time.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const only = process.argv.slice(2)
const scripts = readdirSync(here)
  .filter((name) => name.endsWith('.bench.mjs'))
  .filter((name) => only.length === 0 || only.some((o) => name.includes(o)))
  .sort()
let failed = 0
for (const name of scripts) {
  console.log(`\n=== ${name} ===`)
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(here, name)], { stdio: 'inherit', cwd: dirname(here) })
  if (run.status !== 0) {
    failed += 1
    console.log(`${name} exited with ${run.status ?? run.signal}`)
  }
}
console.log(`\n${scripts.length - failed} benchmark(s) ran, ${failed} failed`)
process.exitCode = failed === 0 ? 0 : 1

// `npm test`: typecheck, lint, unit tests, build and the browser e2e tests, the same steps as `a && b && …` ran, laid
// out to use both cores. NOTE (measured on 2 cores, CPU = user + sys): the unit tests (two workers, ~160 s of CPU)
// and the e2e tests (~165 s) are most of the work; typecheck (TypeScript 7, ~8 s on several threads) and lint
// (oxlint's type-aware rules and ESLint, ~44 s) are small since they moved off TypeScript 5 (25 s and 74 s).
// Phase 1: the unit tests beside the build and typecheck, which the unit tests' two workers leave room for.
// Phase 2: the e2e tests beside lint: the e2e tests wait on timers, the server and Chromium and leave part of a core
// idle. The e2e tests never share the machine with the unit tests' two workers: with both at once on a busy machine
// (load 28-39) seven e2e tests timed out waiting for list rows (each passes alone), and at load ~10 one comfort test
// failed. Beside the old lint and typecheck (99 s of CPU) e2e tests ran about half as fast: in one clean-clone run the
// last two, after lint had ended, took 3.5-3.9 s, like tests beside it 6-9 s.
// Each step's output is printed whole when it ends, so logs never interleave. Any failure fails `npm test`.
// `node scripts/test.mjs --serial` runs the steps one after the other and stops at the first failure, as `&&` did.
import { spawn } from 'node:child_process'

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const isSerial = process.argv.includes('--serial')

/** Runs `npm run <script>`; streams its output when `isLive`, else prints it whole at the end. Resolves to the exit code. */
function run(script, isLive) {
  const started = performance.now()
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', script], { stdio: isLive ? 'inherit' : ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' })
    const chunks = []
    child.stdout?.on('data', (chunk) => chunks.push(chunk))
    child.stderr?.on('data', (chunk) => chunks.push(chunk))
    child.on('error', (error) => chunks.push(Buffer.from(`${error.message}\n`)))
    child.on('close', (code, signal) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1)
      const status = code === 0 ? 'passed' : `FAILED (${code ?? signal})`
      if (!isLive) process.stdout.write(`\n=== npm run ${script} ===\n${Buffer.concat(chunks).toString()}`)
      process.stdout.write(`=== npm run ${script}: ${status} in ${seconds} s ===\n`)
      resolve(code ?? 1)
    })
  })
}

const started = performance.now()
let codes = []
if (isSerial) {
  for (const script of ['typecheck', 'lint', 'test:unit', 'build', 'test:e2e']) {
    const code = await run(script, true)
    codes.push(code)
    if (code !== 0) break
  }
} else {
  process.stdout.write('=== npm test: unit tests beside the build and typecheck, then e2e tests beside lint; each prints when it ends ===\n')
  codes = await Promise.all([run('test:unit', false), run('build', false), run('typecheck', false)])
  const isBuilt = codes[1] === 0
  const second = await Promise.all([isBuilt ? run('test:e2e', false) : Promise.resolve(1), run('lint', false)])
  if (!isBuilt) process.stdout.write('=== e2e tests not run: the build failed ===\n')
  codes.push(...second)
}
const isPassed = codes.every((code) => code === 0)
process.stdout.write(`=== npm test: ${isPassed ? 'passed' : 'FAILED'} in ${((performance.now() - started) / 1000).toFixed(1)} s ===\n`)
process.exitCode = isPassed ? 0 : 1

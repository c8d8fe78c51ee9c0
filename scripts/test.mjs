// `npm test`: typecheck, lint, unit tests, build, then the browser e2e tests: the same steps as `a && b && …` ran, but
// at once, so the machine's cores are used. NOTE (measured on 2 cores): lint (~80 s of CPU) and typecheck (~25 s)
// each run on one thread, and the e2e tests keep about one core busy (Chromium waits on timers and the server), so
// run one after the other they left a core idle for minutes. The unit tests need no build; the e2e tests need the
// build and nothing else. So typecheck, lint, unit and (build, then e2e) run side by side; each step's output is
// printed whole when it ends, so logs never interleave. Any failure fails `npm test`.
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
  process.stdout.write('=== npm test: typecheck, lint, unit tests and (build, then e2e tests) run side by side; each prints when it ends ===\n')
  const buildThenE2e = async () => {
    const built = await run('build', false)
    return built === 0 ? [built, await run('test:e2e', false)] : [built]
  }
  codes = (await Promise.all([run('typecheck', false), run('lint', false), run('test:unit', false), buildThenE2e()])).flat()
}
const isPassed = codes.every((code) => code === 0)
process.stdout.write(`=== npm test: ${isPassed ? 'passed' : 'FAILED'} in ${((performance.now() - started) / 1000).toFixed(1)} s ===\n`)
process.exitCode = isPassed ? 0 : 1

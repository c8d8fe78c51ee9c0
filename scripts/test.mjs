// `npm test`: typecheck, lint, unit tests, build and the browser e2e tests, the same steps as `a && b && …` ran,
// laid out to use both cores. NOTE (measured on 2 cores, CPU = user + sys): the unit tests (two workers, ~140 s of
// CPU) and the e2e tests (~400 s, see Phase 2) are most of the work; typecheck (TypeScript 7, ~8 s on several
// threads) and lint (oxlint's type-aware rules and ESLint, ~44 s) are small since they moved off TypeScript 5 (25 s
// and 74 s).
// Phase 1: the unit tests beside the build and typecheck, which the unit tests' two workers leave room for.
// Phase 2: the e2e tests beside lint. NOTE: the e2e tests are CPU-bound: the CPU printed for a step counts only
// processes that were waited for, and Chromium's renderer processes are not (a whole e2e run sampled from /proc:
// 430 s of CPU where 196 s was printed), so the e2e tests take ~2× the CPU printed for them. The e2e tests never share
// the machine with the unit tests' two workers: with both at once on a busy machine (load 28-39) seven e2e tests
// timed out waiting for list rows (each passes alone), and at load ~10 one comfort test failed. Beside the old lint
// and typecheck (99 s of CPU) e2e tests ran about half as fast: in one clean-clone run the last two, after lint had
// ended, took 3.5-3.9 s, like tests beside it 6-9 s.
// Each step's output is printed whole when it ends, so logs never interleave. Any failure fails `npm test`.
// `node scripts/test.mjs --serial` runs the steps one after the other and stops at the first failure, as `&&` did.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const isSerial = process.argv.includes('--serial')

/**
 * CPU seconds (user, sys) of this process's finished children and all they waited for, from /proc (Linux); null
 * elsewhere. NOTE: wall time lies on a shared machine; CPU time is what a step costs whatever the load.
 */
function childrenCpu() {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ticks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100
    // NOTE: fields[0] is field 3 of proc(5) (state); cutime and cstime are fields 16 and 17.
    return { user: Number(fields[13]) / ticks, sys: Number(fields[14]) / ticks }
  } catch (error) {
    if (error.code !== undefined) return null
    throw error
  }
}

// NOTE: `--step <script>`: the child mode of run() below: runs one npm script and, when it has ended, writes the CPU it
// took to fd 3 for the parent, which cannot get a child's resource use from Node.
const stepAt = process.argv.indexOf('--step')
if (stepAt !== -1) {
  const result = spawnSync(npm, ['run', '--silent', process.argv[stepAt + 1]], { stdio: ['ignore', 'inherit', 'inherit'], shell: process.platform === 'win32' })
  fs.writeSync(3, JSON.stringify(childrenCpu()))
  process.exit(result.status ?? 1)
}

/** Runs `npm run <script>`; streams its output when `isLive`, else prints it whole at the end, with its wall and CPU time. Resolves to the exit code. */
function run(script, isLive) {
  const started = performance.now()
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--step', script], { stdio: [isLive ? 'inherit' : 'ignore', isLive ? 'inherit' : 'pipe', isLive ? 'inherit' : 'pipe', 'pipe'] })
    const chunks = []
    const cpu = []
    child.stdout?.on('data', (chunk) => chunks.push(chunk))
    child.stderr?.on('data', (chunk) => chunks.push(chunk))
    child.stdio[3]?.on('data', (chunk) => cpu.push(chunk))
    child.on('error', (error) => chunks.push(Buffer.from(`${error.message}\n`)))
    child.on('close', (code, signal) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1)
      const status = code === 0 ? 'passed' : `FAILED (${code ?? signal})`
      const used = cpu.length > 0 ? JSON.parse(Buffer.concat(cpu).toString()) : null
      const cpuText = used === null ? '' : `, CPU ${used.user.toFixed(1)} s user + ${used.sys.toFixed(1)} s sys`
      if (!isLive) process.stdout.write(`\n=== npm run ${script} ===\n${Buffer.concat(chunks).toString()}`)
      process.stdout.write(`=== npm run ${script}: ${status} in ${seconds} s${cpuText} ===\n`)
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

// Git status on a large repository (issue 20): a make-corpus folder (50,000 articles unless BENCH_ARTICLES says
// otherwise) committed with `git init && git add -A && git commit`, then Folio's status (GitRepo.status: rev-parse
// beside `status --porcelain=v2 -z` on the first call, then status alone, parsed and mapped to the folder) beside a plain `git status --porcelain` in
// the same run: cold (a fresh GitRepo, the first status after the commit) and after one article changed. Reports
// milliseconds and the ratio Folio / git; nothing passes or fails on time.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import { GitRepo } from '../src/core/git/git-repo.ts'
import { record } from './report.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const articles = Number(process.env.BENCH_ARTICLES ?? 50000)
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-bench-git-'))
const home = path.join(work, 'home')
fs.mkdirSync(home)
fs.writeFileSync(path.join(home, 'gitconfig'), '')
const env = { ...process.env, HOME: home, GIT_CONFIG_GLOBAL: path.join(home, 'gitconfig'), GIT_CONFIG_NOSYSTEM: '1' }
const git = (cwd, ...args) => execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.org', ...args], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 })

const timed = async (run) => {
  const start = performance.now()
  const value = await run()
  return { ms: performance.now() - start, value }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

try {
  const site = path.join(work, 'site')
  const tool = [path.join(root, '../shared/tools/make-corpus.mjs'), path.join(root, 'tests/support/make-corpus.mjs')].find((p) => fs.existsSync(p))
  execFileSync(process.execPath, [tool, site, '--articles', String(articles)], { stdio: 'ignore' })
  const setup = await timed(() => {
    git(site, 'init', '--quiet')
    git(site, 'add', '-A')
    git(site, 'commit', '--quiet', '-m', 'Corpus')
  })
  console.log(`${articles} articles committed in ${setup.ms.toFixed(0)} ms`)

  const rows = []
  // NOTE: the app keeps one GitRepo per folder (the repository's location is found once); cold uses a fresh one.
  const shared = new GitRepo({ cwd: site, env })
  const measure = async (label, runs, isCold = false) => {
    const plain = []
    const folio = []
    let changed = 0
    for (let i = 0; i < runs; i += 1) {
      plain.push((await timed(() => git(site, 'status', '--porcelain'))).ms)
      const repo = isCold ? new GitRepo({ cwd: site, env }) : shared
      const status = await timed(() => repo.status())
      if (!status.value.ok || status.value.value.kind !== 'repo') throw new Error('status failed')
      changed = status.value.value.files.length
      folio.push(status.ms)
    }
    rows.push({ label, plain: median(plain), folio: median(folio), changed })
  }
  await measure('cold (first status after commit, fresh GitRepo)', 1, true)
  await measure('clean, repeated (median of 5)', 5)
  // NOTE: the listing of 50,000 paths is over execFileSync's default 1 MB buffer.
  const one = execFileSync('git', ['ls-files', '*.md'], { cwd: site, encoding: 'utf8', env, maxBuffer: 1 << 28 }).split('\n')[0]
  fs.appendFileSync(path.join(site, one), '\nOne more line.\n')
  await measure('after one article changed (median of 5)', 5)

  console.log('case | git status --porcelain | Folio status | Folio / git | changed files')
  for (const r of rows) console.log(`${r.label} | ${r.plain.toFixed(0)} ms | ${r.folio.toFixed(0)} ms | ${(r.folio / r.plain).toFixed(2)} | ${r.changed}`)
  for (const r of rows) record({ bench: `git ${articles}`, figure: `Folio git status, ${r.label}`, value: r.folio, unit: 'ms', baseline: 'git status --porcelain', baselineValue: r.plain, max: 1000 })
} finally {
  fs.rmSync(work, { recursive: true, force: true })
}

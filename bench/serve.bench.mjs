// `folio serve` on a hostile folder (issue #16: "survives a folder holding all of the above at once and still answers
// within a second"): a make-corpus folder (5,000 articles unless BENCH_SERVE_ARTICLES says otherwise) plus the
// attacks (alias bomb, three 20,000-alias front matters, FIFOs named *.md, an 11 MB file, a link out, a 0444 file).
// The built CLI serves it (its index in worker threads, as shipped); while the cold index builds, a reader asks for
// one article over and over, and the answer times are compared with the same request once the index is complete
// (same run). A no-hit search is timed too: while the index builds it is answered by a direct scan of the files
// within a time budget (see ArticleIndex.searchByScan), not by the busy shards.
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { hostNodeFlags } from '../scripts/host-flags.mjs'
import { aliasBomb, manyAliases } from '../tests/support/hostile-content.ts'
import { record } from './report.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const articles = Number(process.env.BENCH_SERVE_ARTICLES ?? 5000)
const folio = path.join(root, 'out/cli/folio.mjs')
const makeCorpus = [path.join(root, '../shared/tools/make-corpus.mjs'), path.join(root, 'tests/support/make-corpus.mjs')].find((p) => fs.existsSync(p))
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-bench-serve-'))
const sorted = (xs) => [...xs].sort((a, b) => a - b)
const quantile = (xs, q) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * q))]
const fmt = (ms) => `${ms.toFixed(ms < 10 ? 1 : 0)} ms`

function call(url, token, method, ...args) {
  const t = performance.now()
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}/api/${method}`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'x-folio-token': token, origin: url } }, (response) => {
      let data = ''
      response.on('data', (chunk) => (data += chunk))
      response.on('end', () => resolve({ ms: performance.now() - t, result: JSON.parse(data) }))
    })
    request.on('error', reject)
    request.end(JSON.stringify({ args }))
  })
}

let server = null
try {
  if (!fs.existsSync(folio)) throw new Error('build first: npm run build')
  const site = path.join(work, 'site')
  execFileSync(process.execPath, [makeCorpus, site, '--articles', String(articles)], { stdio: 'ignore' })
  const write = (rel, content) => {
    fs.mkdirSync(path.dirname(path.join(site, rel)), { recursive: true })
    fs.writeFileSync(path.join(site, rel), content)
  }
  write('hostile/bomb.md', aliasBomb)
  for (const n of [1, 2, 3]) write(`hostile/many-${n}.md`, manyAliases(20_000))
  write('hostile/huge.md', Buffer.alloc(11 * 1024 * 1024, 'a'))
  write('hostile/readonly.md', '---\ntitle: Read only\n---\n')
  fs.chmodSync(path.join(site, 'hostile/readonly.md'), 0o444)
  write('probe.md', '---\ntitle: Probe\n---\nprobe\n')
  fs.writeFileSync(path.join(work, 'outside.md'), 'outside')
  if (process.platform !== 'win32') {
    for (const n of [1, 2, 3, 4]) execFileSync('mkfifo', [path.join(site, `hostile/fifo-${n}.md`)])
    fs.symlinkSync(path.join(work, 'outside.md'), path.join(site, 'hostile/link-out.md'))
  }
  const env = { ...process.env, FOLIO_CACHE_DIR: path.join(work, 'cache'), FOLIO_STATE_DIR: path.join(work, 'state') }
  server = spawn(process.execPath, [...hostNodeFlags, folio, 'serve', site], { env, stdio: ['ignore', 'pipe', 'inherit'] })
  const started = performance.now()
  const address = await new Promise((resolve, reject) => {
    let out = ''
    server.stdout.on('data', (chunk) => {
      out += chunk
      const match = /at (http:\/\/127\.0\.0\.1:\d+)\/\?token=([0-9a-f]{64})/.exec(out)
      if (match) resolve({ url: match[1], token: match[2] })
    })
    server.once('exit', (code) => reject(new Error(`folio serve exited with ${code}`)))
  })
  const { url, token } = address
  const during = []
  const searches = []
  // NOTE: the first search starts the index's observation (as the page's first request does); the loop runs until
  // a search reports the full-text index complete.
  for (;;) {
    during.push((await call(url, token, 'readArticle', 'probe.md')).ms)
    const search = await call(url, token, 'searchArticles', 'zzzznotaword')
    if (search.result.ok && search.result.value.isComplete) break
    searches.push(search.ms)
  }
  const indexedMs = performance.now() - started
  const after = []
  for (let i = 0; i < 30; i++) after.push((await call(url, token, 'readArticle', 'probe.md')).ms)
  const idle = quantile(after, 0.5)
  console.log(`corpus: ${articles} articles + hostile files; index complete ${fmt(indexedMs)} after start`)
  console.log(`readArticle while indexing (${during.length} requests): median ${fmt(quantile(during, 0.5))}, p95 ${fmt(quantile(during, 0.95))}, max ${fmt(Math.max(...during))}`)
  console.log(`readArticle once indexed (${after.length} requests): median ${fmt(idle)}`)
  if (searches.length > 0) console.log(`search (no hit) while indexing (${searches.length} requests): median ${fmt(quantile(searches, 0.5))}, max ${fmt(Math.max(...searches))}`)
  const bench = `serve ${articles} + hostile`
  record({ bench, figure: 'readArticle while the index builds (max)', value: Math.max(...during), unit: 'ms', baseline: 'readArticle once indexed (median)', baselineValue: idle, max: 1000 })
  record({ bench, figure: 'readArticle while the index builds (median)', value: quantile(during, 0.5), unit: 'ms', baseline: 'readArticle once indexed (median)', baselineValue: idle })
  if (searches.length > 0) record({ bench, figure: 'search (no hit) while the index builds (max)', value: Math.max(...searches), unit: 'ms', max: 1000 })
  if (searches.length > 0) record({ bench, figure: 'search (no hit) while the index builds (median)', value: quantile(searches, 0.5), unit: 'ms' })
} finally {
  server?.kill('SIGTERM')
  if (server !== null) await new Promise((resolve) => (server.exitCode !== null ? resolve() : server.once('exit', resolve)))
  fs.rmSync(work, { recursive: true, force: true })
}

// Front-matter parse benchmark (issue 4): a make-corpus folder (50,000 articles unless BENCH_ARTICLES says
// otherwise); the floor is reading every file (list + read, one thread, page cache warm); then the same read plus
// the lossless engine's full parse (values, key ranges, diagnostics: what the editor and form use) and its
// values-only read (what the folder schema uses), each as a ratio to the floor measured in the same run.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { decodeText } from '../src/core/file-codec.ts'
import { parseFrontMatter, readFrontMatterData } from '../src/shared/front-matter/index.ts'
import { record } from './report.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const articles = Number(process.env.BENCH_ARTICLES ?? 50000)
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-bench-fm-'))
const fmt = (ms) => `${ms.toFixed(0)} ms`

function listArticles(dir) {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(md|markdown)$/i.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
}

/** Lists and reads every article, handing each text to `use`; returns the elapsed ms (best of 3). */
function timed(dir, use) {
  let best = Infinity
  for (let run = 0; run < 3; run++) {
    const t = performance.now()
    for (const file of listArticles(dir)) use(fs.readFileSync(file))
    best = Math.min(best, performance.now() - t)
  }
  return best
}

try {
  const corpus = path.join(work, 'site')
  const tool = [path.join(root, '../shared/tools/make-corpus.mjs'), path.join(root, 'tests/support/make-corpus.mjs')].find((p) => fs.existsSync(p))
  execFileSync(process.execPath, [tool, corpus, '--articles', String(articles), '--broken', '40'], { stdio: 'ignore' })
  let errors = 0
  let bytes = 0
  const floor = timed(corpus, (b) => (bytes += b.byteLength))
  const full = timed(corpus, (b) => {
    const decoded = decodeText(b)
    if (decoded.ok && parseFrontMatter(decoded.value.text).errors.length > 0) errors++
  })
  const values = timed(corpus, (b) => {
    const decoded = decodeText(b)
    if (decoded.ok) readFrontMatterData(decoded.value.text)
  })
  console.log(`corpus: ${articles} articles + 40 broken, ${(bytes / 3 / 1e6).toFixed(0)} MB, one thread`)
  console.log(`read floor (list + read every file): ${fmt(floor)}`)
  console.log(`read + decode + full parse (values, ranges, diagnostics): ${fmt(full)} = ${(full / floor).toFixed(2)}x the floor (${errors / 3} with errors)`)
  console.log(`read + decode + values only: ${fmt(values)} = ${(values / floor).toFixed(2)}x the floor`)
  const bench = `front matter ${articles}`
  record({ bench, figure: 'read + decode + full front-matter parse', value: full, unit: 'ms', baseline: 'read every file (list + read)', baselineValue: floor })
  record({ bench, figure: 'read + decode + front-matter values only', value: values, unit: 'ms', baseline: 'read every file (list + read)', baselineValue: floor })
} finally {
  fs.rmSync(work, { recursive: true, force: true })
}

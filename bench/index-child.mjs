// Child process of index.bench.mjs: measures, in one fresh process, the plain read of every article (the floor), the
// cold index (summaries) and the full-text index over a folder, warm search latency, and peak RSS. Prints JSON.
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const [mode, bundle, dir, queriesJson] = process.argv.slice(2)
const queries = JSON.parse(queriesJson)

function listArticles(root) {
  const out = []
  for (const e of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (e.isFile() && /\.(md|markdown)$/i.test(e.name)) out.push(path.join(e.parentPath, e.name))
  }
  return out
}
function readAll(files) {
  // NOTE: one thread, synchronous: the plain way to read every file once.
  let bytes = 0
  for (const f of files) bytes += fs.readFileSync(f).byteLength
  return bytes
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

// NOTE: the second floor (mode "heads"): what the index itself reads, the front matter of each file (readForSummary),
// on as many threads as it has shards, with no parsing and nothing sent back: the least a cold index can cost here.
if (mode === 'heads') {
  const { Worker } = await import('node:worker_threads')
  const filesModule = pathToFileURL(path.join(path.dirname(bundle), 'shard-files.mjs')).href
  const reader = `const { workerData, parentPort } = require('node:worker_threads');
    import(workerData.filesModule).then(({ readForSummary }) => {
      for (const f of workerData.files) readForSummary(f, workerData.root)
      parentPort.postMessage('done')
    })`
  const { listArticleChunks } = await import(filesModule)
  const threads = 2
  readAll(listArticles(dir)) // warm the page cache, as for the plain read
  const t = performance.now()
  const files = []
  listArticleChunks(dir, (paths) => {
    for (const rel of paths) files.push(path.join(dir, ...rel.split('/')))
  })
  await Promise.all(Array.from({ length: threads }, (_, i) => new Promise((resolve, reject) => {
    const worker = new Worker(reader, { eval: true, workerData: { filesModule, root: dir, files: files.filter((_, n) => n % threads === i) } })
    worker.once('message', () => resolve(worker.terminate()))
    worker.once('error', reject)
  })))
  console.log(JSON.stringify({ files: files.length, headsMs: performance.now() - t, threads }))
  process.exit(0)
}
// NOTE: the floor runs in its own process (mode "read") so its buffers do not count in the index's peak RSS.
if (mode === 'read') {
  readAll(listArticles(dir)) // warm the page cache, so both timings read from memory
  const t = performance.now()
  const files = listArticles(dir)
  const bytes = readAll(files)
  console.log(JSON.stringify({ files: files.length, bytes, readMs: performance.now() - t }))
  process.exit(0)
}
const { ArticleIndex } = await import(pathToFileURL(bundle).href)
let t = performance.now()

t = performance.now()
let firstBatchMs = null
const index = new ArticleIndex(dir, {
  cacheDir: process.env.BENCH_CACHE_DIR || null,
  onEvent: (e) => {
    if (firstBatchMs === null && e.kind === 'articles-indexed') firstBatchMs = performance.now() - t
  },
})
const started = await index.start()
const indexMs = performance.now() - t
if (!started.ok) throw new Error(started.error.message)
await index.whenSearchable()
const searchableMs = performance.now() - t
const searches = {}
for (const q of queries) {
  const times = []
  let total = 0
  for (let i = 0; i < 7; i++) {
    const s = performance.now()
    const r = await index.search(q, 200)
    times.push(performance.now() - s)
    total = r.ok ? r.value.total : -1
  }
  searches[q] = { ms: median(times), total }
}
const snapshot = index.snapshot()
await index.dispose()
console.log(JSON.stringify({
  indexMs,
  firstBatchMs,
  searchableMs,
  indexed: snapshot.done,
  errors: snapshot.articles.filter((a) => a.error).length,
  searches,
  maxRssMb: process.resourceUsage().maxRSS / 1024,
}))

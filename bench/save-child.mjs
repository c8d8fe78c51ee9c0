// Child of cli.bench.mjs: the median time of saving one article through FolderSession.writeArticle (read version,
// conflict check, atomic write) against a plain atomic write of the same bytes (temp file in the same folder, write,
// fsync, close, rename), alternating two texts so every save writes. Prints one JSON line.
// NOTE: the baseline uses Node's sync calls. Folio's save is async (the host's event loop must not stop on a
// slow disk's fsync) and fsyncs the folder after the rename (so the rename itself survives a power cut); the same
// atomic write with async calls, and with the folder fsync, are measured too, so the table shows what of the ratio
// is Folio's own work and what is the floor of those two choices.
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { FolderSession } from '../src/core/folder-session.ts'

const dir = process.argv[2]
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const rel = 'content/bench-save.md'
const abs = path.join(dir, ...rel.split('/'))
const base = fs.readFileSync(path.join(dir, 'content', fs.readdirSync(path.join(dir, 'content'), { recursive: true }).find((n) => String(n).endsWith('.md'))), 'utf8')
const texts = [base, `${base}\nOne more line.\n`]
fs.writeFileSync(abs, texts[0])

const opened = await FolderSession.open(dir, { index: { mode: 'local' } })
if (!opened.ok) throw new Error(opened.error.message)
const session = opened.value
const saves = []
let doc = await session.readArticle(rel)
if (!doc.ok) throw new Error(doc.error.message)
let version = doc.value.version
for (let i = 1; i <= 30; i++) {
  const t = performance.now()
  const saved = await session.writeArticle({ path: rel, text: texts[i % 2], format: doc.value.format, baseVersion: version })
  saves.push(performance.now() - t)
  if (!saved.ok) throw new Error(saved.error.message)
  version = saved.value.version
}
await session.dispose()

const plain = []
for (let i = 1; i <= 30; i++) {
  const bytes = Buffer.from(texts[i % 2])
  const t = performance.now()
  const temp = path.join(path.dirname(abs), `.bench-${process.pid}-${i}.tmp`)
  const fd = fs.openSync(temp, 'w')
  fs.writeSync(fd, bytes)
  fs.fsyncSync(fd)
  fs.closeSync(fd)
  fs.renameSync(temp, abs)
  plain.push(performance.now() - t)
}
const plainAsync = []
const durableAsync = []
for (let i = 1; i <= 60; i++) {
  const bytes = Buffer.from(texts[i % 2])
  const t = performance.now()
  const temp = path.join(path.dirname(abs), `.bench-${process.pid}-a${i}.tmp`)
  const handle = await fsp.open(temp, 'w')
  await handle.write(bytes)
  await handle.sync()
  await handle.close()
  await fsp.rename(temp, abs)
  if (i % 2 === 0) {
    plainAsync.push(performance.now() - t)
    continue
  }
  const folder = await fsp.open(path.dirname(abs), 'r')
  await folder.sync()
  await folder.close()
  durableAsync.push(performance.now() - t)
}
console.log(JSON.stringify({ saveMs: median(saves), plainMs: median(plain), plainAsyncMs: median(plainAsync), durableAsyncMs: median(durableAsync), bytes: Buffer.byteLength(texts[0]) }))

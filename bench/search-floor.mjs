// The floors under `folio search` (issue 22), measured by search.bench.mjs in the same run as rg and Folio: the least
// plain Node does for the same answer, with no Folio code. One process, the main thread and one worker thread (as
// Folio's search uses both cores), started at once.
//   node bench/search-floor.mjs read-confined <dir> <word>   list every folder, open each one and prove it inside <dir>
//       through the kernel's name for its fd, open every .md file through /proc/thread-self/fd/<folder fd>/<name> with
//       O_NOFOLLOW|O_NONBLOCK (rule 2's confined open, as src/core/store/folder-open.ts does), fstat, read it whole,
//       look for <word> (Buffer.indexOf), close; prints the number of files that hold it
//   node bench/search-floor.mjs read-plain <dir> <word>       the same, every file opened by its plain path (unconfined)
//   node bench/search-floor.mjs lstat <list>                  lstat every path in <list> (one per line): the stamps a
//       saved index must check (size, mtime, ctime), with no index to read
//   node bench/search-floor.mjs lstat-binding <list>          the same through Node's fs binding, one reused array a
//       call instead of a Stats object (what src/core/index/stamp-read.ts proves and uses): Node's fastest lstat
// NOTE: Linux only (/proc); search.bench.mjs runs it only there.
import fs from 'node:fs'
import path from 'node:path'
import { Worker, isMainThread, parentPort } from 'node:worker_threads'

const fileFlags = fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOFOLLOW
const folderFlags = fs.constants.O_RDONLY | fs.constants.O_DIRECTORY | fs.constants.O_NOFOLLOW

/** Reads the .md files `names` of each folder of `batch` ([folder, names][]); the count of files holding `needle`. */
function readBatch(mode, batch, needle, realRoot, state) {
  let hits = 0
  for (const [folder, names] of batch) {
    let prefix = folder + path.sep
    let folderFd = -1
    if (mode === 'read-confined') {
      folderFd = fs.openSync(folder, folderFlags)
      const named = fs.readlinkSync(`/proc/thread-self/fd/${folderFd}`)
      if (named !== realRoot && !named.startsWith(realRoot + path.sep)) throw new Error(`${folder} is outside`)
      prefix = `/proc/thread-self/fd/${folderFd}/`
    }
    for (const name of names) {
      const fd = fs.openSync(prefix + name, fileFlags)
      const { size } = fs.fstatSync(fd)
      if (size > state.buffer.length) state.buffer = Buffer.alloc(size)
      const read = fs.readSync(fd, state.buffer, 0, size, 0)
      if (state.buffer.subarray(0, read).indexOf(needle) !== -1) hits++
      fs.closeSync(fd)
    }
    if (folderFd !== -1) fs.closeSync(folderFd)
  }
  return hits
}

/** lstat of every path in `list` (fs.lstatSync, or with `isRaw` Node's fs binding): how many are files. */
function stampAll(list, isRaw) {
  let files = 0
  if (isRaw) {
    // NOTE: the call fs.lstatSync makes in Node 20.19+ (path, bigint, no request, throwIfNoEntry); [1] is the mode.
    const binding = process.binding('fs')
    for (const p of list) if ((binding.lstat(p, false, undefined, false)[1] & 0o170000) === 0o100000) files++
  } else for (const p of list) if (fs.lstatSync(p).isFile()) files++
  return files
}

if (!isMainThread) {
  // NOTE: the worker reads the batches of folders the main thread sends while it walks, and answers its count at 'done'.
  const state = { buffer: Buffer.alloc(1 << 16) }
  let hits = 0
  parentPort.on('message', (message) => {
    if (message.mode === 'lstat' || message.mode === 'lstat-binding') parentPort.postMessage(stampAll(message.work, message.mode === 'lstat-binding'))
    else if (message.done) parentPort.postMessage(hits)
    else hits += readBatch(message.mode, message.batch, Buffer.from(message.word), message.realRoot, state)
  })
} else {
  const [mode, target, word] = process.argv.slice(2)
  // NOTE: the worker starts first, so its start-up overlaps the main thread's own work, as it would in a tuned tool.
  const worker = new Worker(new URL(import.meta.url))
  const answer = new Promise((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
  })
  let mine = 0
  if (mode === 'lstat' || mode === 'lstat-binding') {
    const list = fs.readFileSync(target, 'utf8').split('\n').filter(Boolean)
    const half = list.length >> 1
    worker.postMessage({ mode, work: list.slice(half) })
    mine = stampAll(list.slice(0, half), mode === 'lstat-binding')
  } else if (mode === 'read-confined' || mode === 'read-plain') {
    const realRoot = fs.realpathSync.native(target)
    const needle = Buffer.from(word)
    const state = { buffer: Buffer.alloc(1 << 16) }
    // NOTE: one walk, on this thread; every second batch of 32 folders (with their .md names) goes to the worker as
    // soon as it is listed, the others are read here between two batches.
    const stack = [target]
    let batch = []
    let turn = 0
    const flush = () => {
      if (turn++ % 2 === 1) worker.postMessage({ mode, batch, word, realRoot })
      else mine += readBatch(mode, batch, needle, realRoot, state)
      batch = []
    }
    while (stack.length > 0) {
      const folder = stack.pop()
      const names = []
      for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        if (entry.isDirectory()) stack.push(path.join(folder, entry.name))
        else if (entry.isFile() && entry.name.endsWith('.md')) names.push(entry.name)
      }
      if (names.length > 0) batch.push([folder, names])
      if (batch.length === 32) flush()
    }
    if (batch.length > 0) flush()
    worker.postMessage({ done: true })
  } else {
    throw new Error('usage: search-floor.mjs read-confined|read-plain <dir> <word> | lstat|lstat-binding <list>')
  }
  console.log(mine + (await answer))
  await worker.terminate()
}

import fs from 'node:fs'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../../../src/core/atomic-write'
import { exportArticles, exportFileSize, maxBundleBytes, streamChunkBytes, writeExportFiles, zipStream, type ExportSource } from '../../../../src/core/export/index'
import { nodeFs, type FsPort } from '../../../../src/core/fs-port'
import { withFaults } from '../../../support/fault-fs'
import { sourceIn, tempDir } from './helpers'

// Markdown export copies page-bundle resources (issue #16: "bundle export reads resources whole, 3.4 GB RSS on
// 630 MB"). Their sizes count against one budget per run before any is opened; they are streamed a chunk at a time
// to --out, to a zip, or to the app's destination, opened confined (no link followed, nothing outside the folder);
// what lies in skipped folders (node_modules, dot-folders) is never copied.
let site = ''
let content = ''
let out = ''
const source = (rel: string): Promise<ExportSource> => sourceIn(rel, content)
const write = (rel: string, bytes: number | string): void => {
  const abs = path.join(content, ...rel.split('/'))
  fs.mkdirSync(path.dirname(abs), { recursive: true })
  fs.writeFileSync(abs, typeof bytes === 'string' ? bytes : Buffer.alloc(bytes, 1))
}
/** A file of `size` bytes that takes no disk space (a hole): large sizes without writing them. */
const sparse = (rel: string, size: number): void => {
  write(rel, '')
  fs.truncateSync(path.join(content, ...rel.split('/')), size)
}

/**
 * A port that records the length of every read, per file, so a test sees whether a file was read whole.
 * NOTE: it is the real nodeFs with reads observed, not a fake: every call goes to nodeFs unchanged.
 */
function readRecorder(): { fs: FsPort; reads: Map<string, number[]> } {
  const reads = new Map<string, number[]>()
  const port: FsPort = {
    ...nodeFs,
    async open(file, flags, mode) {
      const handle = await nodeFs.open(file, flags, mode)
      return {
        ...handle,
        fd: handle.fd,
        read: (buffer, offset, length, position) => {
          reads.set(file, [...(reads.get(file) ?? []), length])
          return handle.read(buffer, offset, length, position)
        },
      }
    },
    readFile: (file) => {
      reads.set(file, [...(reads.get(file) ?? []), Infinity])
      return nodeFs.readFile(file)
    },
  }
  return { fs: port, reads }
}

beforeAll(() => {
  site = fs.realpathSync(tempDir('folio-bundle-budget-'))
  content = path.join(site, 'content')
  out = path.join(site, 'out')
  write('a/index.md', '---\ntitle: A\n---\n')
  write('a/one.png', 600)
  write('a/node_modules/pkg/big.png', 5000)
  write('a/.cache/big.png', 5000)
  write('b/index.md', '---\ntitle: B\n---\n')
  write('b/two.png', 600)
  write('big/index.md', '---\ntitle: Big\n---\n')
  sparse('big/movie.mp4', 3 * 1024 * 1024 + 17)
  write('big/notes.txt', 'notes\n')
  write('huge/index.md', '---\ntitle: Huge\n---\n')
  write('huge/small.png', 10)
  sparse('huge/zz-huge.mp4', maxBundleBytes + 1)
  fs.mkdirSync(path.join(site, 'outside'))
  fs.writeFileSync(path.join(site, 'outside', 'secret.png'), 'SECRET')
})
afterAll(() => fs.rmSync(site, { recursive: true, force: true }))

describe('bundle export budget', () => {
  it('copies a bundle within the budget, without what lies in node_modules or dot-folders', async () => {
    const run = await exportArticles([await source('a/index.md')], { format: 'md', maxResourceBytes: 1000 })
    expect(run.failures).toEqual([])
    expect(run.files.map((f) => f.name)).toEqual(['a/index.md', 'a/one.png'])
  })

  it('refuses, naming the file, the bundle whose resources pass the run budget; what came before is kept', async () => {
    const run = await exportArticles([await source('a/index.md'), await source('b/index.md')], { format: 'md', maxResourceBytes: 1000 })
    expect(run.exported).toEqual(['a/index.md'])
    expect(run.failures).toEqual([{ path: 'b/index.md', message: 'b/index.md: bundle resources pass 0 MB at "b/two.png"; export fewer articles at once' }])
    expect(run.files.reduce((sum, f) => sum + exportFileSize(f), 0)).toBeLessThan(1000 + 100)
  })

  it('enforces the total cap (512 MB) from sizes alone, before opening or reading any resource', async () => {
    const port = withFaults(nodeFs, [])
    const run = await exportArticles([await source('huge/index.md')], { format: 'md', fs: port })
    expect(run.failures).toEqual([{ path: 'huge/index.md', message: 'huge/index.md: bundle resources pass 512 MB at "huge/zz-huge.mp4"; export fewer articles at once' }])
    expect(port.calls.filter((c) => c.op === 'open' || c.op === 'read')).toEqual([])
  })
})

describe('bundle resources are streamed', () => {
  it('to an output folder, a chunk at a time, whatever the size', async () => {
    const recorder = readRecorder()
    const run = await exportArticles([await source('big/index.md')], { format: 'md', fs: recorder.fs })
    expect(run.failures).toEqual([])
    // NOTE: listing the bundle read nothing; only writing opens each resource.
    expect(recorder.reads.size).toBe(0)
    const written = await writeExportFiles(out, run.files)
    expect(written.ok).toBe(true)
    const movie = path.join(content, 'big', 'movie.mp4')
    const lengths = recorder.reads.get(movie) ?? []
    expect(Math.max(...lengths)).toBeLessThanOrEqual(streamChunkBytes)
    expect(lengths.length).toBeGreaterThan(10)
    expect(fs.statSync(path.join(out, 'big', 'movie.mp4')).size).toBe(3 * 1024 * 1024 + 17)
    expect(fs.readFileSync(path.join(out, 'big', 'notes.txt'), 'utf8')).toBe('notes\n')
  })

  it('into a zip, a chunk at a time, with every entry intact', async () => {
    const recorder = readRecorder()
    const run = await exportArticles([await source('big/index.md')], { format: 'md', fs: recorder.fs })
    const target = path.join(out, 'big.zip')
    expect((await writeFileAtomic(target, zipStream(run.files))).ok).toBe(true)
    expect(Math.max(...(recorder.reads.get(path.join(content, 'big', 'movie.mp4')) ?? []))).toBeLessThanOrEqual(streamChunkBytes)
    const entries = unzipSync(fs.readFileSync(target))
    expect(Object.keys(entries).sort()).toEqual(['big/index.md', 'big/movie.mp4', 'big/notes.txt'])
    expect(entries['big/movie.mp4']?.byteLength).toBe(3 * 1024 * 1024 + 17)
    expect(entries['big/movie.mp4']?.every((b) => b === 0)).toBe(true)
    expect(new TextDecoder().decode(entries['big/notes.txt'])).toBe('notes\n')
  })

  it('never copies a resource swapped for a link to an outside file after it was listed; the zip is not made', async () => {
    write('swap/index.md', '---\ntitle: Swap\n---\n')
    write('swap/pic.png', 'INSIDE')
    const run = await exportArticles([await source('swap/index.md')], { format: 'md' })
    fs.rmSync(path.join(content, 'swap', 'pic.png'))
    fs.symlinkSync(path.join(site, 'outside', 'secret.png'), path.join(content, 'swap', 'pic.png'))
    const target = path.join(out, 'swap.zip')
    const zipped = await writeFileAtomic(target, zipStream(run.files))
    expect(zipped.ok || zipped.error.code).toBe('INVALID_PATH')
    expect(fs.existsSync(target)).toBe(false)
    const copied = await writeExportFiles(path.join(out, 'swap'), run.files)
    expect(copied.ok || copied.error.code).toBe('INVALID_PATH')
    expect(fs.existsSync(path.join(out, 'swap', 'swap', 'pic.png'))).toBe(false)
  })

  it('fails a resource that grew after it was counted, instead of copying past its size', async () => {
    write('grow/index.md', '---\ntitle: Grow\n---\n')
    write('grow/data.bin', 'abc')
    const run = await exportArticles([await source('grow/index.md')], { format: 'md' })
    fs.appendFileSync(path.join(content, 'grow', 'data.bin'), 'more')
    const copied = await writeExportFiles(path.join(out, 'grow'), run.files)
    expect(copied.ok || copied.error.message).toMatch(/grew while it was being exported/)
  })
})

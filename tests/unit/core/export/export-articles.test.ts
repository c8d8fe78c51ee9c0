import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseFrontMatter } from '@shared/front-matter'
import { listArticleFiles } from '../../../../src/core/article-files'
import { createChromiumPdfRenderer, exportArticles, packageExport, zipFiles, type ExportSource } from '../../../../src/core/export/index'
import { bundleArticle, bytesOf, newsArticle, sampleSite, sourceIn, tempDir } from './helpers'
import type { ChunkProducer } from '../../../../src/core/atomic-write'
import type { ExportFile } from '../../../../src/core/export/index'

function only(files: ExportFile[]): ExportFile {
  const first = files[0]
  if (first === undefined) throw new Error('no file exported')
  return first
}

async function collected(produce: ChunkProducer): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  const done = await produce((chunk) => Promise.resolve(void chunks.push(chunk.slice())))
  if (!done.ok) throw new Error(done.error.message)
  return Buffer.concat(chunks)
}

const source = (rel: string): Promise<ExportSource> => sourceIn(rel)

async function allSources(): Promise<ExportSource[]> {
  const listed = await listArticleFiles(sampleSite)
  if (!listed.ok) throw new Error(listed.error.message)
  return Promise.all(listed.value.map((rel) => source(rel)))
}

/** True when poppler-utils' pdftotext runs; without it the PDF text test is skipped (named so in the report). */
const hasPdftotext = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error === undefined

// NOTE: one Chromium for every PDF test of the unit run (this file's two): a launch with one page printed costs ~2 s
// of CPU here (Chromium's processes), so the request check lives here rather than in a file of its own.
const pdfRenderer = createChromiumPdfRenderer()
afterAll(() => pdfRenderer.close())

describe('exportArticles', () => {
  it('JSON parses back to the same front matter, with body and HTML', async () => {
    const run = await exportArticles([await source(newsArticle)], { format: 'json' })
    expect(run.failures).toEqual([])
    expect(run.files.map((f) => f.name)).toEqual(['content/posts/2025/is-k-rising-un-warns.json'])
    const json = JSON.parse(Buffer.from(await bytesOf(only(run.files))).toString('utf8')) as Record<string, unknown>
    const text = fs.readFileSync(path.join(sampleSite, newsArticle), 'utf8')
    const parsed = parseFrontMatter(text)
    expect(json.frontMatter).toEqual(parsed.data)
    expect(json.frontMatterFormat).toBe('yaml')
    expect(json.path).toBe(newsArticle)
    expect(json.body).toBe(text.slice(parsed.block?.to ?? 0))
    expect(json.html).toContain('<h1 class="article-title">IS-K rising?')
  })

  it('JSON of several articles is one array, in order', async () => {
    const run = await exportArticles([await source(newsArticle), await source(bundleArticle)], { format: 'json' })
    expect(run.files.map((f) => f.name)).toEqual(['articles.json'])
    const json = JSON.parse(Buffer.from(await bytesOf(only(run.files))).toString('utf8')) as { path: string }[]
    expect(json.map((a) => a.path)).toEqual([newsArticle, bundleArticle])
  })

  it('Markdown is the file byte for byte, plus the page bundle resources', async () => {
    const run = await exportArticles([await source(bundleArticle), await source('content/posts/2024/saved-on-windows.md')], { format: 'md' })
    expect(run.files.map((f) => f.name)).toEqual([bundleArticle, 'content/posts/2024/mountain-trip/cover.png', 'content/posts/2024/saved-on-windows.md'])
    for (const file of run.files) expect(Buffer.from(await bytesOf(file)).equals(fs.readFileSync(path.join(sampleSite, file.name)))).toBe(true)
  })

  it('a malformed article fails alone with a message while the others export', async () => {
    const sources = await allSources()
    const run = await exportArticles(sources, { format: 'html' })
    expect(run.failures).toEqual([{ path: 'content/posts/2024/broken-front-matter.md', message: expect.stringMatching(/^content\/posts\/2024\/broken-front-matter\.md:2:\d+: front matter: /) as unknown }])
    expect(run.exported).toHaveLength(sources.length - 1)
    expect(run.files).toHaveLength(sources.length - 1)
  })

  it('the zip lists the expected files with folders kept', async () => {
    const sources = await allSources()
    const run = await exportArticles(sources, { format: 'html' })
    const packaged = packageExport(run.files, 'site-export')
    expect(packaged.fileName).toBe('site-export.zip')
    const names = Object.keys(unzipSync(await collected(packaged.produce))).sort()
    const expected = sources.map((s) => s.rel.replace(/\.md$/, '.html')).filter((n) => !n.includes('broken-front-matter')).sort()
    expect(names).toEqual(expected)
    expect(names).toContain('content/posts/2024/mountain-trip/index.html')
  })

  it('one file is handed over as itself; a bundle index takes its folder name', async () => {
    const one = packageExport([{ name: 'posts/trip/index.html', bytes: new Uint8Array([1]) }], 'x')
    expect(one).toMatchObject({ fileName: 'trip.html', mimeType: 'text/html; charset=utf-8' })
    expect(packageExport([{ name: 'a.md', bytes: new Uint8Array([1]) }], 'x', true).fileName).toBe('x.zip')
    const zipped = await zipFiles([{ name: 'a/b.png', bytes: new Uint8Array([1, 2]) }, { name: 'a/c.md', bytes: new Uint8Array([3]) }])
    expect(zipped.ok && unzipSync(zipped.value)).toEqual({ 'a/b.png': new Uint8Array([1, 2]), 'a/c.md': new Uint8Array([3]) })
  })

  it('stops between articles when cancelled, and reports progress', async () => {
    const controller = new AbortController()
    const seen: number[] = []
    const sources = [await source(newsArticle), await source(bundleArticle), await source('content/about.md')]
    const run = await exportArticles(sources, {
      format: 'md',
      signal: controller.signal,
      onProgress: (done) => {
        seen.push(done)
        if (done === 1) controller.abort()
      },
    })
    expect(run.isCancelled).toBe(true)
    expect(run.exported).toEqual([newsArticle])
    expect(seen).toEqual([1])
  })

  it.skipIf(!hasPdftotext)(hasPdftotext ? 'PDF text (pdftotext) holds the title and first paragraph' : 'PDF text check SKIPPED: pdftotext (poppler-utils) is not installed', async () => {
    const run = await exportArticles([await source(newsArticle)], { format: 'pdf', pdfRenderer, pdf: { pageSize: 'A4', marginMm: 15 } })
    expect(run.failures, JSON.stringify(run.failures)).toEqual([])
    const file = path.join(tempDir(), 'a.pdf')
    fs.writeFileSync(file, await bytesOf(only(run.files)))
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-')
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    // NOTE: a line that wraps after a hyphen comes out as "Afghanistan- based"; join it back.
    const joined = text.replace(/- /g, '-')
    expect(joined).toContain('IS-K rising? UN warns of global chaos as Pakistan fires back at US')
    expect(joined).toContain(
      'The United Nations has raised alarm over the escalating threat of Islamic State-Khorasan (IS-K), the Afghanistan-based affiliate of ISIS, warning that it poses a serious risk to regional and global security, reported Voice of America.',
    )
  }, 60_000)
})

// The Chromium renderer (CLI and browser mode) prints with every request but data: refused: a document that
// points at a server (here one on 127.0.0.1 that counts what it is asked) or at local files loads none of them.
describe('the Chromium PDF renderer', () => {
  let server: http.Server
  const hits: string[] = []
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      hits.push(request.url ?? '')
      response.end('x')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  })
  afterAll(() => new Promise((resolve) => server.close(resolve)))

  it('loads nothing but data: while printing', async () => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const html = `<!DOCTYPE html><html><head><link rel="stylesheet" href="${base}/style.css"></head><body>
<img src="${base}/pixel.png"><img src="file:///etc/hostname"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<p style="background: #eee">text</p></body></html>`
    const printed = await pdfRenderer.render(html, { pageSize: 'A4', marginMm: 18 })
    if (!printed.ok) expect(printed.error.code).toBe('UNSUPPORTED')
    else expect(new TextDecoder().decode(printed.value.slice(0, 5))).toBe('%PDF-')
    expect(hits).toEqual([])
  }, 60_000)
})

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { PdfRenderer } from '../../../src/core/export/index'
import { createExportCommand } from '../../../src/cli/commands/export'
import { runCli } from '../../../src/cli/index'

interface CliRun {
  code: number
  stdout: string
  stderr: string
}

const sample = path.resolve(import.meta.dirname, '..', '..', '..', 'resources', 'sample-content')
let site: string
let work: string
let stateDir: string

async function folio(...args: string[]): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(['export', ...args, '--state-dir', stateDir], { cwd: site, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) })
  return { code, stdout, stderr }
}

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort()
}

beforeEach(() => {
  site = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-cli-export-site-')))
  fs.cpSync(sample, site, { recursive: true })
  work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-cli-export-out-')))
  stateDir = path.join(work, 'state')
})

afterEach(() => {
  fs.rmSync(site, { recursive: true, force: true })
  fs.rmSync(work, { recursive: true, force: true })
})

describe('folio export', () => {
  it('exports a folder to HTML under --out, prints each path, and fails (exit 1) only for the malformed article', async () => {
    const out = path.join(work, 'html')
    const run = await folio('content/posts', '--format', 'html', '--out', out)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^folio export: 2024\/broken-front-matter\.md:2:\d+: front matter: .+\n$/)
    const written = run.stdout.trim().split('\n')
    expect(written).toContain(path.join(out, '2025', 'is-k-rising-un-warns.html'))
    expect(listFiles(out)).toContain('2024/mountain-trip/index.html')
    expect(listFiles(out)).not.toContain('2024/broken-front-matter.html')
    expect(written.sort()).toEqual(listFiles(out).map((f) => path.join(out, ...f.split('/'))).sort())
  })

  it('writes a zip of Markdown with bundle resources, byte for byte', async () => {
    const zip = path.join(work, 'md.zip')
    const run = await folio('content/posts/2024/mountain-trip/index.md', 'content/about.md', '--format', 'md', '--zip', zip)
    expect(run).toMatchObject({ code: 0, stdout: zip + '\n', stderr: '' })
    const entries = unzipSync(fs.readFileSync(zip))
    expect(Object.keys(entries).sort()).toEqual(['about.md', 'mountain-trip/cover.png', 'mountain-trip/index.md'])
    expect(Buffer.from(entries['about.md'] ?? []).equals(fs.readFileSync(path.join(site, 'content/about.md')))).toBe(true)
  })

  it('prints JSON to stdout: an object for one article, an array for many', async () => {
    const one = await folio('content/posts/2025/is-k-rising-un-warns.md', '--format', 'json')
    expect(one.code).toBe(0)
    expect((JSON.parse(one.stdout) as { frontMatter: { title: string } }).frontMatter.title).toBe('IS-K rising? UN warns of global chaos as Pakistan fires back at US')
    const many = await folio('content/posts/2025', '--format', 'json')
    expect((JSON.parse(many.stdout) as unknown[]).length).toBe(9)
  })

  it('refuses to write inside the content folder unless --allow-inside', async () => {
    const refused = await folio('content', '--format', 'md', '--out', 'content/exported')
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('inside the content folder')
    expect(fs.existsSync(path.join(site, 'content/exported'))).toBe(false)
    const allowed = await folio('content/about.md', '--format', 'md', '--out', 'content/exported', '--allow-inside')
    expect(allowed.code).toBe(0)
    expect(fs.existsSync(path.join(site, 'content/exported/about.md'))).toBe(true)
  })

  it('--since last exports only what changed after the previous export of that folder', async () => {
    const out = path.join(work, 'since')
    const first = await folio('content/posts/2025', '--format', 'md', '--out', out, '--since', 'last')
    expect(first.stdout.trim().split('\n')).toHaveLength(9)
    const second = await folio('content/posts/2025', '--format', 'md', '--out', out, '--since', 'last')
    expect(second).toMatchObject({ code: 0, stdout: '' })
    expect(second.stderr).toContain('nothing exported')
    const later = new Date(Date.now() + 5000)
    fs.utimesSync(path.join(site, 'content/posts/2025/unicode-title.md'), later, later)
    const third = await folio('content/posts/2025', '--format', 'md', '--out', out, '--since', 'last')
    expect(third.stdout).toBe(path.join(out, 'unicode-title.md') + '\n')
    expect(fs.readFileSync(path.join(stateDir, 'export-state.json'), 'utf8')).toContain(path.join(site, 'content', 'posts', '2025'))
  })

  it('--since DATE filters by modification time', async () => {
    fs.utimesSync(path.join(site, 'content/about.md'), new Date('2020-01-01'), new Date('2020-01-01'))
    const run = await folio('content/about.md', 'content/posts/2025/yaml-anchors.md', '--format', 'json', '--since', '2021-01-01')
    expect((JSON.parse(run.stdout) as { path: string }).path).toBe('yaml-anchors.md')
  })

  it('passes page options to the PDF engine and writes .pdf files', async () => {
    const seen: unknown[] = []
    // NOTE: stands in for the Electron PDF engine (main/export-pdf, tested over fake-electron), which cannot run here;
    // only the options passed and the bytes written are checked.
    const fake: PdfRenderer = {
      render: (html, options) => {
        seen.push(options)
        return Promise.resolve({ ok: true, value: Buffer.from(`%PDF-fake ${html.length}`) })
      },
      close: () => Promise.resolve(),
    }
    let stdout = ''
    const out = path.join(work, 'pdf')
    const code = await createExportCommand({ createPdfRenderer: () => fake }).run(
      ['content/about.md', '--format', 'pdf', '--out', out, '--page-size', 'Letter', '--margin', '10', '--state-dir', stateDir],
      { cwd: site, stdout: (t) => (stdout += t), stderr: () => undefined },
    )
    expect(code).toBe(0)
    expect(seen).toEqual([{ pageSize: 'Letter', marginMm: 10 }])
    expect(stdout).toBe(path.join(out, 'about.pdf') + '\n')
  })

  it('reports usage errors with exit 2', async () => {
    for (const args of [[], ['content'], ['content', '--format', 'docx'], ['content', '--format', 'html'], ['content', '--format', 'md', '--out', 'a', '--zip', 'b'], ['content', '--format', 'json', '--since', 'soon'], ['content', '--format', 'pdf', '--out', work, '--margin', '99'], ['missing.md', '--format', 'json'], ['hugo.toml', '--format', 'json']]) {
      const run = await folio(...args)
      expect({ args, code: run.code }).toEqual({ args, code: 2 })
      expect(run.stderr).toMatch(/^folio export: /)
    }
  })
})

import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { folio, makeFolder, snapshot } from './cli-harness'


const sample = fs.readFileSync(new URL('../../fixtures/front-matter/is-k-rising-un-warns.md', import.meta.url))

let root = ''
afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

describe('folio set', () => {
  it('edits values in YAML syntax in several files, changing only their lines', async () => {
    root = makeFolder({ 'a.md': sample, 'b.md': '+++\ntitle = "B"\n+++\n' })
    const run = await folio(root, 'set', 'a.md', 'b.md', 'title="New: title"', 'draft=true', 'tags=[a, b]')
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' })
    const a = fs.readFileSync(path.join(root, 'a.md'), 'utf8')
    expect(a).toBe(
      sample
        .toString()
        .replace(/^title: .*$/m, 'title: "New: title"')
        .replace('  - "business-standard"\nmenu', '  - "a"\n  - "b"\nmenu')
        .replace('  - "taglist"\n---', '  - "taglist"\ndraft: true\n---'),
    )
    expect(fs.readFileSync(path.join(root, 'b.md'), 'utf8')).toBe('+++\ntitle = "New: title"\ndraft = true\ntags = ["a", "b"]\n+++\n')
  })

  it('writes a date in the layout the file already uses', async () => {
    root = makeFolder({ 'a.md': sample })
    await folio(root, 'set', 'a.md', 'date=2026-03-04')
    expect(fs.readFileSync(path.join(root, 'a.md'), 'utf8')).toContain('\ndate: "2026-03-04 00:00:00"\n')
  })

  it('prints a unified diff with --dry-run and writes nothing', async () => {
    root = makeFolder({ 'a.md': sample })
    const before = snapshot(path.join(root, 'a.md'))
    const run = await folio(root, 'set', 'a.md', 'sidebar="left"', '--dry-run')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('--- a/a.md')
    expect(run.stdout).toContain('-sidebar: "right"\n+sidebar: "left"\n')
    expect(snapshot(path.join(root, 'a.md'))).toEqual(before)
  })

  it('never writes a file whose value is already equal', async () => {
    root = makeFolder({ 'a.md': sample })
    const before = snapshot(path.join(root, 'a.md'))
    expect((await folio(root, 'set', 'a.md', 'sidebar=right', 'pager=true')).code).toBe(0)
    expect(snapshot(path.join(root, 'a.md'))).toEqual(before)
  })

  it('keeps CRLF and the BOM of the file', async () => {
    root = makeFolder({ 'a.md': Buffer.from('\uFEFF---\r\ntitle: a\r\n---\r\nbody\r\n') })
    await folio(root, 'set', 'a.md', 'title=b')
    expect(fs.readFileSync(path.join(root, 'a.md')).toString('utf8')).toBe('\uFEFF---\r\ntitle: b\r\n---\r\nbody\r\n')
  })

  it('reports broken front matter as path:line:col, exits 1 and leaves the file alone; other files still change', async () => {
    root = makeFolder({ 'bad.md': '---\ntitle: a\ntitle: "b\n---\n', 'good.md': '---\ntitle: a\n---\n' })
    const before = snapshot(path.join(root, 'bad.md'))
    const run = await folio(root, 'set', 'bad.md', 'good.md', 'title=c')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^bad\.md:3:8: error: /)
    expect(snapshot(path.join(root, 'bad.md'))).toEqual(before)
    expect(fs.readFileSync(path.join(root, 'good.md'), 'utf8')).toBe('---\ntitle: c\n---\n')
  })

  it('refuses edits that would break an anchor', async () => {
    root = makeFolder({ 'a.md': '---\nbase: &b 1\nother: *b\n---\n' })
    const run = await folio(root, 'set', 'a.md', 'base=2')
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('anchor &b')
  })

  it('exits 2 for usage mistakes', async () => {
    root = makeFolder({ 'a.md': sample })
    expect((await folio(root, 'set', 'a.md')).code).toBe(2)
    expect((await folio(root, 'set', 'title=x')).code).toBe(2)
    expect((await folio(root, 'set', 'a.md', 'title=[unclosed')).code).toBe(2)
    expect((await folio(root, 'set', 'a.md', 'title=x', '--force')).code).toBe(2)
    expect((await folio(root, 'set', 'missing.md', 'title=x')).code).toBe(2)
  })
})

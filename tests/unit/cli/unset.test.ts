import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { folio, makeFolder, snapshot } from './cli-harness'


let root = ''
afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

describe('folio unset', () => {
  it('removes the key and its comment lines from each file', async () => {
    root = makeFolder({ 'a.md': '---\ntitle: a\n# draft state\ndraft: true\n---\nbody\n', 'b.md': '{\n  "title": "b",\n  "draft": true\n}\n' })
    expect(await folio(root, 'unset', 'a.md', 'b.md', 'draft')).toEqual({ code: 0, stdout: '', stderr: '' })
    expect(fs.readFileSync(path.join(root, 'a.md'), 'utf8')).toBe('---\ntitle: a\n---\nbody\n')
    expect(fs.readFileSync(path.join(root, 'b.md'), 'utf8')).toBe('{\n  "title": "b"\n}\n')
  })

  it('prints a diff with --dry-run and leaves files without the key untouched', async () => {
    root = makeFolder({ 'a.md': '---\ntitle: a\ndraft: true\n---\n', 'c.md': '---\ntitle: c\n---\n' })
    const a = snapshot(path.join(root, 'a.md'))
    const c = snapshot(path.join(root, 'c.md'))
    const run = await folio(root, 'unset', '--dry-run', 'a.md', 'c.md', 'draft')
    expect(run.stdout).toContain('-draft: true\n')
    expect(run.stdout).not.toContain('c.md')
    expect(snapshot(path.join(root, 'a.md'))).toEqual(a)
    await folio(root, 'unset', 'a.md', 'c.md', 'draft')
    expect(snapshot(path.join(root, 'c.md'))).toEqual(c)
  })

  it('exits 2 without a file or key', async () => {
    root = makeFolder({ 'a.md': '---\ntitle: a\n---\n' })
    expect((await folio(root, 'unset', 'a.md')).code).toBe(2)
  })
})

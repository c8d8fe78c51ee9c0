import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { folio, makeFolder } from './cli-harness'


let root = ''
afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

describe('folio get', () => {
  it('prints the whole front matter, or one value, as JSON', async () => {
    root = makeFolder({ 'a.md': '---\ntitle: "Hi"\nparams:\n  tags: [x, y]\n---\nbody\n' })
    expect(await folio(root, 'get', 'a.md')).toEqual({ code: 0, stdout: JSON.stringify({ title: 'Hi', params: { tags: ['x', 'y'] } }, null, 2) + '\n', stderr: '' })
    expect((await folio(root, 'get', 'a.md', 'params.tags[1]')).stdout).toBe('"y"\n')
    expect((await folio(root, 'get', 'a.md', 'title')).stdout).toBe('"Hi"\n')
  })

  it('reads TOML and JSON and files with CRLF and a BOM', async () => {
    root = makeFolder({ 't.md': '\uFEFF+++\r\ndate = 2024-01-01T10:00:00Z\r\n+++\r\n', 'j.md': '{ "title": "J" }\n' })
    expect((await folio(root, 'get', 't.md', 'date')).stdout).toBe('"2024-01-01T10:00:00Z"\n')
    expect((await folio(root, 'get', 'j.md', 'title')).stdout).toBe('"J"\n')
  })

  it('exits 1 for a missing key or broken front matter, 2 for usage mistakes', async () => {
    root = makeFolder({ 'a.md': '---\ntitle: a\n---\n', 'bad.md': '---\ntitle: a\ntitle: "b\n---\n' })
    expect((await folio(root, 'get', 'a.md', 'nope')).code).toBe(1)
    expect(await folio(root, 'get', 'bad.md')).toMatchObject({ code: 1, stderr: expect.stringMatching(/^bad\.md:3:8: error: /) as unknown })
    expect((await folio(root, 'get')).code).toBe(2)
    expect((await folio(root, 'get', 'missing.md')).code).toBe(2)
    expect((await folio(root, 'get', 'a.md', 'a..b')).code).toBe(2)
  })
})

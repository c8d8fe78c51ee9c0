import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { checkFolder } from '../../../../src/core/check/folder-check'

// `folio check` on a folder: the same answer in this thread and on worker threads, in the order of the paths given.

const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-check-')))
const files: Record<string, string | Buffer> = {
  'a.md': '---\ntitle: fine\n---\nbody\n',
  'b.md': '---\ntitle: a\ntitle: "b\n---\n',
  'c.md': '---\ntitle: a\ncomments: yes\n---\n',
  'd.md': Buffer.from([0, 1, 2]),
  'e.md': '\uFEFF+++\ntitle = "x"\r\ndate = 2024-13-40\r\n+++\r\n',
  'f.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0x3a, 0x20, 0xff, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]),
}
beforeAll(() => {
  for (let i = 0; i < 8; i++) for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(root, `${i}-${name}`), text)
})
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

describe('checkFolder', () => {
  it('reports every error and warning per file, and the same on two worker threads as in this thread', async () => {
    const rels = fs.readdirSync(root).sort()
    rels.splice(3, 0, 'gone.md')
    const here = await checkFolder(root, rels, { workers: 0 })
    if (!here.ok) throw new Error(here.error.message)
    const byName = Object.fromEntries(here.value.filter((f) => f.rel.startsWith('0-') || f.rel === 'gone.md').map((f) => [f.rel, f.problems.map((p) => `${p.line}:${p.column} ${p.severity}`)]))
    expect(byName).toEqual({
      '0-a.md': [],
      '0-b.md': ['3:8 error'],
      '0-c.md': ['3:11 warning'],
      '0-d.md': ['1:1 error'],
      '0-e.md': [expect.stringMatching(/^3:\d+ (error|warning)$/)],
      '0-f.md': ['1:1 error'],
      'gone.md': ['1:1 error'],
    })
    expect(here.value.map((f) => f.rel)).toEqual(rels)
    const workerScript = new URL('../../../../src/core/check/check-worker.ts', import.meta.url)
    const threads = await checkFolder(root, rels, { workers: 2, workerThreshold: 1, workerScript })
    expect(threads).toEqual(here)
  })
})

import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { exportArticles, type ExportSource } from '../../../../src/core/export/index'
import { tempDir } from './helpers'

// Markdown export copies page-bundle resources; their sizes count against one budget per run before any is read,
// and what lies in skipped folders (node_modules, dot-folders) is never copied.
let site = ''
const source = (rel: string): ExportSource => {
  const abs = path.join(site, 'content', ...rel.split('/'))
  return { rel, abs, place: { articleDir: path.dirname(abs), siteRoot: site, isPageBundle: true } }
}
beforeAll(() => {
  site = tempDir('folio-bundle-budget-')
  const write = (rel: string, bytes: number | string): void => {
    const abs = path.join(site, 'content', ...rel.split('/'))
    fs.mkdirSync(path.dirname(abs), { recursive: true })
    fs.writeFileSync(abs, typeof bytes === 'string' ? bytes : Buffer.alloc(bytes, 1))
  }
  write('a/index.md', '---\ntitle: A\n---\n')
  write('a/one.png', 600)
  write('a/node_modules/pkg/big.png', 5000)
  write('a/.cache/big.png', 5000)
  write('b/index.md', '---\ntitle: B\n---\n')
  write('b/two.png', 600)
})
afterAll(() => fs.rmSync(site, { recursive: true, force: true }))

it('copies a bundle within the budget, without what lies in node_modules or dot-folders', async () => {
  const run = await exportArticles([source('a/index.md')], { format: 'md', maxResourceBytes: 1000 })
  expect(run.failures).toEqual([])
  expect(run.files.map((f) => f.name)).toEqual(['a/index.md', 'a/one.png'])
})

it('refuses, naming the file, the bundle whose resources pass the run budget; what came before is kept', async () => {
  const run = await exportArticles([source('a/index.md'), source('b/index.md')], { format: 'md', maxResourceBytes: 1000 })
  expect(run.exported).toEqual(['a/index.md'])
  expect(run.failures).toEqual([{ path: 'b/index.md', message: 'b/index.md: bundle resources pass 0 MB at "b/two.png"; export fewer articles at once' }])
  expect(run.files.reduce((sum, f) => sum + f.bytes.byteLength, 0)).toBeLessThan(1000 + 100)
})

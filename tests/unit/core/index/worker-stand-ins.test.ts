import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ArticleIndex } from '../../../../src/core/index/article-index'

// The index-worker stand-ins of tests/support (faulty-index-worker: crashes or stalls on chosen names;
// gated-index-worker: holds one chosen file until the test opens a gate) import the real worker and only patch
// fs.openSync for those names. With none of those names in the folder, an index on each must give exactly what an
// index on the real worker gives, or the tests that use them would prove something about another worker.
// silent-index-worker never answers by design (it stands for a worker that hangs), so it has no answers to compare.

const stand = (name: string): URL => new URL(`../../../support/${name}`, import.meta.url)
let root = ''
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-worker-stand-ins-'))
  const write = (rel: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    fs.writeFileSync(path.join(root, rel), text)
  }
  write('a.md', '---\ntitle: Alpha\ndate: 2024-01-02\ntags: [x, y]\n---\nalphaword and more\n')
  write('b/c.md', '+++\ntitle = "Gamma"\ndraft = true\n+++\ngammaword\n')
  write('broken.md', '---\ntitle: [unclosed\n---\nbody\n')
})
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

async function indexWith(workerScript?: URL): Promise<{ articles: unknown[]; hits: unknown }> {
  const index = new ArticleIndex(root, { mode: 'worker', shards: 1, ...(workerScript ? { workerScript } : {}) })
  try {
    expect((await index.start()).ok).toBe(true)
    await index.whenSearchable()
    const articles = [...index.snapshot().articles].sort((x, y) => (x.path < y.path ? -1 : 1))
    const hits = await index.search('gammaword', 10)
    return { articles, hits: hits.ok ? hits.value.hits.map((h) => h.path) : hits }
  } finally {
    await index.dispose()
  }
}

it('an index on the faulty and on the gated worker (no chosen names present) equals one on the real worker', async () => {
  const real = await indexWith()
  expect(real.articles).toHaveLength(3)
  expect(real.hits).toEqual(['b/c.md'])
  expect(await indexWith(stand('faulty-index-worker.ts'))).toEqual(real)
  expect(await indexWith(stand('gated-index-worker.ts'))).toEqual(real)
})

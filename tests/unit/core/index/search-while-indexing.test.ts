import fs from 'node:fs'
import path from 'node:path'
import type { SearchResults } from '@shared/api'
import type { Result } from '@shared/result'
import { ArticleIndex } from '../../../../src/core/index/article-index'
import { makeTempDir, removeTempDir } from '../corpus'

// A search asked while the full-text index is still building is answered by reading the files directly (see
// ResumableScan). NOTE: found in the e2e large folder under load: each ask scanned the folder from its start for its
// budget on the host's thread, so a match late in the walk was never found until the index was built, and the
// host's thread did nothing else meanwhile.

const folders = 60
const perFolder = 20
let root = ''
const late = `d-${folders - 1}/f-${perFolder - 1}.md`

beforeAll(() => {
  root = makeTempDir()
  for (let d = 0; d < folders; d++) {
    fs.mkdirSync(path.join(root, `d-${String(d).padStart(2, '0')}`))
    for (let f = 0; f < perFolder; f++) fs.writeFileSync(path.join(root, `d-${String(d).padStart(2, '0')}`, `f-${String(f).padStart(2, '0')}.md`), `---\ntitle: "T ${d} ${f}"\n---\nplain body words\n`)
  }
  fs.writeFileSync(path.join(root, 'd-59', 'f-19.md'), '---\ntitle: "Late"\n---\nthe rarewordzz is here\n')
})
afterAll(() => removeTempDir(root))

/** An index of `root` whose full-text pass never starts, so every search is answered by the scan. */
async function building(scanBudgetMs: number): Promise<ArticleIndex> {
  const index = new ArticleIndex(root, { mode: 'local', shards: 1, scanBudgetMs })
  index.holdFullTextUntil(new Promise(() => undefined))
  expect((await index.start()).ok).toBe(true)
  return index
}

const paths = (r: Result<SearchResults>): string[] => (r.ok ? r.value.hits.map((h) => h.path) : [])

it('finds a match late in the walk within a bounded number of asks, whatever the time budget', async () => {
  expect(late).toBe('d-59/f-19.md')
  // NOTE: a budget of 0 makes every ask one step (one folder listed, or 20 files read): 60 folders and 1,200 files
  // need about 120 steps; before, every ask started again from the first file and read for at most its budget.
  const index = await building(0)
  try {
    const first = await index.search('rarewordzz')
    let answer = first
    let asks = 1
    for (; asks < 200 && paths(answer).length === 0; asks++) {
      expect(answer.ok && answer.value.isComplete).toBe(false)
      answer = await index.search('rarewordzz')
    }
    expect(paths(answer)).toEqual([late])
    expect(first.ok && first.value.note).toMatch(/0 of the 0 files listed so far are read; more may match/)
    expect(answer.ok && answer.value.total).toBe(1)
    expect(answer.ok && answer.value.hits[0].snippets[0]?.text).toContain('rarewordzz')
    expect(answer.ok && answer.value.isComplete).toBe(false)
    expect(asks).toBeLessThan(200)
  } finally {
    await index.dispose()
  }
})

it("lets the host's event loop turn while it reads, a few files at a time", async () => {
  const index = await building(60_000)
  try {
    let turns = 0
    let isAnswered = false
    const tick = (): void => {
      turns++
      if (!isAnswered) setImmediate(tick)
    }
    setImmediate(tick)
    const answer = await index.search('rarewordzz')
    isAnswered = true
    expect(paths(answer)).toEqual([late])
    // NOTE: 60 folders listed and 1,200 files read in steps of at most 20 files, a turn of the event loop after each.
    expect(turns).toBeGreaterThanOrEqual(folders + (folders * perFolder) / 20)
    expect(answer.ok && answer.value.note).not.toMatch(/listed so far/)
  } finally {
    await index.dispose()
  }
})

it('reads again a file changed, added or removed after the scan passed it', async () => {
  const index = await building(60_000)
  const changed = 'd-00/f-00.md'
  const added = 'd-00/f-new.md'
  try {
    expect(paths(await index.search('rarewordzz'))).toEqual([late])
    fs.writeFileSync(path.join(root, changed), 'now the rarewordzz too\n')
    fs.writeFileSync(path.join(root, added), 'and rarewordzz here\n')
    fs.rmSync(path.join(root, late))
    await index.update(changed)
    await index.update(added)
    await index.remove(late)
    const answer = await index.search('rarewordzz')
    expect(paths(answer)).toEqual([changed, added])
    expect(answer.ok && answer.value.total).toBe(2)
  } finally {
    await index.dispose()
    fs.writeFileSync(path.join(root, changed), '---\ntitle: "T 0 0"\n---\nplain body words\n')
    fs.rmSync(path.join(root, added))
    fs.writeFileSync(path.join(root, late), '---\ntitle: "Late"\n---\nthe rarewordzz is here\n')
  }
})

it('ranks as the index does: title hits first, then by path, at most the limit', async () => {
  const index = await building(60_000)
  const titled = ['d-10/f-00.md', 'd-30/f-05.md']
  try {
    for (const rel of titled) fs.writeFileSync(path.join(root, rel), '---\ntitle: "Body talk"\n---\nplain body words\n')
    for (const rel of titled) expect((await index.update(rel))?.summary.title).toBe('Body talk')
    const answer = await index.search('body', 7)
    expect(paths(answer)).toEqual([...titled, 'd-00/f-00.md', 'd-00/f-01.md', 'd-00/f-02.md', 'd-00/f-03.md', 'd-00/f-04.md'])
    expect(answer.ok && answer.value.hits.map((h) => h.title)).toEqual(['Body talk', 'Body talk', 'T 0 0', 'T 0 1', 'T 0 2', 'T 0 3', 'T 0 4'])
    // NOTE: every article but the late one says "body": all are counted, the limit only cuts what is shown.
    expect(answer.ok && answer.value.total).toBe(folders * perFolder - 1)
  } finally {
    await index.dispose()
    for (const rel of titled) {
      const [d, f] = rel.replace('.md', '').split('/').map((part) => Number(part.split('-')[1]))
      fs.writeFileSync(path.join(root, rel), `---\ntitle: "T ${d} ${f}"\n---\nplain body words\n`)
    }
  }
})

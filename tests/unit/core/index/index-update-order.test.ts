import fs from 'node:fs'
import path from 'node:path'
import type { ArticleSummary, FolderEvent } from '@shared/api'
import { ArticleIndex } from '../../../../src/core/index/article-index'
import { makeTempDir, removeTempDir } from '../corpus'

// NOTE: found by an e2e run under load: an article saved while the index was still sending batches kept its old
// title in the list. The index sends batches to the client on a timer; the save's re-index went out at once, and a
// batch still waiting, read before the save, went out after it: the client's last word on the article was the old one.
it("an article re-indexed while batches wait to go out ends with the re-index's summary, for the client too", async () => {
  const root = makeTempDir()
  const names = Array.from({ length: 1000 }, (_, i) => `f-${String(i).padStart(4, '0')}.md`)
  for (const name of names) fs.writeFileSync(path.join(root, name), `---\ntitle: "T ${name}"\n---\nbody\n`)
  const target = 'f-0300.md'
  const events: FolderEvent[] = []
  // NOTE: batches after the first wait for the timer (an hour here) or for the end of the pass.
  const index = new ArticleIndex(root, { mode: 'local', shards: 1, flushIntervalMs: 3_600_000, onEvent: (e) => events.push(e) })
  try {
    const started = index.start()
    // NOTE: the pass yields between its batches, so this sees the target's batch while later batches are still read.
    await vi.waitFor(() => expect(index.summaryOf(target)).toBeDefined(), { timeout: 60_000, interval: 1 })
    fs.writeFileSync(path.join(root, target), '---\ntitle: "Saved title"\n---\nbody\n')
    expect((await index.update(target))?.summary.title).toBe('Saved title')
    expect((await started).ok).toBe(true)
    // NOTE: the re-index went out before the pass's last batch (so that batch did wait while it was made).
    const reindexedAt = events.findIndex((e) => e.kind === 'articles-indexed' && e.articles.length === 1 && e.articles[0]?.path === target)
    const lastBatchAt = events.findLastIndex((e) => e.kind === 'articles-indexed' && e.articles.length > 1)
    expect(reindexedAt).toBeGreaterThan(-1)
    expect(reindexedAt).toBeLessThan(lastBatchAt)
    await index.whenSearchable()
    const sent = events.flatMap((e) => (e.kind === 'articles-indexed' ? e.articles : [])).filter((a: ArticleSummary) => a.path === target)
    expect(sent.at(-1)?.title).toBe('Saved title')
    expect(index.summaryOf(target)?.title).toBe('Saved title')
  } finally {
    await index.dispose()
    removeTempDir(root)
  }
})

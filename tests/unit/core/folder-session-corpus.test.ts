import fs from 'node:fs'
import path from 'node:path'
import { FolderSession } from '../../../src/core/folder-session'
import { listAllFiles, makeCorpus, makeTempDir, removeTempDir } from './corpus'
import { sampleArticlePath } from '../../support/corpus-tool'

async function open(dir: string): Promise<FolderSession> {
  const session = await FolderSession.open(dir)
  if (!session.ok) throw new Error(session.error.message)
  return session.value
}

describe('FolderSession over real content', () => {
  it('the shared sample survives open, a one-line edit and save: only that line changes', async () => {
    const dir = makeTempDir()
    const sample = fs.readFileSync(sampleArticlePath)
    fs.writeFileSync(path.join(dir, 'sample.md'), sample)
    const session = await open(dir)
    const doc = await session.readArticle('sample.md')
    if (!doc.ok) throw new Error(doc.error.message)
    const text = doc.value.text.replace('title: "IS-K rising?', 'title: "IS-K rising, again?')
    expect(await session.writeArticle({ path: 'sample.md', text, format: doc.value.format, baseVersion: doc.value.version })).toMatchObject({ ok: true })
    const before = sample.toString('utf8').split('\n')
    const after = fs.readFileSync(path.join(dir, 'sample.md'), 'utf8').split('\n')
    expect(after.length).toBe(before.length)
    expect(after.filter((line, i) => line !== before[i])).toEqual([before[1].replace('IS-K rising?', 'IS-K rising, again?')])
    expect(after.some((line) => line === '\u00a0')).toBe(true)
    removeTempDir(dir)
  })

  it('an unedited save of every generated article writes nothing; unreadable ones are never written', async () => {
    const dir = makeCorpus(120, 12)
    const session = await open(dir)
    const list = await session.listArticles()
    if (!list.ok) throw new Error(list.error.message)
    expect(list.value.length).toBe(listAllFiles(dir).filter((f) => /\.(md|markdown)$/.test(f)).length)
    let readOnly = 0
    for (const { path: rel } of list.value) {
      const before = fs.readFileSync(path.join(dir, rel))
      const doc = await session.readArticle(rel)
      if (!doc.ok) continue
      const result = await session.writeArticle({ path: rel, text: doc.value.text, format: doc.value.format, baseVersion: doc.value.version })
      if (doc.value.isReadOnly) {
        readOnly += 1
        expect(result, rel).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } })
      } else {
        expect(result, rel).toMatchObject({ ok: true, value: { written: false } })
      }
      expect(fs.readFileSync(path.join(dir, rel)).equals(before), rel).toBe(true)
    }
    expect(readOnly).toBeGreaterThan(0)
    removeTempDir(dir)
  })
})

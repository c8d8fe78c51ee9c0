import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { commands } from '../../../src/cli/commands/index'
import { articlesIfFewer, oneOffPlacement } from '../../../src/cli/commands/index-folder'

describe('the lazy command table', () => {
  it('loads, for each name, the command of that name, each once in the help order', async () => {
    const loaded = await Promise.all(commands.map((c) => c.load()))
    expect(loaded.map((c) => c.name)).toEqual(commands.map((c) => c.name))
    expect(new Set(commands.map((c) => c.name)).size).toBe(commands.length)
  })
})

describe('articlesIfFewer (whether the index starts worker threads, and the small folder\'s listing)', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-count-'))
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

  it('counts articles by the listing rules (no hidden folders, no other files) and stops once it knows', () => {
    for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(root, `a${i}.md`), '')
    fs.mkdirSync(path.join(root, '.git'))
    for (let i = 0; i < 50; i++) fs.writeFileSync(path.join(root, '.git', `h${i}.md`), '')
    fs.writeFileSync(path.join(root, 'notes.txt'), '')
    expect(articlesIfFewer(root, 300)).toBeNull()
    expect(articlesIfFewer(root, 301)?.sort()).toEqual(Array.from({ length: 300 }, (_, i) => `a${i}.md`).sort())
    expect(articlesIfFewer(root, 1)).toBeNull()
    expect(articlesIfFewer(path.join(root, 'gone'), 10)).toBeNull()
    // NOTE: 300 articles: two shards, in this thread; under 200, one (the app's count: both use the same cache files).
    expect(oneOffPlacement(root)).toEqual({ mode: 'local', listed: articlesIfFewer(root, 301), shards: 2 })
    const small = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-count-'))
    try {
      for (let i = 0; i < 199; i++) fs.writeFileSync(path.join(small, `a${i}.md`), '')
      expect(oneOffPlacement(small)).toMatchObject({ mode: 'local', shards: 1 })
    } finally {
      fs.rmSync(small, { recursive: true, force: true })
    }
  })
})

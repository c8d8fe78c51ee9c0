import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { commands } from '../../../src/cli/commands/index'
import { hasAtLeastArticles } from '../../../src/cli/commands/index-folder'

describe('the lazy command table', () => {
  it('loads, for each name, the command of that name, each once in the help order', async () => {
    const loaded = await Promise.all(commands.map((c) => c.load()))
    expect(loaded.map((c) => c.name)).toEqual(commands.map((c) => c.name))
    expect(new Set(commands.map((c) => c.name)).size).toBe(commands.length)
  })
})

describe('hasAtLeastArticles (whether the index starts worker threads)', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-count-'))
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

  it('counts articles by the listing rules (no hidden folders, no other files) and stops once it knows', () => {
    for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(root, `a${i}.md`), '')
    fs.mkdirSync(path.join(root, '.git'))
    for (let i = 0; i < 50; i++) fs.writeFileSync(path.join(root, '.git', `h${i}.md`), '')
    fs.writeFileSync(path.join(root, 'notes.txt'), '')
    expect(hasAtLeastArticles(root, 300)).toBe(true)
    expect(hasAtLeastArticles(root, 301)).toBe(false)
    expect(hasAtLeastArticles(root, 1)).toBe(true)
  })
})

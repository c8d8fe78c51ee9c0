import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadArticle, saveArticle } from '../../../src/cli/article-io'
import { folio, makeFolder } from './cli-harness'

let root = ''
afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

describe('CLI article I/O (through the article store)', () => {
  it('set checks the version: a file changed between read and write is a CONFLICT, and nothing is lost', async () => {
    root = makeFolder({ 'a.md': '---\ntitle: A\n---\n' })
    const file = path.join(root, 'a.md')
    const loaded = await loadArticle(file, 'a.md')
    if (!loaded.ok) throw new Error(loaded.error.message)
    fs.writeFileSync(file, '---\ntitle: changed by someone else\n---\n')
    const saved = await saveArticle(loaded.value, '---\ntitle: mine\n---\n')
    expect(saved.ok || saved.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('"a.md"') as unknown })
    expect(fs.readFileSync(file, 'utf8')).toBe('---\ntitle: changed by someone else\n---\n')
    expect(fs.readdirSync(root)).toEqual(['a.md'])
  })

  it('set refuses a read-only file and leaves it as it was', async () => {
    root = makeFolder({ 'ro.md': '---\ntitle: A\n---\n' })
    fs.chmodSync(path.join(root, 'ro.md'), 0o444)
    const run = await folio(root, 'set', 'ro.md', 'title=B')
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain('read-only')
    expect(fs.readFileSync(path.join(root, 'ro.md'), 'utf8')).toBe('---\ntitle: A\n---\n')
  })

  it.runIf(process.platform !== 'win32')('get refuses a FIFO without blocking', async () => {
    root = makeFolder({ 'a.md': 'x' })
    execFileSync('mkfifo', [path.join(root, 'pipe.md')])
    const run = await folio(root, 'get', 'pipe.md')
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain('not a regular file')
  })
})

import fs from 'node:fs'
import path from 'node:path'
import { isSkippedFolder, listArticleFiles } from '../../../src/core/article-files'
import { nodeFs } from '../../../src/core/fs-port'
import { withFaults } from '../../support/fault-fs'
import { makeTempDir, removeTempDir } from './corpus'

let dir = ''
const touch = (rel: string): void => {
  const file = path.join(dir, ...rel.split('/'))
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, 'x')
}
beforeEach(() => {
  dir = makeTempDir()
})
afterEach(() => removeTempDir(dir))

describe('listArticleFiles', () => {
  it('lists .md and .markdown files sorted, with / separators, skipping generated and hidden folders', async () => {
    for (const rel of ['b.md', 'A.MD', 'posts/z/x.markdown', 'posts/a.md', 'img.png', '.git/c.md', '.hidden/d.md', 'node_modules/p/r.md', 'public/i.md', 'resources/_gen/g.md', 'resources/keep.md']) touch(rel)
    expect(await listArticleFiles(dir)).toEqual({ ok: true, value: ['A.MD', 'b.md', 'posts/a.md', 'posts/z/x.markdown', 'resources/keep.md'] })
  })

  it('does not follow symbolic links (no loops, no escapes)', async () => {
    touch('posts/a.md')
    fs.symlinkSync(dir, path.join(dir, 'posts', 'loop'))
    expect(await listArticleFiles(dir)).toEqual({ ok: true, value: ['posts/a.md'] })
  })

  it('skips an unreadable subfolder but fails when the root cannot be read', async () => {
    touch('ok/a.md')
    touch('locked/b.md')
    const port = withFaults(nodeFs, [{ op: 'readdir', code: 'EACCES', path: path.join(dir, 'locked') }])
    expect(await listArticleFiles(dir, port)).toEqual({ ok: true, value: ['ok/a.md'] })
    const rootFault = withFaults(nodeFs, [{ op: 'readdir', code: 'EACCES', path: dir }])
    expect(await listArticleFiles(dir, rootFault)).toMatchObject({ ok: false, error: { code: 'PERMISSION' } })
  })

  it('knows the skipped folders', () => {
    expect(['.git', 'a/.cache', 'node_modules', 'public', 'resources/_gen'].every(isSkippedFolder)).toBe(true)
    expect(['posts', 'resources', 'content/public', 'content/public-notes', 'x/resources/_gen'].some(isSkippedFolder)).toBe(false)
  })
})

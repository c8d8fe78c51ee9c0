import fs from 'node:fs'
import path from 'node:path'
import type { GitFileChange, GitStatus } from '@shared/git'
import type { Result } from '@shared/result'
import { FolderSession } from '../../../../src/core/folder-session'
import { createGitHandlers } from '../../../../src/core/git/git-handlers'
import { FakeGit, type GitApi } from '../../../support/fake-git'
import { GitWorld } from '../../../support/git-fixture'

// The Git contract the renderer relies on, run against the real handlers (system git in a temp repository) and
// against the renderer's FakeGit: a fake that answered differently would let renderer tests prove nothing.

/** A folder with `a.md` and `b.md` committed by a teammate, no identity configured for the writer. */
interface GitSubject {
  api: GitApi
  write: (rel: string, text: string) => void
  remove: (rel: string) => void
  read: (rel: string) => string | undefined
}

const article = (title: string, body: string): string => `---\ntitle: ${title}\n---\n${body}\n`
const start = { 'a.md': article('A', 'one'), 'b.md': article('B', 'two') }

const world = new GitWorld()
const sessions: FolderSession[] = []
afterAll(async () => {
  for (const session of sessions) await session.dispose()
  world.dispose()
})

let realCount = 0
async function realSubject(isRepo = true): Promise<GitSubject> {
  const dir = world.at(`contract-${(realCount += 1)}`)
  fs.mkdirSync(dir)
  for (const [rel, text] of Object.entries(start)) world.write(path.join(dir, rel), text)
  if (isRepo) {
    world.git(dir, 'init', '--quiet')
    world.git(dir, 'add', '-A')
    world.git(dir, 'commit', '--quiet', '-m', 'Start')
  }
  const opened = await FolderSession.open(dir, { git: { env: world.env } })
  if (!opened.ok) throw new Error(opened.error.message)
  const session = opened.value
  sessions.push(session)
  return {
    api: createGitHandlers({ session: () => session }),
    write: (rel, text) => world.write(path.join(dir, rel), text),
    remove: (rel) => fs.rmSync(path.join(dir, rel)),
    read: (rel) => (fs.existsSync(path.join(dir, rel)) ? world.read(path.join(dir, rel)) : undefined),
  }
}

function fakeSubject(isRepo = true): Promise<GitSubject> {
  const files = new Map(Object.entries(start))
  const git = new FakeGit(files)
  if (isRepo) git.commitAll('Start', 'Teammate')
  return Promise.resolve({ api: git, write: (rel, text) => files.set(rel, text), remove: (rel) => files.delete(rel), read: (rel) => files.get(rel) })
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

async function changes(api: GitApi): Promise<GitFileChange[]> {
  const status = value(await api.gitStatus())
  if (status.kind !== 'repo') throw new Error(`not a repo: ${status.kind}`)
  return [...status.files].sort((x, y) => (x.path < y.path ? -1 : 1))
}

describe.each([
  ['the real GitService (system git)', realSubject],
  ['FakeGit (renderer tests)', fakeSubject],
] as const)('Git contract: %s', (_name, make) => {
  it('is not a repository until git init; then every file is untracked and nothing is committed', async () => {
    const { api } = await make(false)
    expect(value(await api.gitStatus())).toEqual<GitStatus>({ kind: 'not-repo' })
    value(await api.gitInit())
    const status = value(await api.gitStatus())
    expect(status).toMatchObject({ kind: 'repo', hasCommits: false, operation: 'none', upstream: null, ahead: 0, behind: 0 })
    expect(await changes(api)).toEqual([
      { path: 'a.md', kind: 'untracked', isStaged: false, hasUnstaged: true },
      { path: 'b.md', kind: 'untracked', isStaged: false, hasUnstaged: true },
    ])
    expect(await api.gitInit()).toMatchObject({ ok: false })
  })

  it('reports modified, deleted and untracked files; stages and unstages them', async () => {
    const { api, write, remove } = await make()
    expect(value(await api.gitStatus())).toMatchObject({ kind: 'repo', branch: 'main', hasCommits: true, files: [] })
    write('a.md', article('A', 'changed'))
    remove('b.md')
    write('c.md', article('C', 'new'))
    expect(await changes(api)).toEqual([
      { path: 'a.md', kind: 'modified', isStaged: false, hasUnstaged: true },
      { path: 'b.md', kind: 'deleted', isStaged: false, hasUnstaged: true },
      { path: 'c.md', kind: 'untracked', isStaged: false, hasUnstaged: true },
    ])
    value(await api.gitStage(['a.md', 'b.md', 'c.md'], true))
    expect(await changes(api)).toEqual([
      { path: 'a.md', kind: 'modified', isStaged: true, hasUnstaged: false },
      { path: 'b.md', kind: 'deleted', isStaged: true, hasUnstaged: false },
      { path: 'c.md', kind: 'added', isStaged: true, hasUnstaged: false },
    ])
    write('a.md', article('A', 'changed again'))
    expect((await changes(api))[0]).toEqual({ path: 'a.md', kind: 'modified', isStaged: true, hasUnstaged: true })
    value(await api.gitStage(['a.md', 'c.md'], false))
    expect(await changes(api)).toEqual([
      { path: 'a.md', kind: 'modified', isStaged: false, hasUnstaged: true },
      { path: 'b.md', kind: 'deleted', isStaged: true, hasUnstaged: false },
      { path: 'c.md', kind: 'untracked', isStaged: false, hasUnstaged: true },
    ])
  })

  it('gives the diff as HEAD and saved text, null where a side is missing', async () => {
    const { api, write } = await make()
    write('a.md', article('A', 'changed'))
    write('c.md', article('C', 'new'))
    expect(value(await api.gitDiff('a.md'))).toEqual({ path: 'a.md', head: start['a.md'], working: article('A', 'changed') })
    expect(value(await api.gitDiff('c.md'))).toEqual({ path: 'c.md', head: null, working: article('C', 'new') })
  })

  it('asks for an identity once, then commits exactly the staged file, or everything when nothing is staged', async () => {
    const { api, write } = await make()
    write('a.md', article('A', 'changed'))
    write('b.md', article('B', 'changed'))
    expect(value(await api.gitCommit({ message: 'Edit a' }))).toEqual({ kind: 'needs-identity' })
    value(await api.gitSetIdentity({ name: 'Ada Writer', email: 'ada@example.org' }))
    value(await api.gitStage(['a.md'], true))
    expect(value(await api.gitCommit({ message: 'Edit a' }))).toMatchObject({ kind: 'committed', files: 1 })
    expect((await changes(api)).map((f) => f.path)).toEqual(['b.md'])
    expect(value(await api.gitCommit({ message: 'Edit b' }))).toMatchObject({ kind: 'committed', files: 1 })
    expect(await changes(api)).toEqual([])
    expect(await api.gitCommit({ message: 'Nothing' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
  })

  it('discards back to HEAD and returns the replaced text; keeps a file that is new since HEAD', async () => {
    const { api, write, read } = await make()
    write('a.md', 'scribbles\n')
    expect(value(await api.gitDiscard('a.md'))).toEqual({ path: 'a.md', text: 'scribbles\n' })
    expect(read('a.md')).toBe(start['a.md'])
    expect(await changes(api)).toEqual([])
    write('c.md', article('C', 'new'))
    expect(await api.gitDiscard('c.md')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(read('c.md')).toBe(article('C', 'new'))
  })

  it('lists an article’s commits newest first and gives each version with its parent', async () => {
    const { api, write } = await make()
    value(await api.gitSetIdentity({ name: 'Ada Writer', email: 'ada@example.org' }))
    write('a.md', article('A', 'second'))
    value(await api.gitCommit({ message: 'Second a' }))
    write('b.md', article('B', 'second'))
    value(await api.gitCommit({ message: 'Second b' }))
    const history = value(await api.gitHistory('a.md'))
    expect(history.map((c) => [c.subject, c.author, c.path])).toEqual([
      ['Second a', 'Ada Writer', 'a.md'],
      ['Start', 'Teammate', 'a.md'],
    ])
    expect(history[0].date).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(value(await api.gitFileAtCommit(history[0].commit, 'a.md'))).toEqual({ text: article('A', 'second'), parentText: start['a.md'] })
    expect(value(await api.gitFileAtCommit(history[1].commit, 'a.md'))).toEqual({ text: start['a.md'], parentText: null })
  })

  it('cancels nothing for an unknown job', async () => {
    const { api } = await make()
    expect(value(await api.gitCancelSync('no-such-job'))).toBe(false)
  })
})

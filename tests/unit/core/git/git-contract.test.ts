import fs from 'node:fs'
import path from 'node:path'
import type { GitFileChange, GitStatus } from '@shared/git'
import type { Result } from '@shared/result'
import { FolderSession } from '../../../../src/core/folder-session'
import { createGitHandlers } from '../../../../src/core/git/git-handlers'
import { FakeGit, type GitApi } from '../../../support/fake-git'
import { folderTrasher } from '../../../support/folder-trasher'
import { GitWorld } from '../../../support/git-fixture'

// The Git contract the renderer relies on, run against the real handlers (system git in a temp repository) and
// against the renderer's FakeGit: a fake that answered differently would let renderer tests prove nothing.

/** A folder with `a.md` and `b.md` committed by a teammate, no identity configured for the writer. */
interface GitSubject {
  api: GitApi
  write: (rel: string, text: string) => void
  remove: (rel: string) => void
  read: (rel: string) => string | undefined
  /** What Discard sent to the trash (path and text), in order. */
  trashed: () => { path: string; text: string }[]
}

const article = (title: string, body: string): string => `---\ntitle: ${title}\n---\n${body}\n`
const start = { 'a.md': article('A', 'one'), 'b.md': article('B', 'two') }

const world = new GitWorld()
const sessions: FolderSession[] = []
afterAll(async () => {
  for (const session of sessions) await session.dispose()
  world.dispose()
})

/**
 * The committed start, made once with git and copied for each subject. NOTE: three git processes per subject
 * (init, add, commit), each forked from the test worker, cost more than copying a folder of a few files.
 */
let template = ''
function committedStart(): string {
  if (template !== '') return template
  template = world.at('contract-template')
  for (const [rel, text] of Object.entries(start)) world.write(path.join(template, rel), text)
  world.git(template, 'init', '--quiet')
  world.git(template, 'add', '-A')
  world.git(template, 'commit', '--quiet', '-m', 'Start')
  return template
}

let realCount = 0
async function realSubject(isRepo = true): Promise<GitSubject> {
  const dir = world.at(`contract-${(realCount += 1)}`)
  if (isRepo) fs.cpSync(committedStart(), dir, { recursive: true })
  else {
    fs.mkdirSync(dir)
    for (const [rel, text] of Object.entries(start)) world.write(path.join(dir, rel), text)
  }
  // NOTE: the host's trasher is injected (a folder standing for the system trash), never the user's own trash.
  const trashDir = world.at(`contract-trash-${realCount}`)
  const trasher = folderTrasher(trashDir)
  const opened = await FolderSession.open(dir, { git: { env: world.env }, trasher })
  if (!opened.ok) throw new Error(opened.error.message)
  const session = opened.value
  sessions.push(session)
  return {
    api: createGitHandlers({ session: () => session }),
    write: (rel, text) => world.write(path.join(dir, rel), text),
    remove: (rel) => fs.rmSync(path.join(dir, rel)),
    read: (rel) => (fs.existsSync(path.join(dir, rel)) ? world.read(path.join(dir, rel)) : undefined),
    trashed: () => trasher.trashed.map((abs, n) => ({ path: path.relative(dir, abs).split(path.sep).join('/'), text: world.read(path.join(trashDir, `${n}-${path.basename(abs)}`)) })),
  }
}

function fakeSubject(isRepo = true): Promise<GitSubject> {
  const files = new Map(Object.entries(start))
  const git = new FakeGit(files)
  if (isRepo) git.commitAll('Start', 'Teammate')
  return Promise.resolve({ api: git, write: (rel, text) => files.set(rel, text), remove: (rel) => files.delete(rel), read: (rel) => files.get(rel), trashed: () => git.trashed })
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

  it('discards back to HEAD and returns the replaced text, also when the change was staged', async () => {
    const { api, write, read, trashed } = await make()
    write('a.md', 'scribbles\n')
    expect(value(await api.gitDiscard('a.md'))).toEqual({ path: 'a.md', text: 'scribbles\n' })
    expect(read('a.md')).toBe(start['a.md'])
    expect(await changes(api)).toEqual([])
    write('b.md', 'staged scribbles\n')
    value(await api.gitStage(['b.md'], true))
    expect(value(await api.gitDiscard('b.md'))).toEqual({ path: 'b.md', text: 'staged scribbles\n' })
    expect(read('b.md')).toBe(start['b.md'])
    expect(await changes(api)).toEqual([])
    expect(trashed()).toEqual([])
  })

  it('discards an untracked or added file by sending it to the trash, returning its text', async () => {
    const { api, write, read, trashed } = await make()
    write('c.md', article('C', 'new'))
    expect(value(await api.gitDiscard('c.md'))).toEqual({ path: 'c.md', text: article('C', 'new'), isTrashed: true })
    expect(read('c.md')).toBeUndefined()
    write('d.md', article('D', 'staged new'))
    value(await api.gitStage(['d.md'], true))
    expect((await changes(api)).map((f) => [f.path, f.kind])).toEqual([['d.md', 'added']])
    expect(value(await api.gitDiscard('d.md'))).toEqual({ path: 'd.md', text: article('D', 'staged new'), isTrashed: true })
    expect(read('d.md')).toBeUndefined()
    expect(await changes(api)).toEqual([])
    expect(trashed()).toEqual([
      { path: 'c.md', text: article('C', 'new') },
      { path: 'd.md', text: article('D', 'staged new') },
    ])
  })

  it('reports a staged rename, and discards it: the old path comes back as at HEAD, the new one goes to the trash', async () => {
    const { api, write, remove, read, trashed } = await make()
    write('renamed.md', start['a.md'])
    remove('a.md')
    value(await api.gitStage(['a.md', 'renamed.md'], true))
    expect(await changes(api)).toEqual([{ path: 'renamed.md', kind: 'renamed', oldPath: 'a.md', isStaged: true, hasUnstaged: false }])
    write('renamed.md', `${start['a.md']}Edited after the move.\n`)
    expect(await changes(api)).toEqual([{ path: 'renamed.md', kind: 'renamed', oldPath: 'a.md', isStaged: true, hasUnstaged: true }])
    expect(value(await api.gitDiscard('renamed.md'))).toEqual({ path: 'renamed.md', text: `${start['a.md']}Edited after the move.\n`, isTrashed: true, restoredPath: 'a.md' })
    expect(read('a.md')).toBe(start['a.md'])
    expect(read('renamed.md')).toBeUndefined()
    expect(await changes(api)).toEqual([])
    expect(trashed()).toEqual([{ path: 'renamed.md', text: `${start['a.md']}Edited after the move.\n` }])
  })

  it('refuses to discard a rename whose old path exists again, and changes nothing', async () => {
    const { api, write, remove, read, trashed } = await make()
    write('renamed.md', start['a.md'])
    remove('a.md')
    value(await api.gitStage(['a.md', 'renamed.md'], true))
    write('a.md', 'a new a\n')
    const before = await changes(api)
    expect(await api.gitDiscard('renamed.md')).toMatchObject({ ok: false, error: { code: 'CONFLICT', path: 'a.md' } })
    expect(read('a.md')).toBe('a new a\n')
    expect(read('renamed.md')).toBe(start['a.md'])
    expect(await changes(api)).toEqual(before)
    expect(trashed()).toEqual([])
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

import fs from 'node:fs'
import path from 'node:path'
import type { GitRepoStatus, GitStatus } from '@shared/git'
import { FolderSession } from '../../../../src/core/folder-session'
import { GitRepo } from '../../../../src/core/git/git-repo'
import { gitMissingMessage } from '../../../../src/core/git/git-runner'
import { createGitHandlers } from '../../../../src/core/git/git-handlers'
import { GitSync } from '../../../../src/core/git/git-sync'
import { JournalStore } from '../../../../src/core/journal/index'
import { folderTrasher } from '../../../support/folder-trasher'
import { GitWorld } from '../../../support/git-fixture'

const world = new GitWorld()
const sessions: FolderSession[] = []
afterAll(async () => {
  for (const session of sessions) await session.dispose()
  world.dispose()
})

async function open(dir: string, trashDir = world.at('trash')): Promise<FolderSession> {
  // NOTE: a folder stands for the system trash, so no test ever sends a file to the user's own trash.
  const session = await FolderSession.open(dir, { git: { env: world.env }, trasher: folderTrasher(trashDir) })
  if (!session.ok) throw new Error(session.error.message)
  sessions.push(session.value)
  return session.value
}

function repoStatus(status: { ok: true; value: GitStatus } | { ok: false; error: { message: string } }): GitRepoStatus {
  if (!status.ok) throw new Error(status.error.message)
  if (status.value.kind !== 'repo') throw new Error(`not a repo: ${status.value.kind}`)
  return status.value
}

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

const article = (title: string, body: string): string => `---\ntitle: ${title}\n---\n${body}\n`

describe('GitService against real repositories', () => {
  it('says when git is missing from PATH, with how to install it', async () => {
    const empty = world.at('no-bin')
    fs.mkdirSync(empty)
    const repo = new GitRepo({ cwd: world.dir, env: { ...world.env, PATH: empty } })
    expect(value(await repo.status())).toEqual({ kind: 'no-git', message: gitMissingMessage })
    expect(gitMissingMessage).toMatch(/Install it/)
  })

  it('reports a folder outside any repository and creates one on request (git init)', async () => {
    const dir = world.at('plain')
    world.write(path.join(dir, 'a.md'), article('A', 'one'))
    const session = await open(dir)
    expect(value(await session.git.status())).toEqual({ kind: 'not-repo' })
    value(await session.git.init())
    const status = repoStatus(await session.git.status())
    expect(status.hasCommits).toBe(false)
    expect(status.files).toEqual([{ path: 'a.md', kind: 'untracked', isStaged: false, hasUnstaged: true }])
  })

  it('journals the text of an untracked or renamed file before Discard sends it to the trash (undo once)', async () => {
    const dir = world.at('discard-journal')
    world.write(path.join(dir, 'kept.md'), article('Kept', 'one'))
    world.git(dir, 'init', '--quiet')
    world.git(dir, 'add', '-A')
    world.git(dir, 'commit', '--quiet', '-m', 'Start')
    const trashDir = world.at('discard-journal-trash')
    const session = await open(dir, trashDir)
    const journal = new JournalStore(world.at('discard-journal-state'))
    const handlers = createGitHandlers({ session: () => session, journal })
    world.write(path.join(dir, 'draft.md'), article('Draft', 'never committed'))
    expect(value(await handlers.gitDiscard('draft.md'))).toEqual({ path: 'draft.md', text: article('Draft', 'never committed'), isTrashed: true })
    world.git(dir, 'mv', 'kept.md', 'moved.md')
    expect(value(await handlers.gitDiscard('moved.md'))).toEqual({ path: 'moved.md', text: article('Kept', 'one'), isTrashed: true, restoredPath: 'kept.md' })
    const entries = value(await journal.list(session.info().root))
    expect(entries.map((e) => [e.path, e.text, e.baseVersion?.hash]).sort()).toEqual([
      ['draft.md', article('Draft', 'never committed'), '0'.repeat(64)],
      ['moved.md', article('Kept', 'one'), '0'.repeat(64)],
    ])
    expect(fs.readdirSync(trashDir).sort()).toEqual(['0-draft.md', '1-moved.md'])
    expect(fs.existsSync(path.join(dir, 'draft.md'))).toBe(false)
    expect(world.read(path.join(dir, 'kept.md'))).toBe(article('Kept', 'one'))
    expect(world.git(dir, 'status', '--porcelain')).toBe('')
  })

  it('shows every kind of change, stages, and commits only the staged file; asks for an identity once and keeps it local', async () => {
    const dir = world.at('kinds')
    fs.mkdirSync(dir)
    world.git(dir, 'init', '--quiet')
    for (const name of ['a', 'b', 'c', 'd']) world.write(path.join(dir, 'posts', `${name}.md`), article(name, 'body'))
    world.git(dir, 'add', '-A')
    world.git(dir, 'commit', '--quiet', '-m', 'Start')
    world.write(path.join(dir, 'posts', 'a.md'), article('a', 'changed'))
    fs.rmSync(path.join(dir, 'posts', 'b.md'))
    world.git(dir, 'mv', 'posts/c.md', 'posts/c2.md')
    world.write(path.join(dir, 'posts', 'e.md'), article('e', 'new'))
    world.git(dir, 'add', 'posts/e.md')
    world.write(path.join(dir, 'posts', 'f.md'), article('f', 'untracked'))
    const session = await open(dir)
    const status = repoStatus(await session.git.status())
    expect(status.branch).toBe('main')
    const byPath = Object.fromEntries(status.files.map((f) => [f.path, f]))
    expect(byPath['posts/a.md']).toMatchObject({ kind: 'modified', isStaged: false, hasUnstaged: true })
    expect(byPath['posts/b.md']).toMatchObject({ kind: 'deleted', isStaged: false })
    expect(byPath['posts/c2.md']).toMatchObject({ kind: 'renamed', oldPath: 'posts/c.md', isStaged: true })
    expect(byPath['posts/e.md']).toMatchObject({ kind: 'added', isStaged: true })
    expect(byPath['posts/f.md']).toMatchObject({ kind: 'untracked', isStaged: false })

    const handlers = createGitHandlers({ session: () => session })
    expect(await handlers.gitStage(['../outside.md'], true)).toMatchObject({ ok: false, error: { code: 'INVALID_PATH' } })
    expect(await handlers.gitStage(['.git/config'], true)).toMatchObject({ ok: false, error: { code: 'INVALID_PATH' } })
    expect(await handlers.gitStage(['posts\\a.md'], true)).toMatchObject({ ok: false, error: { code: 'INVALID_PATH' } })
    expect(await handlers.gitStage(['C:/x.md'], true)).toMatchObject({ ok: false, error: { code: 'INVALID_PATH' } })
    expect(await handlers.gitDiff('posts/notes.txt')).toMatchObject({ ok: false, error: { code: 'INVALID_PATH' } })
    value(await handlers.gitStage(['posts/e.md', 'posts/c2.md', 'posts/c.md'], false))
    value(await handlers.gitStage(['posts/a.md'], true))

    expect(value(await handlers.gitCommit({ message: '-Edit a' }))).toEqual({ kind: 'needs-identity' })
    expect(await handlers.gitSetIdentity({ name: 'Ada', email: 'not an email' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    value(await handlers.gitSetIdentity({ name: 'Ada Writer', email: 'ada@example.org' }))
    expect(world.git(dir, 'config', '--local', 'user.email').trim()).toBe('ada@example.org')
    expect(fs.readFileSync(world.globalConfig, 'utf8')).toBe('')

    const committed = value(await handlers.gitCommit({ message: '-Edit a' }))
    expect(committed).toMatchObject({ kind: 'committed', files: 1 })
    expect(world.git(dir, 'show', '--name-only', '--format=%an|%s', 'HEAD').trim().split('\n')).toEqual(['Ada Writer|-Edit a', '', 'posts/a.md'])
    const after = repoStatus(await session.git.status())
    expect(after.files.map((f) => f.path).sort()).toEqual(['posts/b.md', 'posts/c.md', 'posts/c2.md', 'posts/e.md', 'posts/f.md'])
  })

  it('maps paths of a folder inside a larger repository and leaves the rest of the repository out', async () => {
    const dir = world.at('site')
    fs.mkdirSync(dir)
    world.git(dir, 'init', '--quiet')
    world.write(path.join(dir, 'content', 'p.md'), article('p', 'x'))
    world.write(path.join(dir, 'config.toml'), 'title = "x"\n')
    const session = await open(path.join(dir, 'content'))
    expect(repoStatus(await session.git.status()).files.map((f) => f.path)).toEqual(['p.md'])
  })

  describe('sync with a teammate through a bare remote', () => {
    const seed = { 'x.md': article('X', 'line one\nline two\nline three'), 'w.md': article('W', 'shared line') }
    let mine = ''
    let theirs = ''
    let session: FolderSession
    beforeAll(async () => {
      world.remoteWith('team', seed, ['mine', 'theirs'])
      mine = world.at('mine')
      theirs = world.at('theirs')
      session = await open(mine)
      value(await session.git.setIdentity({ name: 'Me', email: 'me@example.org' }))
    })

    it('fast-forwards a teammate change, then rebases local commits and pushes them', async () => {
      world.write(path.join(theirs, 'x.md'), article('X', 'line one\nline two (theirs)\nline three'))
      world.pushAsTeammate(theirs, 'Theirs edits x')
      expect(value(await session.git.sync('job-1'))).toEqual({ kind: 'synced', pulled: 1, pushed: 0 })
      expect(world.read(path.join(mine, 'x.md'))).toContain('line two (theirs)')

      world.write(path.join(mine, 'y.md'), article('Y', 'mine'))
      expect(value(await session.git.commit('Add y'))).toMatchObject({ kind: 'committed' })
      world.write(path.join(theirs, 'z.md'), article('Z', 'theirs'))
      world.pushAsTeammate(theirs, 'Add z')
      const status = repoStatus(await session.git.status())
      expect([status.ahead, status.upstream]).toEqual([1, 'origin/main'])
      expect(value(await session.git.sync('job-2'))).toEqual({ kind: 'synced', pulled: 1, pushed: 1 })
      world.git(theirs, 'pull', '--quiet', '--ff-only')
      expect(world.git(theirs, 'log', '--format=%s').trim().split('\n')).toEqual(['Add y', 'Add z', 'Theirs edits x', 'Seed'])
      expect(repoStatus(await session.git.status())).toMatchObject({ ahead: 0, behind: 0 })
    })

    it('stops on a conflict, shows base/mine/theirs, and continues after Mark resolved', async () => {
      world.write(path.join(theirs, 'w.md'), article('W', 'theirs line'))
      world.pushAsTeammate(theirs, 'Theirs w')
      world.write(path.join(mine, 'w.md'), article('W', 'my line'))
      value(await session.git.commit('Mine w'))
      const outcome = value(await session.git.sync('job-3'))
      expect(outcome).toEqual({ kind: 'conflict', operation: 'rebase', paths: ['w.md'] })
      expect(repoStatus(await session.git.status()).files).toContainEqual({ path: 'w.md', kind: 'conflicted', isStaged: false, hasUnstaged: true })
      const sides = value(await session.git.conflict('w.md'))
      expect(sides).toEqual({ path: 'w.md', base: article('W', 'shared line'), mine: article('W', 'my line'), theirs: article('W', 'theirs line') })
      expect(await session.git.continueSync('job-4')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
      value(await session.git.resolve('w.md', article('W', 'my line and theirs line')))
      expect(value(await session.git.continueSync('job-5'))).toEqual({ kind: 'synced', pulled: 0, pushed: 1 })
      world.git(theirs, 'pull', '--quiet', '--ff-only')
      expect(world.read(path.join(theirs, 'w.md'))).toBe(article('W', 'my line and theirs line'))
    })

    it('aborts a conflicted rebase back to the local commit; merges instead when pull.rebase=false', async () => {
      world.write(path.join(theirs, 'w.md'), article('W', 'theirs again'))
      world.pushAsTeammate(theirs, 'Theirs again')
      world.write(path.join(mine, 'w.md'), article('W', 'mine again'))
      value(await session.git.commit('Mine again'))
      expect(value(await session.git.sync('job-6'))).toMatchObject({ kind: 'conflict', operation: 'rebase' })
      value(await session.git.abort())
      const status = repoStatus(await session.git.status())
      expect([status.operation, status.files.length, status.ahead, status.behind]).toEqual(['none', 0, 1, 1])
      expect(world.read(path.join(mine, 'w.md'))).toBe(article('W', 'mine again'))

      world.git(mine, 'config', 'pull.rebase', 'false')
      expect(value(await session.git.sync('job-7'))).toEqual({ kind: 'conflict', operation: 'merge', paths: ['w.md'] })
      const sides = value(await session.git.conflict('w.md'))
      expect([sides.mine, sides.theirs]).toEqual([article('W', 'mine again'), article('W', 'theirs again')])
      value(await session.git.resolve('w.md', article('W', 'merged')))
      expect(value(await session.git.continueSync('job-8'))).toMatchObject({ kind: 'synced' })
      expect(world.git(mine, 'log', '-1', '--format=%P').trim().split(' ')).toHaveLength(2)
    })

    it('cancels: a Sync whose job is cancelled before its fetch stops there; an unknown job cancels nothing', async () => {
      const outcome = await new GitSync(session.git.repo).sync(AbortSignal.abort(), () => undefined)
      expect(value(outcome)).toEqual({ kind: 'cancelled' })
      expect(session.git.cancel('no-such-job')).toBe(false)
    })

    it('lists an article’s history and gives any version with its parent, for restore', async () => {
      const history = value(await session.git.history('x.md'))
      expect(history.map((c) => [c.subject, c.author])).toEqual([['Theirs edits x', 'Teammate'], ['Seed', 'Teammate']])
      expect(history[0].path).toBe('x.md')
      const version = value(await session.git.atCommit(history[0].commit, 'x.md'))
      expect(version).toEqual({ text: article('X', 'line one\nline two (theirs)\nline three'), parentText: seed['x.md'] })
      expect(value(await session.git.atCommit(history[1].commit, 'x.md')).parentText).toBeNull()
    })

    it('discards an article back to HEAD through the store, keeping the replaced text for one undo', async () => {
      world.write(path.join(mine, 'x.md'), 'scribbles\n')
      const kept: string[] = []
      const undo = value(await session.git.discard('x.md', (_path, text) => (kept.push(text), Promise.resolve({ ok: true, value: undefined }))))
      expect(undo).toEqual({ path: 'x.md', text: 'scribbles\n' })
      expect(kept).toEqual(['scribbles\n'])
      expect(world.read(path.join(mine, 'x.md'))).toBe(article('X', 'line one\nline two (theirs)\nline three'))
      expect(await session.git.discard('y-new.md')).toMatchObject({ ok: false })
    })
  })
})

import fs from 'node:fs'
import path from 'node:path'
import type { FolderEvent } from '@shared/api'
import { FolderSession } from '../../../../src/core/folder-session'
import { GitWorld } from '../../../support/git-fixture'

// A commit or a checkout made outside Folio changes HEAD and the index: Folio follows them (a `git-changed` event,
// then a fresh status), and none of the git directory's churn reaches the article watcher or the index.

const world = new GitWorld()
const article = (title: string, body: string): string => `---\ntitle: ${title}\n---\n${body}\n`
let session: FolderSession
let dir = ''
const events: FolderEvent[] = []

beforeAll(async () => {
  dir = world.at('outside')
  fs.mkdirSync(dir)
  world.write(path.join(dir, 'a.md'), article('A', 'one'))
  world.git(dir, 'init', '--quiet')
  world.git(dir, 'add', '-A')
  world.git(dir, 'commit', '--quiet', '-m', 'Start')
  const opened = await FolderSession.open(dir, { git: { env: world.env } })
  if (!opened.ok) throw new Error(opened.error.message)
  session = opened.value
  session.onEvent((event) => events.push(event))
  await session.start()
  const status = await session.git.status()
  expect(status).toMatchObject({ ok: true, value: { kind: 'repo', branch: 'main' } })
})
afterAll(async () => {
  await session.dispose()
  world.dispose()
})

const gitChanges = (): number => events.filter((e) => e.kind === 'git-changed').length
const mentionsGitDir = (event: FolderEvent): boolean => JSON.stringify(event).includes('.git/')

describe('following the repository when it changes outside Folio', () => {
  it('raises git-changed after an outside commit, and the status then shows it', async () => {
    world.write(path.join(dir, 'a.md'), article('A', 'edited outside'))
    await vi.waitFor(() => expect(events.some((e) => e.kind === 'article-changed' && e.path === 'a.md')).toBe(true), { timeout: 10_000 })
    const before = gitChanges()
    world.git(dir, 'commit', '--quiet', '-am', 'Outside commit')
    await vi.waitFor(() => expect(gitChanges()).toBeGreaterThan(before), { timeout: 10_000 })
    expect(await session.git.status()).toMatchObject({ ok: true, value: { kind: 'repo', files: [] } })
  })

  it('raises git-changed after an outside checkout of another branch, and the status names it', async () => {
    const before = gitChanges()
    world.git(dir, 'checkout', '--quiet', '-b', 'drafts')
    await vi.waitFor(() => expect(gitChanges()).toBeGreaterThan(before), { timeout: 10_000 })
    expect(await session.git.status()).toMatchObject({ ok: true, value: { kind: 'repo', branch: 'drafts' } })
  })

  it('never passes the git directory’s changes to the article watcher or the index', async () => {
    // NOTE: a marker article written after the git churn: once its event arrived, any event from .git would have too.
    world.write(path.join(dir, 'marker.md'), article('Marker', 'x'))
    await vi.waitFor(() => expect(events.some((e) => e.kind === 'article-added' && e.path === 'marker.md')).toBe(true), { timeout: 10_000 })
    expect(events.filter(mentionsGitDir)).toEqual([])
    const listed = await session.listArticles()
    expect(listed.ok && listed.value.map((a) => a.path).sort()).toEqual(['a.md', 'marker.md'])
  })
})

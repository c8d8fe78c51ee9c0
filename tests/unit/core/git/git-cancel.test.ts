import fs from 'node:fs'
import type { FolderEvent } from '@shared/api'
import { FolderSession } from '../../../../src/core/folder-session'
import { GitWorld } from '../../../support/git-fixture'

// Cancel while git is fetching: the remote's upload-pack is a script that marks that it started, then stalls, so the
// fetch is surely running when Cancel comes. A cancel that did not kill it would stall until the test times out.

const world = new GitWorld()
let session: FolderSession
let mine = ''
const events: FolderEvent[] = []
const started = world.at('upload-pack-started')

beforeAll(async () => {
  world.remoteWith('slow', { 'a.md': '---\ntitle: A\n---\none\n' }, ['mine'])
  mine = world.at('mine')
  const script = world.at('slow-upload-pack.sh')
  // NOTE: it stalls while the marker exists, so it ends (and leaves no process behind) when the world is removed.
  fs.writeFileSync(script, `#!/bin/sh\ntouch '${started}'\nwhile [ -e '${started}' ]; do sleep 0.2; done\nexit 1\n`, { mode: 0o755 })
  world.git(mine, 'config', 'remote.origin.uploadpack', script)
  const opened = await FolderSession.open(mine, { git: { env: world.env } })
  if (!opened.ok) throw new Error(opened.error.message)
  session = opened.value
  session.onEvent((event) => events.push(event))
})
afterAll(async () => {
  await session.dispose()
  world.dispose()
})

describe.skipIf(process.platform === 'win32')('cancelling a Sync', () => {
  it('kills a running fetch and reports the Sync as cancelled, leaving the branch as it was', { timeout: 20_000 }, async () => {
    const head = world.git(mine, 'rev-parse', 'HEAD')
    const syncing = session.git.sync('job-slow')
    await vi.waitFor(() => expect(fs.existsSync(started)).toBe(true), { timeout: 10_000 })
    expect(events).toContainEqual({ kind: 'git-progress', jobId: 'job-slow', phase: 'fetch', percent: null })
    expect(session.git.cancel('job-slow')).toBe(true)
    expect(await syncing).toEqual({ ok: true, value: { kind: 'cancelled' } })
    expect(world.git(mine, 'rev-parse', 'HEAD')).toBe(head)
    expect(session.git.cancel('job-slow')).toBe(false)
  })
})

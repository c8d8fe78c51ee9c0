import os from 'node:os'
import path from 'node:path'
import { defaultCacheDir } from '../../../src/core/index/summary-cache'

// The suite's own guard (tests/support/temp-root.ts): everything a test writes lands in the run's temp folder, which
// the global teardown removes, and nothing defaults to the user's real cache, config or home.
describe('the test run writes only inside its own temp folder', () => {
  const root = path.dirname(os.tmpdir())

  it('points the temp folder, home and the cache folders inside one run folder', () => {
    expect(path.basename(root)).toMatch(/^folio-unit-/)
    expect(os.homedir()).toBe(path.join(root, 'home'))
    for (const name of ['XDG_CACHE_HOME', 'XDG_CONFIG_HOME', 'LOCALAPPDATA', 'APPDATA']) expect(process.env[name]?.startsWith(root + path.sep)).toBe(true)
  })

  it('is one run folder, not one per vitest project, so Chromium can bind its singleton socket under it', () => {
    // NOTE: Chromium binds TMPDIR/.org.chromium.Chromium.XXXXXX/SingletonSocket; a Unix socket path has 107 bytes.
    expect(path.basename(path.dirname(path.dirname(root)))).not.toMatch(/^folio-unit-/)
    expect(Buffer.byteLength(path.join(os.tmpdir(), '.org.chromium.Chromium.XXXXXX', 'SingletonSocket'))).toBeLessThan(108)
  })

  it('sends the summary cache there when a test passes no cacheDir and the switch is on', () => {
    const env = { ...process.env }
    delete env.FOLIO_CACHE_DIR
    const dir = defaultCacheDir(env)
    expect(dir?.startsWith(root + path.sep)).toBe(true)
  })
})

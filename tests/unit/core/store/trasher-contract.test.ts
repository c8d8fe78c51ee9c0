import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { nodeTrasher, type Trasher } from '../../../../src/core/store/trasher'
import { folderTrasher } from '../../../support/folder-trasher'

// The Trasher contract, run against the real `trash`-package trasher (the CLI's and folio serve's) and the tests'
// folderTrasher that stands in for it (and for Electron's shell.trashItem, which needs Electron). The real one runs
// under a temp HOME and XDG_DATA_HOME, so it fills a temp freedesktop trash, never the user's own.
// Not in the contract: a missing path (the `trash` package ignores it, shell.trashItem and folderTrasher reject);
// the store checks with lstat first (trashEntry: NOT_FOUND), so no trasher is ever called for one.

const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-trasher-')))
const home = path.join(base, 'home')
const saved = { HOME: process.env.HOME, XDG_DATA_HOME: process.env.XDG_DATA_HOME }
beforeAll(() => {
  fs.mkdirSync(home)
  process.env.HOME = home
  process.env.XDG_DATA_HOME = path.join(home, 'data')
})
afterAll(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
  fs.rmSync(base, { recursive: true, force: true })
})

interface TrashHarness {
  trasher: Trasher
  /** The entry names now in the trash, each with its text (a folder: its files' texts, sorted). */
  contents(): string[]
}

function textsIn(entry: string): string[] {
  const stats = fs.lstatSync(entry)
  if (stats.isSymbolicLink()) return [`link→${fs.readlinkSync(entry)}`]
  if (stats.isDirectory()) return fs.readdirSync(entry).sort().flatMap((name) => textsIn(path.join(entry, name)))
  return [fs.readFileSync(entry, 'utf8')]
}

function testTrasher(name: string, make: () => TrashHarness, isRunnable = true): void {
  describe.runIf(isRunnable)(`Trasher contract: ${name}`, () => {
    let count = 0
    const folder = (): string => {
      const dir = path.join(base, `${name.replace(/\W+/g, '-')}-${(count += 1)}`)
      fs.mkdirSync(dir)
      return dir
    }

    it('moves a file out of the folder into the trash, bytes intact', async () => {
      const h = make()
      const dir = folder()
      fs.writeFileSync(path.join(dir, 'a.md'), 'text of a\n')
      await h.trasher(path.join(dir, 'a.md'))
      expect(fs.existsSync(path.join(dir, 'a.md'))).toBe(false)
      expect(h.contents()).toEqual(['text of a\n'])
    })

    it('moves a folder (a bundle) whole', async () => {
      const h = make()
      const dir = folder()
      fs.mkdirSync(path.join(dir, 'bundle'))
      fs.writeFileSync(path.join(dir, 'bundle', 'index.md'), 'index\n')
      fs.writeFileSync(path.join(dir, 'bundle', 'notes.txt'), 'notes\n')
      await h.trasher(path.join(dir, 'bundle'))
      expect(fs.existsSync(path.join(dir, 'bundle'))).toBe(false)
      expect(h.contents()).toEqual(['index\n', 'notes\n'])
    })

    it.runIf(process.platform !== 'win32')('trashes a link as the link: its target stays where it is', async () => {
      const h = make()
      const dir = folder()
      const target = path.join(base, `target-${count}.md`)
      fs.writeFileSync(target, 'target\n')
      fs.symlinkSync(target, path.join(dir, 'link.md'))
      await h.trasher(path.join(dir, 'link.md'))
      expect(fs.existsSync(path.join(dir, 'link.md'))).toBe(false)
      expect(fs.readFileSync(target, 'utf8')).toBe('target\n')
      expect(h.contents()).toEqual([`link→${target}`])
    })
  })
}

testTrasher('folderTrasher (tests/support, the stand-in)', () => {
  const dir = path.join(base, `fake-trash-${Math.random().toString(36).slice(2)}`)
  const trasher = folderTrasher(dir)
  return { trasher, contents: () => (fs.existsSync(dir) ? fs.readdirSync(dir).sort().flatMap((n) => textsIn(path.join(dir, n))) : []) }
})

testTrasher(
  'nodeTrasher (the trash package, freedesktop trash in a temp HOME)',
  () => {
    // NOTE: a guard, not an assertion: xdg-basedir reads XDG_DATA_HOME once when loaded; if something had loaded it
    // before this file set it, the real trash would be the user's, so the test stops before trashing anything.
    const xdgData = (createRequire(import.meta.url)('xdg-basedir') as { data?: string }).data
    if (xdgData !== path.join(home, 'data')) throw new Error(`xdg-basedir reads ${String(xdgData)}; refusing to touch a real trash`)
    const files = path.join(home, 'data', 'Trash', 'files')
    const seen = new Set(fs.existsSync(files) ? fs.readdirSync(files) : [])
    return {
      trasher: nodeTrasher,
      contents: () => fs.readdirSync(files).filter((n) => !seen.has(n)).flatMap((n) => textsIn(path.join(files, n))),
    }
  },
  process.platform === 'linux',
)

import fs from 'node:fs'
import path from 'node:path'
import { ContentRoot } from '../../../src/core/content-root'
import { isInside, splitRelativePath, toApiPath } from '../../../src/core/path-rules'
import { makeTempDir, removeTempDir } from './corpus'

describe('splitRelativePath', () => {
  it('accepts plain relative paths', () => {
    expect(splitRelativePath('posts/a.md')).toEqual({ ok: true, value: ['posts', 'a.md'] })
    expect(splitRelativePath('..hidden/a.md')).toMatchObject({ ok: true })
  })

  it('refuses non-strings with INVALID_ARGUMENT', () => {
    for (const input of [undefined, null, 1, {}, ['a.md']]) expect(splitRelativePath(input)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
  })

  it.each([
    '', 'a\0b.md', '/etc/passwd', '../x.md', 'posts/../../x.md', 'posts/..', './a.md', 'a//b.md', 'posts/',
    'C:\\x.md', 'C:/x.md', 'C:x.md', 'c:', '\\\\server\\share\\x.md', '\\\\?\\C:\\x.md', '\\x.md', 'posts\\..\\..\\x.md',
    '..\\x.md', 'a.md:stream', 'CON', 'posts/nul.md', 'a.md.', 'a.md ', 'a<b.md', 'x'.repeat(2000),
  ])('refuses %j', (input) => {
    expect(splitRelativePath(input)).toMatchObject({ ok: false, error: { code: 'INVALID_PATH' } })
  })
})

describe('isInside', () => {
  it('compares with path.relative, not by prefix (POSIX and Windows)', () => {
    expect(isInside('/r/root', '/r/root/a.md', path.posix)).toBe(true)
    expect(isInside('/r/root', '/r/root', path.posix)).toBe(true)
    expect(isInside('/r/root', '/r/root-evil/a.md', path.posix)).toBe(false)
    expect(isInside('/r/root', '/r/root/..a', path.posix)).toBe(true)
    expect(isInside('/r/root', '/r', path.posix)).toBe(false)
    expect(isInside('C:\\site', 'C:\\site\\posts\\a.md', path.win32)).toBe(true)
    expect(isInside('C:\\site', 'C:\\site2\\a.md', path.win32)).toBe(false)
    expect(isInside('C:\\site', 'D:\\site\\a.md', path.win32)).toBe(false)
    expect(isInside('C:\\site', '\\\\server\\share\\a.md', path.win32)).toBe(false)
    expect(toApiPath('C:\\site', 'C:\\site\\posts\\a.md', path.win32)).toBe('posts/a.md')
  })
})

describe('ContentRoot', () => {
  let base = ''
  let rootDir = ''
  beforeEach(() => {
    base = makeTempDir()
    rootDir = path.join(base, 'site')
    fs.mkdirSync(path.join(rootDir, 'posts'), { recursive: true })
    fs.writeFileSync(path.join(rootDir, 'posts', 'a.md'), 'a')
    fs.mkdirSync(path.join(base, 'outside'))
    fs.writeFileSync(path.join(base, 'outside', 'secret.md'), 's')
  })
  afterEach(() => removeTempDir(base))

  const open = async (): Promise<ContentRoot> => {
    const root = await ContentRoot.open(rootDir)
    if (!root.ok) throw new Error(root.error.message)
    return root.value
  }

  it('opens the real path and resolves inside it', async () => {
    fs.symlinkSync(rootDir, path.join(base, 'alias'))
    const root = await ContentRoot.open(path.join(base, 'alias'))
    expect(root.ok && root.value.root).toBe(rootDir)
    expect(await (await open()).resolve('posts/a.md')).toEqual({ ok: true, value: path.join(rootDir, 'posts', 'a.md') })
    expect(await (await open()).resolve('posts/new/b.md')).toEqual({ ok: true, value: path.join(rootDir, 'posts', 'new', 'b.md') })
  })

  it('fails to open a missing folder or a file', async () => {
    expect(await ContentRoot.open(path.join(base, 'nope'))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await ContentRoot.open(path.join(rootDir, 'posts', 'a.md'))).toMatchObject({ ok: false, error: { code: 'INVALID_PATH' } })
  })

  it('refuses a symlinked file that escapes', async () => {
    fs.symlinkSync(path.join(base, 'outside', 'secret.md'), path.join(rootDir, 'posts', 'evil.md'))
    expect(await (await open()).resolve('posts/evil.md')).toMatchObject({ ok: false, error: { code: 'INVALID_PATH' } })
  })

  it('refuses a new file under a symlinked folder that escapes', async () => {
    fs.symlinkSync(path.join(base, 'outside'), path.join(rootDir, 'out'))
    const root = await open()
    expect(await root.resolve('out/secret.md')).toMatchObject({ ok: false, error: { code: 'INVALID_PATH' } })
    expect(await root.resolve('out/new/x.md')).toMatchObject({ ok: false, error: { code: 'INVALID_PATH' } })
  })

  it('allows a symlink that stays inside the root', async () => {
    fs.symlinkSync('a.md', path.join(rootDir, 'posts', 'alias.md'))
    expect(await (await open()).resolve('posts/alias.md')).toMatchObject({ ok: true })
  })

  it('refuses Windows-style and traversal inputs', async () => {
    const root = await open()
    for (const input of ['..\\outside\\secret.md', '../outside/secret.md', 'C:\\Windows\\win.ini', '\\\\?\\C:\\x', 42]) {
      expect((await root.resolve(input)).ok).toBe(false)
    }
  })
})

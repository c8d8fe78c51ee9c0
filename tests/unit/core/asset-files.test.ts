import fs from 'node:fs'
import path from 'node:path'
import { answerAsset, assetContentType, assetFailureStatus, assetPathFromUrl, byteRangeOf, resolveAsset } from '../../../src/core/asset-files'
import { ContentRoot } from '../../../src/core/content-root'
import { makeTempDir, removeTempDir } from './corpus'

const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
let base = ''
let root: ContentRoot

beforeEach(async () => {
  base = makeTempDir()
  const site = path.join(base, 'site')
  fs.mkdirSync(path.join(site, 'content', 'posts', 'trip'), { recursive: true })
  fs.mkdirSync(path.join(site, 'static', 'img'), { recursive: true })
  fs.writeFileSync(path.join(site, 'content', 'posts', 'trip', 'cover.png'), png)
  fs.writeFileSync(path.join(site, 'content', 'posts', 'trip', 'my photo.JPG'), png)
  fs.writeFileSync(path.join(site, 'content', 'posts', 'trip', 'index.md'), '# trip\n')
  fs.writeFileSync(path.join(site, 'static', 'img', 'logo.png'), png)
  fs.writeFileSync(path.join(base, 'outside.png'), png)
  fs.symlinkSync(path.join(base, 'outside.png'), path.join(site, 'static', 'escape.png'))
  fs.symlinkSync(path.join(base), path.join(site, 'static', 'up'))
  fs.symlinkSync(path.join(site, 'static', 'img', 'logo.png'), path.join(site, 'static', 'inside-link.png'))
  const opened = await ContentRoot.open(site)
  if (!opened.ok) throw new Error(opened.error.message)
  root = opened.value
})
afterEach(() => removeTempDir(base))

describe('assetContentType', () => {
  it('knows images and media by extension, case-insensitively, and nothing else', () => {
    expect(assetContentType('a/b.PNG')).toBe('image/png')
    expect(assetContentType('x.jpeg')).toBe('image/jpeg')
    expect(assetContentType('v.webm')).toBe('video/webm')
    for (const name of ['index.md', 'a.html', 'x.js', 'hugo.toml', 'noext', '.png.md']) expect(assetContentType(name)).toBeNull()
  })
})

describe('assetPathFromUrl', () => {
  it('decodes each segment and refuses hidden separators and bad encoding', () => {
    expect(assetPathFromUrl('content/posts/trip/my%20photo.JPG')).toEqual({ ok: true, value: 'content/posts/trip/my photo.JPG' })
    for (const bad of ['a%2Fb.png', '..%2Fx.png', 'a%5Cb.png', '%E0%A4%A.png', '']) {
      expect(assetPathFromUrl(bad)).toMatchObject({ ok: false, error: { code: 'INVALID_PATH' } })
    }
  })
})

describe('resolveAsset and answerAsset', () => {
  it('serves page-bundle and static images with their content type', async () => {
    const bundle = await answerAsset(root, 'content/posts/trip/cover.png', undefined, false)
    expect(bundle).toMatchObject({ ok: true, value: { status: 200, headers: { 'Content-Type': 'image/png', 'Accept-Ranges': 'bytes' } } })
    if (bundle.ok) expect(bundle.value.body?.equals(png)).toBe(true)
    const part = await answerAsset(root, 'content/posts/trip/cover.png', 'bytes=1-3', false)
    expect(part).toMatchObject({ ok: true, value: { status: 206, headers: { 'Content-Range': `bytes 1-3/${png.length}`, 'Content-Length': '3' } } })
    if (part.ok) expect(part.value.body?.equals(png.subarray(1, 4))).toBe(true)
    expect(await answerAsset(root, '../outside.png', 'bytes=0-1', false)).toMatchObject({ ok: false, error: { code: 'INVALID_PATH' } })
    expect(await resolveAsset(root, 'content/posts/trip/my photo.JPG')).toMatchObject({ ok: true, value: { contentType: 'image/jpeg', size: png.length } })
    expect(await resolveAsset(root, 'static/inside-link.png')).toMatchObject({ ok: true })
  })

  it('refuses .., absolute paths and symlinks that lead outside the root', async () => {
    for (const bad of ['../outside.png', 'static/../../outside.png', '/etc/passwd.png', 'static/escape.png', 'static/up/outside.png', 'C:/x.png']) {
      const result = await resolveAsset(root, bad)
      expect(result, bad).toMatchObject({ ok: false, error: { code: 'INVALID_PATH' } })
    }
    expect(await resolveAsset(root, 42)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
  })

  it('refuses non-media files, folders and missing files', async () => {
    expect(await resolveAsset(root, 'content/posts/trip/index.md')).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } })
    expect(await resolveAsset(root, 'static/img')).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } })
    fs.mkdirSync(path.join(root.root, 'static', 'folder.png'))
    expect(await resolveAsset(root, 'static/folder.png')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await resolveAsset(root, 'static/missing.png')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('reads one byte range from a Range header, and ignores what it does not serve', () => {
    expect(byteRangeOf('bytes=2-5', 10)).toEqual({ start: 2, end: 5 })
    expect(byteRangeOf('bytes=7-', 10)).toEqual({ start: 7, end: 9 })
    expect(byteRangeOf('bytes=-3', 10)).toEqual({ start: 7, end: 9 })
    expect(byteRangeOf('bytes=-30', 10)).toEqual({ start: 0, end: 9 })
    expect(byteRangeOf('bytes=8-100', 10)).toEqual({ start: 8, end: 9 })
    expect(byteRangeOf(' bytes=0-0 ', 10)).toEqual({ start: 0, end: 0 })
    for (const unsatisfiable of ['bytes=10-', 'bytes=10-12', 'bytes=-0']) expect(byteRangeOf(unsatisfiable, 10), unsatisfiable).toBe('unsatisfiable')
    expect(byteRangeOf('bytes=0-', 0)).toBe('unsatisfiable')
    for (const ignored of [undefined, null, '', 'bytes=-', 'bytes=5-2', 'bytes=0-1,4-5', 'items=0-1', 'bytes=a-b', 'bytes 0-1']) expect(byteRangeOf(ignored, 10), String(ignored)).toBeNull()
  })

  it('maps refusals to 403 and missing files to 404', () => {
    expect(assetFailureStatus('INVALID_PATH')).toBe(403)
    expect(assetFailureStatus('UNSUPPORTED')).toBe(403)
    expect(assetFailureStatus('NOT_FOUND')).toBe(404)
  })
})

describe('resolveAsset skip rules', () => {
  it('refuses images in dot-folders, node_modules and public/, as the index skips them, also through a link', async () => {
    const site = root.root
    for (const rel of ['.git/x.png', 'content/.hidden/x.png', 'node_modules/pkg/x.png', 'content/node_modules/x.png', 'public/img/x.png']) {
      fs.mkdirSync(path.dirname(path.join(site, rel)), { recursive: true })
      fs.writeFileSync(path.join(site, rel), png)
      const resolved = await resolveAsset(root, rel)
      expect(resolved.ok ? 'served' : resolved.error.code, rel).toBe('NOT_FOUND')
    }
    fs.symlinkSync(path.join(site, 'content', '.hidden'), path.join(site, 'static', 'shown'))
    const linked = await resolveAsset(root, 'static/shown/x.png')
    expect(linked.ok ? 'served' : linked.error.code).toBe('NOT_FOUND')
    expect((await resolveAsset(root, 'static/img/logo.png')).ok).toBe(true)
  })
})

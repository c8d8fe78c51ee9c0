import fs from 'node:fs'
import path from 'node:path'
import { startServer, type RunningServer } from '../../../src/server/index'
import { makeTempDir, removeTempDir } from '../core/corpus'
import { send } from './http-client'

const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
let base = ''
let server: RunningServer
/** The path under this run's capability: `/asset/x` -> `/asset/<capability>/x`. */
const cap = (p: string): string => p.replace(/^\/asset\//, `/asset/${server.assetCapability}/`)
const get = (p: string, headers: Record<string, string> = {}) => send(server.port, { path: cap(p), headers })

beforeEach(async () => {
  base = makeTempDir()
  const root = path.join(base, 'site')
  const renderer = path.join(base, 'renderer')
  fs.mkdirSync(path.join(root, 'content', 'trip'), { recursive: true })
  fs.mkdirSync(path.join(root, 'static', 'img'), { recursive: true })
  fs.mkdirSync(renderer, { recursive: true })
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Folio</title>')
  fs.writeFileSync(path.join(root, 'content', 'trip', 'index.md'), '---\ntitle: Trip\n---\n![c](cover.png)\n')
  fs.writeFileSync(path.join(root, 'content', 'trip', 'cover one.png'), png)
  fs.writeFileSync(path.join(root, 'static', 'img', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
  fs.writeFileSync(path.join(root, 'content', 'trip', 'clip.mp4'), '0123456789')
  fs.writeFileSync(path.join(base, 'secret.png'), png)
  fs.symlinkSync(path.join(base, 'secret.png'), path.join(root, 'static', 'link.png'))
  const started = await startServer({ root, port: 0, rendererDir: renderer, stateDir: path.join(base, 'state') })
  if (!started.ok) throw new Error(started.error.message)
  server = started.value
})
afterEach(async () => {
  await server.close()
  removeTempDir(base)
})

describe('GET /asset/<path>', () => {
  it('serves an image of the folder with its type, nosniff and a sandboxing CSP', async () => {
    const res = await get('/asset/content/trip/cover%20one.png')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('image/png')
    expect(res.headers['content-length']).toBe(String(png.length))
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['content-security-policy']).toContain('sandbox')
    const svg = await get('/asset/static/img/logo.svg')
    expect(svg.headers['content-type']).toBe('image/svg+xml')
    expect(svg.headers['content-security-policy']).toMatch(/default-src 'none'.*sandbox/)
    const head = await send(server.port, { method: 'HEAD', path: cap('/asset/content/trip/cover%20one.png') })
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
  })

  it('answers a byte range with 206 (so media can seek), 416 past the end, and the whole file otherwise', async () => {
    const part = await get('/asset/content/trip/clip.mp4', { range: 'bytes=2-5' })
    expect(part.status).toBe(206)
    expect(part.body).toBe('2345')
    expect(part.headers['content-range']).toBe('bytes 2-5/10')
    expect(part.headers['content-length']).toBe('4')
    expect(part.headers['content-type']).toBe('video/mp4')
    expect((await get('/asset/content/trip/clip.mp4', { range: 'bytes=-3' })).body).toBe('789')
    const past = await get('/asset/content/trip/clip.mp4', { range: 'bytes=10-' })
    expect(past.status).toBe(416)
    expect(past.headers['content-range']).toBe('bytes */10')
    expect(past.body).toBe('')
    for (const range of ['bytes=0-1,4-5', 'items=0-1']) {
      const whole = await get('/asset/content/trip/clip.mp4', { range })
      expect(whole.status).toBe(200)
      expect(whole.body).toBe('0123456789')
    }
    expect((await get('/asset/content/trip/clip.mp4')).headers['accept-ranges']).toBe('bytes')
    const head = await send(server.port, { method: 'HEAD', path: cap('/asset/content/trip/clip.mp4'), headers: { range: 'bytes=0-0' } })
    expect(head.status).toBe(206)
    expect(head.body).toBe('')
    expect(head.headers['content-length']).toBe('1')
  })

  it('serves assets only under this run\'s capability path, whatever cookie or token comes with it, and needs the right Host', async () => {
    const file = 'content/trip/cover%20one.png'
    expect(server.assetCapability).toMatch(/^[0-9a-f]{64}$/)
    expect(server.assetCapability).not.toBe(server.token)
    // NOTE: a cookie is what another port of 127.0.0.1 would receive; it opens nothing, nor does the API token.
    for (const headers of [{}, { cookie: `folio_token_${server.port}=${server.token}` }, { 'x-folio-token': server.token }] as Record<string, string>[]) {
      expect((await send(server.port, { path: `/asset/${file}`, headers })).status).toBe(404)
    }
    for (const wrong of ['0'.repeat(64), server.token, server.assetCapability.slice(1), '']) {
      expect((await send(server.port, { path: `/asset/${wrong}/${file}` })).status, wrong).toBe(404)
    }
    expect((await send(server.port, { path: `/asset/${server.assetCapability}/${file}` })).status).toBe(200)
    expect((await get(`/asset/${file}`, { host: 'evil.example' })).status).toBe(403)
  })

  it('refuses ../ and symlink escapes with 403 or 404, and never answers the file', async () => {
    for (const p of ['/asset/..%2Fsecret.png', '/asset/content/..%2F..%2Fsecret.png', '/asset/%2E%2E/secret.png', '/asset/../secret.png', '/asset/static/link.png', '/asset/%2Fetc%2Fpasswd']) {
      const res = await get(p)
      expect([403, 404], p).toContain(res.status)
      expect(res.headers['content-type'], p).not.toBe('image/png')
    }
    expect((await get('/asset/static/link.png')).status).toBe(403)
    expect((await get('/asset/..%2Fsecret.png')).status).toBe(403)
  })

  it('serves no Markdown, no folder listing and nothing missing', async () => {
    expect((await get('/asset/content/trip/index.md')).status).toBe(403)
    expect((await get('/asset/content/trip/')).status).toBe(403)
    expect((await get('/asset/static/img')).status).toBe(403)
    expect((await get('/asset/static/img/missing.png')).status).toBe(404)
    expect((await send(server.port, { method: 'POST', path: cap('/asset/static/img/logo.svg') })).status).toBe(405)
  })
})

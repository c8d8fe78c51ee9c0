import fs from 'node:fs'
import path from 'node:path'
import { startServer, type RunningServer } from '../../../src/server/index'
import { makeTempDir, removeTempDir } from '../core/corpus'
import { openEvents, send } from './http-client'

let base = ''
let root = ''
let server: RunningServer
let auth: Record<string, string> = {}
const json = { 'content-type': 'application/json' }
const origin = (): Record<string, string> => ({ origin: `http://127.0.0.1:${server.port}` })
const call = (method: string, args: unknown[], headers: Record<string, string> = {}) =>
  send(server.port, { method: 'POST', path: `/api/${method}`, headers: { ...json, ...origin(), ...auth, ...headers }, body: JSON.stringify({ args }) })

beforeEach(async () => {
  base = makeTempDir()
  root = path.join(base, 'site')
  const renderer = path.join(base, 'renderer')
  fs.mkdirSync(path.join(root, 'posts'), { recursive: true })
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(root, 'posts', 'a.md'), '---\ntitle: A\n---\nbody\n')
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Folio</title>')
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)')
  fs.writeFileSync(path.join(base, 'secret.txt'), 'secret')
  // NOTE: no hold: these tests wait for the watcher before any API call (the hold has its own test below).
  const started = await startServer({ root, port: 0, rendererDir: renderer, holdIndexMs: 0 })
  if (!started.ok) throw new Error(started.error.message)
  server = started.value
  await server.watching
  auth = { 'x-folio-token': server.token }
})
afterEach(async () => {
  await server.close()
  removeTempDir(base)
})

describe('startServer', () => {
  it('holds the index past its first rows and the watcher until the page first calls the API', async () => {
    const held = await startServer({ root, port: 0, rendererDir: path.join(base, 'renderer'), holdIndexMs: 3_600_000 })
    if (!held.ok) throw new Error(held.error.message)
    try {
      let isWatching = false
      const watching = held.value.watching.then(() => (isWatching = true))
      // NOTE: instead of sleeping: the page was answered (a turn of the server's loop), the watcher not yet started.
      expect((await send(held.value.port, { path: `/?token=${held.value.token}` })).status).toBe(200)
      expect(isWatching).toBe(false)
      const headers = { ...json, origin: `http://127.0.0.1:${held.value.port}`, 'x-folio-token': held.value.token }
      const listed = await send(held.value.port, { method: 'POST', path: '/api/listArticles', headers, body: JSON.stringify({ args: [] }) })
      expect(JSON.parse(listed.body)).toMatchObject({ ok: true, value: [{ path: 'posts/a.md', title: 'A' }] })
      await watching
    } finally {
      await held.value.close()
    }
  })

  it('prints a 127.0.0.1 URL with a 64-hex token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`)
    expect(server.token).toMatch(/^[0-9a-f]{64}$/)
  })

  it('serves the page (which holds no secret) with strict headers and sets no cookie', async () => {
    for (const p of ['/', `/?token=${server.token}`, '/?token=wrong']) {
      const page = await send(server.port, { path: p })
      expect(page.status).toBe(200)
      expect(page.body).toContain('<title>Folio</title>')
      expect(page.headers['set-cookie']).toBeUndefined()
      expect(page.headers['content-security-policy']).toContain("script-src 'self'")
      expect(page.headers['x-content-type-options']).toBe('nosniff')
      expect(page.headers['referrer-policy']).toBe('no-referrer')
    }
  })

  it('requires the token in the X-Folio-Token header on every API call (401); a cookie never authenticates', async () => {
    expect((await call('listArticles', [], { 'x-folio-token': '' })).status).toBe(401)
    expect((await call('listArticles', [], { 'x-folio-token': 'nope' })).status).toBe(401)
    // NOTE: cookies ignore ports, so another server on 127.0.0.1 would receive any cookie this page had: none counts.
    for (const cookie of [`folio_token_${server.port}=${server.token}`, `folio_token_${server.port + 1}=${server.token}`, `token=${server.token}`]) {
      expect((await call('listArticles', [], { 'x-folio-token': '', cookie })).status).toBe(401)
    }
    expect((await send(server.port, { path: '/api/events' })).status).toBe(401)
    expect((await send(server.port, { path: '/api/events', headers: { cookie: `folio_token_${server.port}=${server.token}` } })).status).toBe(401)
    expect((await send(server.port, { path: '/api/session' })).status).toBe(401)
    expect((await call('listArticles', [])).status).toBe(200)
  })

  it('tells the token holder this run\'s asset prefix', async () => {
    const res = await send(server.port, { path: '/api/session', headers: auth })
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { assetPrefix: `/asset/${server.assetCapability}/` } })
  })

  it('refuses a foreign Host (403), including on static files', async () => {
    expect((await call('listArticles', [], { host: `evil.example:${server.port}` })).status).toBe(403)
    expect((await send(server.port, { path: '/', headers: { host: 'evil.example', ...auth } })).status).toBe(403)
    expect((await call('listArticles', [], { host: `localhost:${server.port}`, origin: `http://localhost:${server.port}` })).status).toBe(200)
  })

  it('refuses a POST without the server as Origin (403), and sends no CORS headers', async () => {
    for (const bad of ['http://evil.example', 'null', `http://127.0.0.1:${server.port + 1}`]) {
      const res = await call('listArticles', [], { origin: bad })
      expect(res.status).toBe(403)
      expect(res.headers['access-control-allow-origin']).toBeUndefined()
    }
    const noOrigin = await send(server.port, { method: 'POST', path: '/api/listArticles', headers: { ...json, ...auth }, body: '{"args":[]}' })
    expect(noOrigin.status).toBe(403)
  })

  it('round-trips the API: list, read, write, conflict', async () => {
    const list = await call('listArticles', [])
    expect(JSON.parse(list.body)).toMatchObject({ ok: true, value: [{ path: 'posts/a.md', title: 'A' }] })
    const read = JSON.parse((await call('readArticle', ['posts/a.md'])).body) as { value: { text: string; format: unknown; version: unknown } }
    const request = { path: 'posts/a.md', text: read.value.text.replace('body', 'edited'), format: read.value.format, baseVersion: read.value.version }
    expect(JSON.parse((await call('writeArticle', [request])).body)).toMatchObject({ ok: true, value: { written: true } })
    expect(fs.readFileSync(path.join(root, 'posts', 'a.md'), 'utf8')).toBe('---\ntitle: A\n---\nedited\n')
    expect(JSON.parse((await call('writeArticle', [request])).body)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(JSON.parse((await call('openFolder', [])).body)).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } })
  })

  it('answers bad API requests with 4xx and a Result', async () => {
    expect((await call('constructor', [])).status).toBe(404)
    expect((await call('readArticle', [42])).body).toContain('INVALID_ARGUMENT')
    const notJson = await send(server.port, { method: 'POST', path: '/api/listArticles', headers: { ...json, ...origin(), ...auth }, body: '{' })
    expect(notJson.status).toBe(400)
    const form = await send(server.port, { method: 'POST', path: '/api/listArticles', headers: { 'content-type': 'text/plain', ...origin(), ...auth }, body: '{"args":[]}' })
    expect(form.status).toBe(415)
    const noArgs = await send(server.port, { method: 'POST', path: '/api/listArticles', headers: { ...json, ...origin(), ...auth }, body: '{}' })
    expect(noArgs.status).toBe(400)
  })

  it('streams an event when an article changes outside', async () => {
    const stream = await openEvents(server.port, server.token)
    fs.writeFileSync(path.join(root, 'posts', 'a.md'), 'changed outside\n')
    await vi.waitFor(() => expect(stream.events[0]).toMatchObject({ kind: 'article-changed', path: 'posts/a.md' }), { timeout: 10_000, interval: 20 })
    stream.close()
  })

  it('serves static files confined to the renderer folder', async () => {
    const asset = await send(server.port, { path: '/assets/app.js' })
    expect(asset.status).toBe(200)
    expect(asset.headers['content-type']).toContain('text/javascript')
    fs.symlinkSync(path.join(base, 'secret.txt'), path.join(base, 'renderer', 'link.txt'))
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/..%5csecret.txt', '/%00', '/link.txt', '/%E0%A4%A']) {
      const res = await send(server.port, { path: p })
      expect(res.status, p).toBe(404)
      expect(res.body).not.toContain('secret')
    }
  })
})

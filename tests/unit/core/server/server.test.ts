import fs from 'node:fs'
import path from 'node:path'
import { startServer, type RunningServer } from '../../../../src/core/server/index'
import { makeTempDir, removeTempDir } from '../corpus'
import { openEvents, send } from './http-client'

let base = ''
let root = ''
let server: RunningServer
let cookie = ''
const json = { 'content-type': 'application/json' }
const origin = (): Record<string, string> => ({ origin: `http://127.0.0.1:${server.port}` })
const call = (method: string, args: unknown[], headers: Record<string, string> = {}) =>
  send(server.port, { method: 'POST', path: `/api/${method}`, headers: { ...json, ...origin(), cookie, ...headers }, body: JSON.stringify({ args }) })

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
  const started = await startServer({ root, port: 0, rendererDir: renderer })
  if (!started.ok) throw new Error(started.error.message)
  server = started.value
  await server.watching
  cookie = `folio_token_${server.port}=${server.token}`
})
afterEach(async () => {
  await server.close()
  removeTempDir(base)
})

describe('startServer', () => {
  it('prints a 127.0.0.1 URL with a 64-hex token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`)
    expect(server.token).toMatch(/^[0-9a-f]{64}$/)
  })

  it('trades the URL token for an HttpOnly SameSite=Strict cookie and redirects to /', async () => {
    const res = await send(server.port, { path: `/?token=${server.token}` })
    expect(res.status).toBe(302)
    expect(res.headers.location).toBe('/')
    expect(res.headers['set-cookie']).toEqual([`folio_token_${server.port}=${server.token}; HttpOnly; SameSite=Strict; Path=/`])
    expect(res.headers['referrer-policy']).toBe('no-referrer')
    const page = await send(server.port, { path: '/', headers: { cookie } })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>Folio</title>')
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect(page.headers['x-content-type-options']).toBe('nosniff')
  })

  it('shows a 401 page at / without token or cookie, and for a wrong token', async () => {
    for (const p of ['/', '/?token=wrong']) {
      const res = await send(server.port, { path: p })
      expect(res.status).toBe(401)
      expect(res.body).toContain('printed')
      expect(res.headers['set-cookie']).toBeUndefined()
    }
  })

  it('requires the token on every API call (401)', async () => {
    expect((await call('listArticles', [], { cookie: '' })).status).toBe(401)
    expect((await call('listArticles', [], { cookie: `folio_token_${server.port}=nope` })).status).toBe(401)
    // NOTE: another port's cookie (another `folio serve` in the same browser) is not this session.
    expect((await call('listArticles', [], { cookie: `folio_token_${server.port + 1}=${server.token}` })).status).toBe(401)
    expect((await send(server.port, { path: '/api/events' })).status).toBe(401)
    expect((await call('listArticles', [], { cookie: '', 'x-folio-token': server.token })).status).toBe(200)
  })

  it('refuses a foreign Host (403), including on static files', async () => {
    expect((await call('listArticles', [], { host: `evil.example:${server.port}` })).status).toBe(403)
    expect((await send(server.port, { path: '/', headers: { host: 'evil.example', cookie } })).status).toBe(403)
    expect((await call('listArticles', [], { host: `localhost:${server.port}`, origin: `http://localhost:${server.port}` })).status).toBe(200)
  })

  it('refuses a POST without the server as Origin (403), and sends no CORS headers', async () => {
    for (const bad of ['http://evil.example', 'null', `http://127.0.0.1:${server.port + 1}`]) {
      const res = await call('listArticles', [], { origin: bad })
      expect(res.status).toBe(403)
      expect(res.headers['access-control-allow-origin']).toBeUndefined()
    }
    const noOrigin = await send(server.port, { method: 'POST', path: '/api/listArticles', headers: { ...json, cookie }, body: '{"args":[]}' })
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
    const notJson = await send(server.port, { method: 'POST', path: '/api/listArticles', headers: { ...json, ...origin(), cookie }, body: '{' })
    expect(notJson.status).toBe(400)
    const form = await send(server.port, { method: 'POST', path: '/api/listArticles', headers: { 'content-type': 'text/plain', ...origin(), cookie }, body: '{"args":[]}' })
    expect(form.status).toBe(415)
    const noArgs = await send(server.port, { method: 'POST', path: '/api/listArticles', headers: { ...json, ...origin(), cookie }, body: '{}' })
    expect(noArgs.status).toBe(400)
  })

  it('streams an event when an article changes outside', async () => {
    const stream = await openEvents(server.port, cookie)
    fs.writeFileSync(path.join(root, 'posts', 'a.md'), 'changed outside\n')
    for (let i = 0; i < 100 && stream.events.length === 0; i += 1) await new Promise((r) => setTimeout(r, 50))
    stream.close()
    expect(stream.events[0]).toMatchObject({ kind: 'article-changed', path: 'posts/a.md' })
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

import fs from 'node:fs'
import path from 'node:path'
import { earlyDataElementId, parseEarlyData } from '@shared/early-data'
import { defaultSettings } from '@shared/user-state'
import { requestLocale } from '../../../src/server/early-page'
import { startServer, type RunningServer } from '../../../src/server/index'
import { makeTempDir, removeTempDir } from '../core/corpus'
import { send } from './http-client'

// NOTE: the index's only shard runs a worker that never answers: whatever the served page carries came from the
// host's own first rows, before any worker had listed, read or loaded anything.
const silentWorker = new URL('../../support/silent-index-worker.ts', import.meta.url)
const hostile = '</script><script src="/x.js"></script><!--'
let base = ''
let server: RunningServer

beforeAll(async () => {
  base = makeTempDir()
  const root = path.join(base, 'site')
  const renderer = path.join(base, 'renderer')
  fs.mkdirSync(path.join(root, 'posts'), { recursive: true })
  fs.mkdirSync(renderer, { recursive: true })
  // NOTE: 24 articles, the fewest the host reads itself, so evil.md is always among the first rows.
  for (let i = 0; i < 23; i++) fs.writeFileSync(path.join(root, 'posts', `a${String(i).padStart(2, '0')}.md`), `---\ntitle: "Article ${i}"\n---\nbody\n`)
  fs.writeFileSync(path.join(root, 'posts', 'evil.md'), `---\ntitle: '${hostile}'\n---\n`)
  fs.mkdirSync(path.join(renderer, 'assets'))
  fs.writeFileSync(path.join(renderer, 'assets', 'index-abcd1234.css'), '.article-item{height:52px}')
  fs.writeFileSync(path.join(base, 'outside.css'), '.secret{}')
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><html><head><title>Folio</title><link rel="stylesheet" crossorigin href="./assets/index-abcd1234.css"><link rel="stylesheet" href="../outside.css"></head><body><div id="root"></div></body></html>')
  const started = await startServer({ root, port: 0, rendererDir: renderer, cacheDir: null, stateDir: path.join(base, 'state'), index: { mode: 'worker', shards: 1, workerScript: silentWorker } })
  if (!started.ok) throw new Error(started.error.message)
  server = started.value
})
afterAll(async () => {
  await server.close()
  removeTempDir(base)
})

const elementPattern = new RegExp(`<script type="application/json" id="${earlyDataElementId}">([^<]*)</script>`)

describe('the page served with the session token', () => {
  it('carries the folder and its first rows before the index workers have answered anything', async () => {
    const page = await send(server.port, { path: `/?token=${server.token}` })
    expect(page.status).toBe(200)
    expect(page.headers['cache-control']).toBe('no-store')
    const early = parseEarlyData(elementPattern.exec(page.body)?.[1])
    expect(early?.folder).toEqual({ ok: true, value: { root: fs.realpathSync(path.join(base, 'site')), name: 'site' } })
    const index = early?.index
    expect(index?.ok && index.value.isComplete).toBe(false)
    const rows = index?.ok ? index.value.articles : []
    expect(rows.length).toBeGreaterThanOrEqual(24)
    expect(rows.map((row) => row.path)).toEqual([...rows.map((row) => row.path)].sort())
    expect(rows.find((row) => row.path === 'posts/a00.md')?.title).toBe('Article 0')
  })

  it('keeps the data inert under the strict CSP: one data element before </body>, no title can end it', async () => {
    const page = await send(server.port, { path: `/?token=${server.token}` })
    const scriptSrc = /script-src [^;]*/.exec(String(page.headers['content-security-policy']))?.[0]
    expect(scriptSrc).toBe("script-src 'self'")
    expect(page.body.match(/<script/g)).toHaveLength(1)
    expect(page.body).toMatch(/<\/script><\/body><\/html>$/)
    const early = parseEarlyData(elementPattern.exec(page.body)?.[1])
    const rows = early?.index?.ok ? early.index.value.articles : []
    expect(rows.find((row) => row.path === 'posts/evil.md')?.title).toBe(hostile)
    expect(page.body).not.toContain(hostile)
  })

  it('carries the first screen as HTML in #root, before the index workers answered, every text escaped', async () => {
    const page = await send(server.port, { path: `/?token=${server.token}`, headers: { 'accept-language': 'de-DE,de;q=0.9,en;q=0.8' } })
    expect(page.body).toMatch(/<div id="root"><div class="workbench first-screen" inert aria-busy="true"><header class="toolbar">/)
    expect(page.body).toMatch(/<li role="option"[^>]* aria-label="Article 1" class="article-item"/)
    expect(page.body).toContain('<span class="item-title">&#60;/script&#62;&#60;script src=&#34;/x.js&#34;&#62;&#60;/script&#62;&#60;!--</span>')
    expect(page.body.match(/<script/g)).toHaveLength(1)
  })

  it('carries its stylesheet in the page, so the first paint waits for no second request; nothing outside the build', async () => {
    const page = await send(server.port, { path: `/?token=${server.token}` })
    expect(page.body).toContain('<style>.article-item{height:52px}</style>')
    expect(page.body).not.toContain('index-abcd1234.css')
    expect(page.body).toContain('<link rel="stylesheet" href="../outside.css">')
    expect(page.body).not.toContain('.secret')
  })

  it('carries the theme the user chose on <html>, so the first paint is in it', async () => {
    const headers = { 'content-type': 'application/json', origin: `http://127.0.0.1:${server.port}`, 'x-folio-token': server.token }
    const settings = { ...defaultSettings, theme: 'dark' }
    const saved = await send(server.port, { method: 'POST', path: '/api/saveSettings', headers, body: JSON.stringify({ args: [settings] }) })
    expect(saved.status).toBe(200)
    expect((await send(server.port, { path: `/?token=${server.token}` })).body).toContain('<html data-theme="dark">')
    await send(server.port, { method: 'POST', path: '/api/saveSettings', headers, body: JSON.stringify({ args: [defaultSettings] }) })
    expect((await send(server.port, { path: `/?token=${server.token}` })).body).toContain('<html>')
  })

  it('is made from the build read once, and from the new build after a rebuild while serving', async () => {
    const index = path.join(base, 'renderer', 'index.html')
    const built = fs.readFileSync(index, 'utf8')
    try {
      // NOTE: a rebuild replaces the file (a new inode), as Vite's writes do; the next page is made from it.
      fs.rmSync(index)
      fs.writeFileSync(index, built.replace('<title>Folio</title>', '<title>Folio rebuilt</title>'))
      const page = await send(server.port, { path: `/?token=${server.token}` })
      expect(page.body).toContain('<title>Folio rebuilt</title>')
      expect(page.body).toMatch(/<div id="root"><div class="workbench first-screen"/)
      fs.rmSync(index)
      expect((await send(server.port, { path: `/?token=${server.token}` })).status).toBe(404)
    } finally {
      fs.writeFileSync(index, built)
    }
    expect((await send(server.port, { path: `/?token=${server.token}` })).body).toContain('<title>Folio</title>')
  })

  it('carries nothing without the right token: the plain page, which holds no secret', async () => {
    for (const p of ['/', '/?token=', '/?token=wrong', `/?token=${server.token}x`, `/index.html?token=${server.token.toUpperCase()}`]) {
      const page = await send(server.port, { path: p })
      expect(page.status).toBe(200)
      expect(page.body).not.toContain(earlyDataElementId)
      expect(page.body).not.toContain('Article 0')
    }
    const head = await send(server.port, { method: 'HEAD', path: `/?token=${server.token}` })
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
  })
})

describe('requestLocale', () => {
  it('is the first tag of Accept-Language (as navigator.language), and nothing for none, a wildcard or a malformed tag', () => {
    expect(requestLocale('de-DE,de;q=0.9,en;q=0.8')).toBe('de-DE')
    expect(requestLocale('en-us')).toBe('en-US')
    expect(requestLocale('fr;q=0.5')).toBe('fr')
    for (const header of [undefined, '', '*', 'not a tag!', ';q=1']) expect(requestLocale(header)).toBeUndefined()
  })
})

import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { cacheControlFor, resolveStatic, sendStatic } from '../../../src/server/static-files'
import { makeTempDir, removeTempDir } from '../core/corpus'
import { send } from './http-client'

let base = ''
let server: http.Server
let port = 0

beforeEach(async () => {
  base = makeTempDir()
  const renderer = path.join(base, 'renderer')
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Folio</title>')
  fs.writeFileSync(path.join(renderer, 'assets', 'index-Ddgmk533.js'), 'import("./editing-BwHo5xQN.js")')
  fs.writeFileSync(path.join(renderer, 'assets', 'editing-BwHo5xQN.js'), 'export const x = 1')
  fs.writeFileSync(path.join(renderer, 'assets', 'editing-CJpnQzhl.css'), 'p{}')
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)')
  const rendererDir = fs.realpathSync(renderer)
  server = http.createServer((req, res) => {
    void resolveStatic(rendererDir, req.url ?? '/').then(async (file) => {
      if (file === null || !(await sendStatic(res, file, false))) res.writeHead(404).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve))
  removeTempDir(base)
})

describe('static files', () => {
  it('serves lazy chunks and their CSS with their content type, cached for good since their names carry a hash', async () => {
    for (const [file, type] of [
      ['/assets/editing-BwHo5xQN.js', 'text/javascript'],
      ['/assets/index-Ddgmk533.js', 'text/javascript'],
      ['/assets/editing-CJpnQzhl.css', 'text/css'],
    ]) {
      const res = await send(port, { path: file })
      expect(res.status, file).toBe(200)
      expect(res.headers['content-type'], file).toContain(type)
      expect(res.headers['cache-control'], file).toBe('max-age=31536000, immutable')
    }
  })

  it('revalidates files without a hash and never stores the page', async () => {
    expect((await send(port, { path: '/assets/app.js' })).headers['cache-control']).toBe('no-cache')
    expect((await send(port, { path: '/' })).headers['cache-control']).toBe('no-store')
  })

  it('treats only a hashed name inside assets/ as immutable', () => {
    const js = 'text/javascript; charset=utf-8'
    expect(cacheControlFor('/r/assets/DiffView-BFGALGTk.js', js)).toBe('max-age=31536000, immutable')
    expect(cacheControlFor('C:\\r\\assets\\dist-_bXIVLh6.js', js)).toBe('max-age=31536000, immutable')
    expect(cacheControlFor('/r/main-BFGALGTk.js', js)).toBe('no-cache')
    expect(cacheControlFor('/r/assets/main.js', js)).toBe('no-cache')
    expect(cacheControlFor('/r/assets/index-Ddgmk533.html', 'text/html; charset=utf-8')).toBe('no-store')
  })
})

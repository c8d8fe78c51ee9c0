import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../../src/server/index'
import { openEvents, send } from './http-client'
import { copySample, newsArticle, tempDir } from '../core/export/helpers'

let site = ''
let server: RunningServer
let token = ''

const call = (args: unknown[], headers: Record<string, string> = {}) =>
  send(server.port, {
    method: 'POST',
    path: '/api/exportArticles',
    headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${server.port}`, 'x-folio-token': token, ...headers },
    body: JSON.stringify({ args }),
  })

beforeEach(async () => {
  site = copySample()
  const renderer = tempDir('folio-export-renderer-')
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Folio</title>')
  const started = await startServer({ root: site, port: 0, rendererDir: renderer, stateDir: tempDir('folio-export-state-') })
  if (!started.ok) throw new Error(started.error.message)
  server = started.value
  token = server.token
})

afterEach(async () => {
  await server.close()
  fs.rmSync(site, { recursive: true, force: true })
})

describe('export in browser mode', () => {
  it('answers the file as base64 for the page to download, and streams progress events', async () => {
    const stream = await openEvents(server.port, token)
    const res = await call([{ paths: [newsArticle], format: 'md', jobId: 'b1' }])
    await vi.waitFor(() => expect(stream.events).toContainEqual({ kind: 'export-progress', jobId: 'b1', done: 1, total: 1, path: newsArticle }), { timeout: 10_000, interval: 20 })
    stream.close()
    expect(res.status).toBe(200)
    const body = JSON.parse(res.body) as { ok: true; value: { kind: string; fileName: string; base64: string } }
    expect(body.value).toMatchObject({ kind: 'download', fileName: 'is-k-rising-un-warns.md' })
    expect(Buffer.from(body.value.base64, 'base64').equals(fs.readFileSync(path.join(site, newsArticle)))).toBe(true)
    expect(stream.events).toContainEqual({ kind: 'export-progress', jobId: 'b1', done: 1, total: 1, path: newsArticle })
  })

  it('keeps the token and Origin checks', async () => {
    expect((await call([{ paths: [newsArticle], format: 'md' }], { 'x-folio-token': '' })).status).toBe(401)
    expect((await call([{ paths: [newsArticle], format: 'md' }], { origin: 'http://evil.example' })).status).toBe(403)
  })
})

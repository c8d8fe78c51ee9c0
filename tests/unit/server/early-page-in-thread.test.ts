import fs from 'node:fs'
import path from 'node:path'
import { earlyDataElementId, parseEarlyData } from '@shared/early-data'
import { startServer, type RunningServer } from '../../../src/server/index'
import { makeTempDir, removeTempDir } from '../core/corpus'
import { send } from './http-client'

// A small folder is indexed in the server's own thread (no worker thread starts: see indexWorkerThreshold). The page
// must still carry its first rows while the rest of the index waits for the page (held here for the whole test).
let base = ''
let server: RunningServer

beforeAll(async () => {
  base = makeTempDir()
  const root = path.join(base, 'site')
  const renderer = path.join(base, 'renderer')
  fs.mkdirSync(path.join(root, 'posts'), { recursive: true })
  fs.mkdirSync(renderer, { recursive: true })
  for (let i = 0; i < 30; i++) fs.writeFileSync(path.join(root, 'posts', `a${String(i).padStart(2, '0')}.md`), `---\ntitle: "Article ${i}"\n---\nbody\n`)
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><html><head><title>Folio</title></head><body><div id="root"></div></body></html>')
  const started = await startServer({ root, port: 0, rendererDir: renderer, cacheDir: null, stateDir: path.join(base, 'state'), holdIndexMs: 600_000, index: { mode: 'local' } })
  if (!started.ok) throw new Error(started.error.message)
  server = started.value
})
afterAll(async () => {
  await server.close()
  removeTempDir(base)
})

const elementPattern = new RegExp(`<script type="application/json" id="${earlyDataElementId}">([^<]*)</script>`)

it('with the index in this thread, the page carries the first rows while the rest of the index is held', async () => {
  const page = await send(server.port, { path: `/?token=${server.token}` })
  const index = parseEarlyData(elementPattern.exec(page.body)?.[1])?.index
  expect(index?.ok && index.value.isComplete).toBe(false)
  const rows = index?.ok ? index.value.articles : []
  expect(rows.length).toBeGreaterThanOrEqual(24)
  expect(rows.find((row) => row.path === 'posts/a00.md')?.title).toBe('Article 0')
})

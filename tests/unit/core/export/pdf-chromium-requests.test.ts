import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createChromiumPdfRenderer } from '../../../../src/core/export/index'

// The Chromium renderer (CLI and browser mode) prints with every request but data: refused: a document that
// points at a server (here one on 127.0.0.1 that counts what it is asked) or at local files loads none of them.
let server: http.Server
const hits: string[] = []
const renderer = createChromiumPdfRenderer()

beforeAll(async () => {
  server = http.createServer((request, response) => {
    hits.push(request.url ?? '')
    response.end('x')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
})
afterAll(async () => {
  await renderer.close()
  await new Promise((resolve) => server.close(resolve))
})

it('loads nothing but data: while printing', async () => {
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const html = `<!DOCTYPE html><html><head><link rel="stylesheet" href="${base}/style.css"></head><body>
<img src="${base}/pixel.png"><img src="file:///etc/hostname"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<p style="background: #eee">text</p></body></html>`
  const printed = await renderer.render(html, { pageSize: 'A4', marginMm: 18 })
  if (!printed.ok) expect(printed.error.code).toBe('UNSUPPORTED')
  else expect(new TextDecoder().decode(printed.value.slice(0, 5))).toBe('%PDF-')
  expect(hits).toEqual([])
}, 60_000)

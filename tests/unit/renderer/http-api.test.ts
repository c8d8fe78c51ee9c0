import { createHttpApi } from '@renderer/http-api'
import type { FolderEvent } from '@shared/api'
import { versionOf } from './fake-api'

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

class FakeEventSource {
  onmessage: ((event: MessageEvent) => void) | null = null
  isClosed = false
  constructor(readonly url: string) {}
  close(): void {
    this.isClosed = true
  }
}

function setup(response: () => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit | undefined }[] = []
  const sources: FakeEventSource[] = []
  const fetchFn = (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: input as string, init })
    return Promise.resolve(response())
  }
  const api = createHttpApi({
    fetch: fetchFn,
    createEventSource: (url) => {
      const source = new FakeEventSource(url)
      sources.push(source)
      return source as unknown as EventSource
    },
  })
  return { api, calls, sources }
}

describe('createHttpApi', () => {
  it('posts the method name and its arguments as {"args": [...]} with same-origin credentials', async () => {
    const { api, calls } = setup(() => jsonResponse({ ok: true, value: { version: versionOf('x'), written: true } }))
    const request = { path: 'posts/a.md', text: 'x', format: { hasBom: false, eol: 'lf' as const }, baseVersion: versionOf('') }
    const result = await api.writeArticle(request)
    expect(result).toEqual({ ok: true, value: { version: versionOf('x'), written: true } })
    expect(calls).toHaveLength(1)
    expect(calls[0].url).toBe('/api/writeArticle')
    expect(calls[0].init?.method).toBe('POST')
    expect(calls[0].init?.credentials).toBe('same-origin')
    expect(JSON.parse(calls[0].init?.body as string)).toEqual({ args: [request] })
  })

  it('passes a failure Result through unchanged, whatever the status', async () => {
    const error = { code: 'NOT_FOUND', message: 'no such file', path: 'a.md' }
    const { api, calls } = setup(() => jsonResponse({ ok: false, error }, 404))
    expect(await api.readArticle('a.md')).toEqual({ ok: false, error })
    expect(JSON.parse(calls[0].init?.body as string)).toEqual({ args: ['a.md'] })
  })

  it('turns a refused session and a broken connection into failures, not throws', async () => {
    const refused = setup(() => new Response('no', { status: 401 }))
    const result = await refused.api.getFolder()
    expect(result.ok === false && result.error.code).toBe('UNAUTHORIZED')
    const broken = setup(() => Promise.reject(new TypeError('Failed to fetch')))
    const failure = await broken.api.listArticles()
    expect(failure.ok === false && failure.error.code).toBe('IO')
  })

  it('delivers server-sent folder events and closes the stream on unsubscribe', () => {
    const { api, sources } = setup(() => jsonResponse({ ok: true, value: null }))
    const events: FolderEvent[] = []
    const unsubscribe = api.onFolderEvent((e) => events.push(e))
    expect(sources[0].url).toBe('/api/events')
    const event: FolderEvent = { kind: 'article-added', path: 'new.md' }
    sources[0].onmessage?.(new MessageEvent('message', { data: JSON.stringify(event) }))
    sources[0].onmessage?.(new MessageEvent('message', { data: 'not json' }))
    expect(events).toEqual([event])
    unsubscribe()
    expect(sources[0].isClosed).toBe(true)
  })
})

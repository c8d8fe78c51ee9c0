/** A request for the post worker: the API path made absolute, its headers and its arguments (JSON-encoded there). */
export interface LargePostRequest {
  id: number
  url: string
  headers: Record<string, string>
  args: unknown[]
}

/** The worker's answer: the server's response as text, or why fetch failed. */
export type LargePostAnswer = { id: number; status: number; statusText: string; text: string } | { id: number; error: string }

interface Waiting {
  resolve: (response: Response) => void
  reject: (error: Error) => void
  retry: () => Promise<Response>
}

/**
 * Browser mode: POSTs large API requests (a whole article's text) from a worker, so encoding and sending them never
 * holds the page's main thread; where no worker can start, `fetch` on the page sends them as before. The answer is
 * a Response like fetch's. A fetch failure in the worker rejects, as fetch does.
 */
export function createLargePost(fetchOnPage: typeof fetch): (path: string, headers: Record<string, string>, args: unknown[]) => Promise<Response> {
  let worker: Worker | null | undefined
  const waiting = new Map<number, Waiting>()
  let lastId = 0
  const start = (): Worker | null => {
    if (typeof Worker === 'undefined') return null
    try {
      const started = new Worker(new URL('./http-post-worker.ts', import.meta.url), { type: 'module', name: 'folio-post' })
      started.addEventListener('message', (event: MessageEvent<LargePostAnswer>) => {
        const answer = event.data
        const request = waiting.get(answer.id)
        waiting.delete(answer.id)
        if ('error' in answer) request?.reject(new Error(answer.error))
        else request?.resolve(new Response(answer.text, { status: answer.status, statusText: answer.statusText }))
      })
      // NOTE: a worker that cannot load sends nothing: what it holds, and everything after, goes from the page.
      started.addEventListener('error', () => {
        worker = null
        for (const request of waiting.values()) request.retry().then(request.resolve, request.reject)
        waiting.clear()
      })
      return started
    } catch (error) {
      console.warn('Folio could not start its request worker; large requests go from the page:', error)
      return null
    }
  }
  return (path, headers, args) => {
    const retry = (): Promise<Response> => fetchOnPage(path, { method: 'POST', credentials: 'omit', headers, body: JSON.stringify({ args }) })
    if (worker === undefined) worker = start()
    if (worker === null) return retry()
    const id = ++lastId
    const url = new URL(path, window.location.href).href
    const sender = worker
    return new Promise<Response>((resolve, reject) => {
      waiting.set(id, { resolve, reject, retry })
      sender.postMessage({ id, url, headers, args } satisfies LargePostRequest)
    })
  }
}

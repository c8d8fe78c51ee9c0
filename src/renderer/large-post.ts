/** A request for the post worker: the API path made absolute, its headers and its arguments (JSON-encoded there). */
export interface LargePostRequest {
  id: number
  url: string
  headers: Record<string, string>
  args: unknown[]
}

/** Strings longer than this go to the worker in parts of this many characters, one part per task. */
export const partChars = 65_536

/** Where a long string of a request's arguments was taken out: `args[arg]`, or `args[arg][key]`; its part count. */
interface Hole {
  arg: number
  key: string | null
  parts: number
}

/**
 * Messages to the post worker: a request with its long strings taken out (`holes`), then their parts in order.
 * NOTE: cloning a 1 MB article's text to the worker in one message held the page for 10-60 ms per pause in typing
 * (the journal sends the whole unsaved text); in parts of 64 K characters each message is a small task.
 */
export type LargePostMessage = ({ kind: 'request'; holes: Hole[] } & LargePostRequest) | { kind: 'part'; id: number; text: string }

/** Takes the strings over partChars out of `args` (and one level into objects), as splitLarge's parts. */
export function splitLarge(args: readonly unknown[]): { args: unknown[]; holes: Hole[]; parts: string[] } {
  const holes: Hole[] = []
  const parts: string[] = []
  const cut = (text: string, arg: number, key: string | null): string => {
    if (text.length <= partChars) return text
    const count = Math.ceil(text.length / partChars)
    for (let i = 0; i < count; i++) parts.push(text.slice(i * partChars, (i + 1) * partChars))
    holes.push({ arg, key, parts: count })
    return ''
  }
  const out = args.map((value, arg) => {
    if (typeof value === 'string') return cut(value, arg, null)
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, typeof field === 'string' ? cut(field, arg, key) : field]))
  })
  return { args: out, holes, parts }
}

/** The worker's side: collects a request's parts and answers the whole request once its last part came. */
export function createPartsCollector(): (message: LargePostMessage) => LargePostRequest | null {
  const open = new Map<number, { request: LargePostRequest; holes: Hole[]; parts: string[]; expected: number }>()
  const complete = (entry: { request: LargePostRequest; holes: Hole[]; parts: string[] }): LargePostRequest => {
    const args = [...entry.request.args]
    let at = 0
    for (const hole of entry.holes) {
      const text = entry.parts.slice(at, at + hole.parts).join('')
      at += hole.parts
      if (hole.key === null) args[hole.arg] = text
      else args[hole.arg] = { ...(args[hole.arg] as Record<string, unknown>), [hole.key]: text }
    }
    return { ...entry.request, args }
  }
  return (message) => {
    if (message.kind === 'request') {
      const { holes } = message
      const request: LargePostRequest = { id: message.id, url: message.url, headers: message.headers, args: message.args }
      const entry = { request, holes, parts: [], expected: holes.reduce((sum, hole) => sum + hole.parts, 0) }
      if (entry.expected === 0) return request
      open.set(request.id, entry)
      return null
    }
    const entry = open.get(message.id)
    if (entry === undefined) return null
    entry.parts.push(message.text)
    if (entry.parts.length < entry.expected) return null
    open.delete(message.id)
    return complete(entry)
  }
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
    const split = splitLarge(args)
    return new Promise<Response>((resolve, reject) => {
      waiting.set(id, { resolve, reject, retry })
      sender.postMessage({ kind: 'request', id, url, headers, args: split.args, holes: split.holes } satisfies LargePostMessage)
      // NOTE: one part per task, so input and frames run between them; messages to one worker arrive in order.
      const sendPart = (at: number): void => {
        const text = split.parts[at]
        if (text === undefined) return
        sender.postMessage({ kind: 'part', id, text } satisfies LargePostMessage)
        setTimeout(() => sendPart(at + 1), 0)
      }
      sendPart(0)
    })
  }
}

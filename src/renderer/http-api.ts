import { requestChannels, type FolderEvent, type FolioApi, type FolioRequestMethod } from '@shared/api'
import { trimUndefined } from '@shared/call-args'
import { fail, type Result } from '@shared/result'

/** What the HTTP client needs from the page; injectable so tests can use fakes. */
export interface HttpDeps {
  fetch: typeof fetch
  /** The session token from the address `folio serve` printed; null when the page was opened without it. */
  token: string | null
  /** Waits before the event stream reconnects; default 1 s (tests resolve at once). */
  wait?: (ms: number) => Promise<void>
  /** Sends a large request (over 256 K characters of text) off the main thread (a worker); default fetch. */
  postLarge?: (path: string, headers: Record<string, string>, args: unknown[]) => Promise<Response>
}

/** The header that carries the session token (see src/server/security.ts). */
export const tokenHeader = 'X-Folio-Token'

const reconnectDelayMs = 1000

/**
 * The contract over `folio serve`: each request method is `POST /api/<method>` with `{"args": [...]}` and answers a
 * Result as JSON; events arrive as a server-sent event stream from `/api/events`, read with fetch so it can carry the
 * token header. The token goes in a header on every call, never in a cookie. Transport failures become
 * IO/UNAUTHORIZED results.
 */
export function createHttpApi(deps: HttpDeps): FolioApi {
  // NOTE: built from the contract's channel table so a method added to the contract works here without an edit.
  const methods = Object.fromEntries(
    (Object.keys(requestChannels) as FolioRequestMethod[]).map((method) => [method, (...args: unknown[]) => post(deps, method, trimUndefined(args))]),
  )
  const onFolderEvent: FolioApi['onFolderEvent'] = sharedEvents(deps)
  return { ...methods, onFolderEvent } as FolioApi
}

/**
 * One event stream for every subscriber of a page. NOTE: a stream per subscription held one of the browser's six
 * connections to 127.0.0.1 each; once six parts of the app listened (list, git, export, menus…), every further API call
 * queued behind them and the Export dialog's request never left the page. The stream opens with the first listener
 * and closes with the last.
 */
function sharedEvents(deps: HttpDeps): FolioApi['onFolderEvent'] {
  const listeners = new Set<(event: FolderEvent) => void>()
  let stop: (() => void) | null = null
  return (listener) => {
    // NOTE: the same function subscribed twice gets its own entry, so each unsubscribe removes one.
    const entry = (event: FolderEvent): void => listener(event)
    listeners.add(entry)
    stop ??= subscribeEvents(deps, (event) => {
      for (const each of [...listeners]) each(event)
    })
    return () => {
      listeners.delete(entry)
      if (listeners.size === 0 && stop) {
        stop()
        stop = null
      }
    }
  }
}

/** This run's asset prefix (`/asset/<capability>/`) from the token-checked `/api/session`; null when refused or unreachable. */
export async function fetchAssetPrefix(deps: HttpDeps): Promise<string | null> {
  try {
    const response = await deps.fetch('/api/session', { headers: authHeaders(deps.token), credentials: 'omit' })
    const body: unknown = await response.json()
    if (isResult(body) && (body as Result<{ assetPrefix: unknown }>).ok) {
      const prefix = (body as { value: { assetPrefix: unknown } }).value.assetPrefix
      return typeof prefix === 'string' ? prefix : null
    }
    return null
  } catch (error) {
    // NOTE: without the prefix the preview shows images as missing; the API calls report the failure themselves.
    console.warn('Folio could not reach the server for its asset path:', error)
    return null
  }
}

function authHeaders(token: string | null): Record<string, string> {
  return token === null ? {} : { [tokenHeader]: token }
}

async function post(deps: HttpDeps, method: FolioRequestMethod, args: unknown[]): Promise<Result<unknown>> {
  let response: Response
  const headers = { 'Content-Type': 'application/json', ...authHeaders(deps.token) }
  try {
    response =
      deps.postLarge !== undefined && isLargeRequest(args)
        ? await deps.postLarge(`/api/${method}`, headers, args)
        : await deps.fetch(`/api/${method}`, { method: 'POST', credentials: 'omit', headers, body: JSON.stringify({ args }) })
  } catch (error) {
    return fail('IO', `Cannot reach the Folio server: ${messageOf(error)}`)
  }
  const body: unknown = await response.json().catch((): unknown => undefined)
  if (response.status === 401) {
    return fail('UNAUTHORIZED', 'This page has no valid Folio session; open the address that `folio serve` printed (it ends in ?token=…).')
  }
  if (isResult(body)) return body as Result<unknown>
  if (response.status === 403) return fail('UNAUTHORIZED', 'The Folio server refused the request.')
  return fail('IO', `The Folio server answered ${response.status} ${response.statusText} to ${method}.`)
}

const largeRequestChars = 256 * 1024

/** True when the strings in `args` (and one level into objects: an article's text) pass largeRequestChars. */
function isLargeRequest(args: readonly unknown[]): boolean {
  let size = 0
  for (const arg of args) {
    if (typeof arg === 'string') size += arg.length
    else if (typeof arg === 'object' && arg !== null) for (const value of Object.values(arg)) if (typeof value === 'string') size += value.length
  }
  return size > largeRequestChars
}

function subscribeEvents(deps: HttpDeps, listener: (event: FolderEvent) => void): () => void {
  const controller = new AbortController()
  const wait = deps.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  const run = async (): Promise<void> => {
    while (!controller.signal.aborted) {
      const isRefused = await readStream(deps, controller.signal, listener)
      // NOTE: a refused token will not become valid; a dropped stream (server restart, sleep) is retried.
      if (isRefused || controller.signal.aborted) return
      await wait(reconnectDelayMs)
    }
  }
  void run()
  return () => controller.abort()
}

/** Reads one event stream until it ends; true when the server refused the session. */
async function readStream(deps: HttpDeps, signal: AbortSignal, listener: (event: FolderEvent) => void): Promise<boolean> {
  try {
    const response = await deps.fetch('/api/events', { headers: authHeaders(deps.token), credentials: 'omit', signal })
    if (response.status === 401 || response.status === 403) return true
    if (!response.ok || response.body === null) return false
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
    let buffer = ''
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return false
      buffer += value
      const blocks = buffer.split('\n\n')
      buffer = blocks.pop() ?? ''
      for (const block of blocks) {
        const event = parseEvent(block)
        if (event) listener(event)
      }
    }
  } catch (error) {
    // NOTE: an aborted or dropped stream ends this read; the caller decides whether to reconnect.
    if (!signal.aborted) console.warn('Folio lost the event stream:', messageOf(error))
    return false
  }
}

/** The FolderEvent of one server-sent event block (`data:` lines); null for comments and malformed data. */
export function parseEvent(block: string): FolderEvent | null {
  const data = block
    .split('\n')
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(line.startsWith('data: ') ? 6 : 5))
    .join('\n')
  if (data === '') return null
  try {
    const value: unknown = JSON.parse(data)
    return typeof value === 'object' && value !== null && 'kind' in value ? (value as FolderEvent) : null
  } catch {
    // NOTE: a malformed event is skipped, not fatal.
    return null
  }
}

function isResult(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean'
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

import { requestChannels, type FolderEvent, type FolioApi, type FolioRequestMethod } from '@shared/api'
import { fail, type Result } from '@shared/result'

/** What the HTTP client needs from the page; injectable so tests can use fakes. */
export interface HttpDeps {
  fetch: typeof fetch
  createEventSource: (url: string) => EventSource
}

/**
 * The contract over `folio serve`: each request method is `POST /api/<method>` with `{"args": [...]}` and answers a
 * Result as JSON; events arrive as server-sent events from `/api/events`. The session token is an HttpOnly cookie
 * the server set, so requests only need same-origin credentials. Transport failures become IO/UNAUTHORIZED results.
 */
export function createHttpApi(deps: HttpDeps): FolioApi {
  // NOTE: built from the contract's channel table so a method added to the contract works here without an edit.
  const methods = Object.fromEntries(
    (Object.keys(requestChannels) as FolioRequestMethod[]).map((method) => [method, (...args: unknown[]) => post(deps.fetch, method, trimUndefined(args))]),
  )
  const onFolderEvent: FolioApi['onFolderEvent'] = (listener) => subscribeEvents(deps.createEventSource, listener)
  return { ...methods, onFolderEvent } as FolioApi
}

/** Drops trailing undefined arguments (an omitted optional parameter), which JSON would turn into null. */
function trimUndefined(args: unknown[]): unknown[] {
  let end = args.length
  while (end > 0 && args[end - 1] === undefined) end--
  return args.slice(0, end)
}

async function post(fetchFn: typeof fetch, method: FolioRequestMethod, args: unknown[]): Promise<Result<unknown>> {
  let response: Response
  try {
    response = await fetchFn(`/api/${method}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ args }),
    })
  } catch (error) {
    return fail('IO', `Cannot reach the Folio server: ${messageOf(error)}`)
  }
  const body: unknown = await response.json().catch((): unknown => undefined)
  if (isResult(body)) return body as Result<unknown>
  if (response.status === 401 || response.status === 403) {
    return fail('UNAUTHORIZED', 'The Folio server refused the session; open the address it printed again.')
  }
  return fail('IO', `The Folio server answered ${response.status} ${response.statusText} to ${method}.`)
}

function subscribeEvents(create: HttpDeps['createEventSource'], listener: (event: FolderEvent) => void): () => void {
  const source = create('/api/events')
  source.onmessage = (message: MessageEvent) => {
    const event = parseEvent(message.data)
    if (event) listener(event)
  }
  return () => source.close()
}

function parseEvent(data: unknown): FolderEvent | null {
  if (typeof data !== 'string') return null
  try {
    const value: unknown = JSON.parse(data)
    return typeof value === 'object' && value !== null && 'kind' in value ? (value as FolderEvent) : null
  } catch {
    // NOTE: a malformed event (e.g. a keep-alive comment the server sent as data) is skipped, not fatal.
    return null
  }
}

function isResult(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean'
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

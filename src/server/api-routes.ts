import type { IncomingMessage, ServerResponse } from 'node:http'
import { requestChannels, type FolderEvent, type FolioRequestMethod, type RequestHandlers, type Unsubscribe } from '@shared/api'
import { fail, type Result } from '@shared/result'
import { isRecord } from '../core/validate'

/** The largest accepted request body, in bytes. */
export const maxBodyBytes = 50 * 1024 * 1024

/** Sends a JSON body with a status. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) })
  res.end(text)
}

/** Sends a failed Result as JSON. */
export function sendFailure(res: ServerResponse, status: number, failure: Result<never>): void {
  sendJson(res, status, failure)
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength
      if (size > maxBodyBytes) {
        resolve(null)
        req.destroy()
      } else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function isRequestMethod(name: string): name is FolioRequestMethod {
  return Object.hasOwn(requestChannels, name)
}

/** Handles `POST /api/<method>` with `{"args": [...]}`: answers the handler's Result as JSON (200), or 4xx for a bad request. */
export async function handleApiCall(req: IncomingMessage, res: ServerResponse, name: string, handlers: RequestHandlers): Promise<void> {
  if (!isRequestMethod(name)) return sendFailure(res, 404, fail('NOT_FOUND', `There is no API method "${name}".`))
  const type = req.headers['content-type'] ?? ''
  if (!/^application\/json\b/i.test(type)) return sendFailure(res, 415, fail('INVALID_ARGUMENT', 'The body must be application/json.'))
  const body = await readBody(req)
  if (body === null) return sendFailure(res, 413, fail('TOO_LARGE', 'The request body is too large.'))
  let parsed: unknown
  try {
    parsed = JSON.parse(body.toString('utf8'))
  } catch (error) {
    // NOTE: a malformed body is the client's mistake; it gets a 400, not a crash.
    if (!(error instanceof SyntaxError)) throw error
    return sendFailure(res, 400, fail('INVALID_ARGUMENT', 'The body is not valid JSON.'))
  }
  if (!isRecord(parsed) || !Array.isArray(parsed.args)) return sendFailure(res, 400, fail('INVALID_ARGUMENT', 'The body must be {"args": [...]}.'))
  const handler = handlers[name] as (...args: unknown[]) => Promise<Result<unknown>>
  sendJson(res, 200, await handler(...(parsed.args as unknown[])))
}

/** Handles `GET /api/events`: a server-sent event stream, one `data: <FolderEvent JSON>` per event. */
export function handleEvents(req: IncomingMessage, res: ServerResponse, subscribe: (listener: (event: FolderEvent) => void) => Unsubscribe): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' })
  res.write(': connected\n\n')
  const unsubscribe = subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`))
  // NOTE: a comment line every 25 s keeps proxies and idle timers from closing the stream.
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000)
  const stop = (): void => {
    clearInterval(keepAlive)
    unsubscribe()
  }
  req.on('close', stop)
  res.on('close', stop)
}

import fs from 'node:fs/promises'
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { FolderEvent, RequestHandlers, Unsubscribe } from '@shared/api'
import { fail, ok, type Result } from '@shared/result'
import { errnoToResult } from '../errno'
import type { ContentRoot } from '../content-root'
import { FolderSession } from '../folder-session'
import { createRequestHandlers } from '../request-handlers'
import { ExportJobs, ExportStateStore, createChromiumPdfRenderer, defaultStateDir, type ExportHost } from '../export/index'
import { JournalStore } from '../journal/index'
import { defaultCacheDir } from '../index/summary-cache'
import { handleApiCall, handleEvents, sendFailure } from './api-routes'
import { createToken, hasValidToken, isAllowedHost, isAllowedOrigin, securityHeaders, tokenCookieHeader, tokensEqual } from './security'
import { assetRoutePrefix, sendAsset } from './asset-route'
import { resolveStatic, sendStatic } from './static-files'

/** Options of startServer. */
export interface ServerOptions {
  /** The content folder to serve. */
  root: string
  /** Port on 127.0.0.1; 0 or absent picks a free one. */
  port?: number
  /** The built renderer (index.html and assets), e.g. `out/renderer`. */
  rendererDir: string
  /** Told when watching the folder fails (e.g. the inotify limit); outside changes may then go unnoticed. */
  onWatchError?: (message: string) => void
  /** Where "since the last export" and the journal of unsaved edits are kept; default defaultStateDir() (FOLIO_STATE_DIR, XDG_STATE_HOME…). */
  stateDir?: string
  /** Where the folder index caches summaries between runs; default defaultCacheDir() (FOLIO_CACHE_DIR, XDG_CACHE_HOME…); null: none. */
  cacheDir?: string | null
}

/** A running server; close() stops the watcher, ends event streams and releases the port. */
export interface RunningServer {
  url: string
  token: string
  port: number
  /** Resolves once the folder is watched, or once its watcher failed to start (reported through onWatchError). */
  watching: Promise<void>
  close(): Promise<void>
}

interface Context {
  port: number
  token: string
  rendererDir: string
  handlers: RequestHandlers
  /** The served folder, for the read-only asset route. */
  root: ContentRoot
  subscribe: (listener: (event: FolderEvent) => void) => Unsubscribe
}

const unauthorizedPage =
  '<!doctype html><meta charset="utf-8"><title>Folio</title><p>This Folio session needs its token. ' +
  'Open the address that <code>folio serve</code> printed (it ends in <code>?token=…</code>).</p>'

function sendText(res: ServerResponse, status: number, text: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) })
  res.end(text)
}

async function route(req: IncomingMessage, res: ServerResponse, ctx: Context): Promise<void> {
  for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value)
  if (!isAllowedHost(req.headers.host, ctx.port)) return sendText(res, 403, 'Forbidden: unexpected Host header.')
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${ctx.port}`)
  const method = req.method ?? 'GET'
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
    if (!hasValidToken(req, ctx.token, ctx.port)) return sendFailure(res, 401, fail('UNAUTHORIZED', 'Missing or wrong session token.'))
    if (url.pathname === '/api/events' && method === 'GET') return handleEvents(req, res, ctx.subscribe)
    if (method !== 'POST') return sendFailure(res, 405, fail('UNSUPPORTED', `${method} is not allowed here.`))
    if (!isAllowedOrigin(req.headers.origin, ctx.port)) return sendFailure(res, 403, fail('UNAUTHORIZED', 'Cross-origin request refused.'))
    return handleApiCall(req, res, url.pathname.slice('/api/'.length), ctx.handlers)
  }
  if (method !== 'GET' && method !== 'HEAD') return sendText(res, 405, 'Method not allowed.')
  if (url.pathname.startsWith(assetRoutePrefix)) {
    if (!hasValidToken(req, ctx.token, ctx.port)) return sendText(res, 401, 'Missing or wrong session token.')
    return sendAsset(res, ctx.root, url.pathname.slice(assetRoutePrefix.length), method === 'HEAD', req.headers.range)
  }
  if (url.pathname === '/') {
    const given = url.searchParams.get('token')
    if (given !== null && tokensEqual(ctx.token, given)) {
      res.writeHead(302, { 'Set-Cookie': tokenCookieHeader(ctx.token, ctx.port), Location: '/', 'Cache-Control': 'no-store' })
      return void res.end()
    }
    if (!hasValidToken(req, ctx.token, ctx.port)) return sendText(res, 401, unauthorizedPage, 'text/html; charset=utf-8')
  }
  const file = await resolveStatic(ctx.rendererDir, url.pathname)
  if (file === null || !(await sendStatic(res, file, method === 'HEAD'))) sendText(res, 404, 'Not found.')
}

function listen(server: http.Server, port: number): Promise<Result<number>> {
  return new Promise((resolve) => {
    const onError = (error: unknown): void => resolve(errnoToResult(error, 'listen on port', String(port)))
    server.once('error', onError)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError)
      resolve(ok((server.address() as AddressInfo).port))
    })
  })
}

/**
 * Serves the renderer and the request-handler table for `root` on 127.0.0.1 only, guarded by a random token
 * (cookie set from `/?token=…`), Host and Origin checks. Fails when the folder cannot be opened or the port is taken.
 */
export async function startServer(options: ServerOptions): Promise<Result<RunningServer>> {
  let rendererDir: string
  try {
    rendererDir = await fs.realpath(path.resolve(options.rendererDir))
  } catch (error) {
    return errnoToResult(error, 'find the built renderer', options.rendererDir)
  }
  const onWatchError = options.onWatchError
  const opened = await FolderSession.open(options.root, {
    index: { cacheDir: options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir },
    onWatchError: onWatchError && ((error) => onWatchError(error instanceof Error ? error.message : String(error))),
  })
  if (!opened.ok) return opened
  const session = opened.value
  // NOTE: the app is served while the watcher's first crawl runs (seconds on 50,000 articles, beside the index);
  // the index's full-text pass waits for it and re-reads every file, so a change made meanwhile still shows.
  // A watcher that cannot start is told to onWatchError; the app still serves the folder (saves keep their checks).
  const watching = session.start().catch((error: unknown) => {
    onWatchError?.(`Outside changes will not be noticed: ${error instanceof Error ? error.message : String(error)}`)
  })
  // NOTE: export progress is not a folder event of the session, so it reaches the event stream through its own set.
  const exportListeners = new Set<(event: FolderEvent) => void>()
  const exportHost: ExportHost = {
    createPdfRenderer: () => createChromiumPdfRenderer(),
    state: new ExportStateStore(options.stateDir ?? defaultStateDir()),
    jobs: new ExportJobs(),
    emit: (event) => exportListeners.forEach((listener) => listener(event)),
  }
  const handlers = createRequestHandlers({
    session: () => session,
    pickFolder: () => Promise.resolve(fail('UNSUPPORTED', 'Browser mode serves one folder; restart `folio serve` with another.')),
    exportHost,
    journal: new JournalStore(options.stateDir ?? defaultStateDir()),
  })
  const subscribe = (listener: (event: FolderEvent) => void): Unsubscribe => {
    exportListeners.add(listener)
    const unsubscribe = session.onEvent(listener)
    return () => {
      exportListeners.delete(listener)
      unsubscribe()
    }
  }
  const ctx: Context = { port: 0, token: createToken(), rendererDir, handlers, root: session.root, subscribe }
  const server = http.createServer((req, res) => {
    route(req, res, ctx).catch((error: unknown) => {
      // NOTE: a thrown error is a bug; answer 500 rather than leave the request hanging, and keep serving.
      if (!res.headersSent) sendFailure(res, 500, fail('IO', `Internal error: ${error instanceof Error ? error.message : String(error)}`))
      else res.destroy()
    })
  })
  const port = await listen(server, options.port ?? 0)
  if (!port.ok) {
    await session.dispose()
    return port
  }
  ctx.port = port.value
  const close = async (): Promise<void> => {
    await watching
    await session.dispose()
    await new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
  }
  return ok({ url: `http://127.0.0.1:${ctx.port}/?token=${ctx.token}`, token: ctx.token, port: ctx.port, watching, close })
}

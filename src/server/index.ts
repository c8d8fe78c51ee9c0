import fs from 'node:fs/promises'
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fail, ok, type Result } from '@shared/result'
import { errnoToResult } from '../core/errno'
import { createChromiumPdfRenderer, defaultStateDir } from '../core/export/index'
import { createFolioHost, type FolioHost, type IndexPlacement } from '../core/host/folio-host'
import { defaultCacheDir } from '../core/index/summary-cache'
import { handleApiCall, handleEvents, sendFailure, sendJson } from './api-routes'
import { createToken, hasValidToken, isAllowedHost, isAllowedOrigin, securityHeaders, tokensEqual } from './security'
import { assetPathAfterCapability, assetPrefixFor, assetRoutePrefix, sendAsset } from './asset-route'
import { resolveStatic, sendStatic } from './static-files'
import { earlyDataOf, earlyPage } from '@shared/early-page'
import { PageTemplate, requestLocale, warmEarlyPage, type PageParts } from './early-page'

/** Options of startServer. */
export interface ServerOptions {
  /** The content folder to serve first; the page may open another (openFolderAt) without a restart. */
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
  /** Where the folder index runs (see IndexPlacement); default: worker threads when a built worker exists. */
  index?: IndexPlacement
  /**
   * How long the folder index may wait for the page before it goes on past its first rows (ms, from when the URL is
   * out); default 1000. It goes on at once when the page's script first calls the API (the first screen is up then).
   * See startServer.
   */
  holdIndexMs?: number
}

/** A running server; close() stops the watcher, ends event streams and releases the port. */
export interface RunningServer {
  url: string
  token: string
  port: number
  /** This run's asset capability (the path segment after `/asset/`). */
  assetCapability: string
  /** Resolves once the folder is watched, or once its watcher failed to start (reported through onWatchError). */
  watching: Promise<void>
  close(): Promise<void>
}

interface Context {
  port: number
  token: string
  assetCapability: string
  rendererDir: string
  host: FolioHost
  page: PageTemplate
  /** Lets the folder index go on past its first rows (see ServerOptions.holdIndexMs). */
  releaseIndex: () => void
}

function sendText(res: ServerResponse, status: number, text: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) })
  res.end(text)
}

async function routeApi(req: IncomingMessage, res: ServerResponse, ctx: Context, pathname: string, method: string): Promise<void> {
  if (!hasValidToken(req, ctx.token)) return sendFailure(res, 401, fail('UNAUTHORIZED', 'Missing or wrong session token (X-Folio-Token header).'))
  ctx.releaseIndex()
  if (pathname === '/api/events' && method === 'GET') return handleEvents(req, res, (listener) => ctx.host.onEvent(listener))
  if (pathname === '/api/session' && method === 'GET') return sendJson(res, 200, ok({ assetPrefix: assetPrefixFor(ctx.assetCapability) }))
  if (method !== 'POST') return sendFailure(res, 405, fail('UNSUPPORTED', `${method} is not allowed here.`))
  if (!isAllowedOrigin(req.headers.origin, ctx.port)) return sendFailure(res, 403, fail('UNAUTHORIZED', 'Cross-origin request refused.'))
  return handleApiCall(req, res, pathname.slice('/api/'.length), ctx.host.handlers)
}

async function route(req: IncomingMessage, res: ServerResponse, ctx: Context): Promise<void> {
  for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value)
  if (!isAllowedHost(req.headers.host, ctx.port)) return sendText(res, 403, 'Forbidden: unexpected Host header.')
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${ctx.port}`)
  const method = req.method ?? 'GET'
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return routeApi(req, res, ctx, url.pathname, method)
  if (method !== 'GET' && method !== 'HEAD') return sendText(res, 405, 'Method not allowed.')
  if (url.pathname.startsWith(assetRoutePrefix)) {
    const encoded = assetPathAfterCapability(url.pathname, (given) => tokensEqual(ctx.assetCapability, given))
    const root = ctx.host.session()?.root
    if (encoded === null || root === undefined) return sendText(res, 404, 'Not found.')
    return sendAsset(res, root, encoded, method === 'HEAD', req.headers.range)
  }
  if (method === 'GET' && isPage(url.pathname) && tokensEqual(ctx.token, url.searchParams.get('token'))) {
    const parts = await ctx.page.get()
    if (parts !== null) return sendEarlyPage(res, parts, ctx, requestLocale(req.headers['accept-language']))
  }
  // NOTE: the page and its scripts hold no secret (the token comes from the URL the user opened, the asset
  // capability from /api/session), so they are served to anyone who may reach the port.
  const file = await resolveStatic(ctx.rendererDir, url.pathname)
  if (file === null || !(await sendStatic(res, file, method === 'HEAD'))) sendText(res, 404, 'Not found.')
}

const noop = (): void => undefined

function isPage(pathname: string): boolean {
  return pathname === '/' || pathname === '/index.html'
}

/**
 * The page with the folder and its first rows in it, as data and as the first screen's HTML (see early-page.ts), so
 * the first paint needs no script and the first render no request; its stylesheet is in it too (no second request
 * before the first paint). NOTE:
 * only for the address that carries the session token (what `folio serve` printed): the data is what the API would
 * answer that token, never more; without it the page is the plain file, which holds no secret.
 */
async function sendEarlyPage(res: ServerResponse, { html, styles }: PageParts, ctx: Context, locale: string | undefined): Promise<void> {
  const settings = await ctx.host.handlers.getSettings()
  const theme = settings.ok ? settings.value.theme : 'system'
  sendText(res, 200, earlyPage(html, await earlyDataOf(ctx.host.handlers), { locale, styles, theme }), 'text/html; charset=utf-8')
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
 * Serves the renderer and the shared host's handler table for `root` on 127.0.0.1 only: the API needs the random
 * token in the X-Folio-Token header plus Host and Origin checks; assets need this run's capability path. Fails when
 * the folder cannot be opened or the port is taken.
 */
export async function startServer(options: ServerOptions): Promise<Result<RunningServer>> {
  let rendererDir: string
  try {
    rendererDir = await fs.realpath(path.resolve(options.rendererDir))
  } catch (error) {
    return errnoToResult(error, 'find the built renderer', options.rendererDir)
  }
  const stateDir = options.stateDir ?? defaultStateDir()
  const host = createFolioHost({
    renderPdf: () => createChromiumPdfRenderer(),
    // NOTE: the token holder is the user who ran folio serve: the path field may open whatever that user may read.
    mayOpenAnyFolder: true,
    stateDir,
    cacheDir: options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir,
    ...(options.index ? { index: options.index } : {}),
    ...(options.onWatchError ? { onWatchError: options.onWatchError } : {}),
  })
  // NOTE: a browser opened on the printed URL at once asks for the page while the index starts: its first rows are
  // read before the URL is out, and the rest of the index (listing 50,000 paths to the shards, receiving their
  // summaries, the watcher's crawl) waits until the page's script calls (its first screen is up), or holdIndexMs
  // after the URL is out. Run beside that page, it held the page's answer 0.3-1 s on 50,000 articles, and the
  // browser's CPU after.
  let releaseIndex = (): void => undefined
  const held = new Promise<void>((resolve) => (releaseIndex = resolve))
  const opened = await host.open(options.root, { holdIndexUntil: held })
  if (!opened.ok) {
    releaseIndex()
    return opened
  }
  // NOTE: read and used once before the URL is out, so the first page request (often at once) reads no file and
  // loads no locale data.
  const page = new PageTemplate(rendererDir)
  const parts = await page.get()
  if (parts !== null) warmEarlyPage(parts)
  const ctx: Context = { port: 0, token: createToken(), assetCapability: createToken(), rendererDir, host, page, releaseIndex }
  const server = http.createServer((req, res) => {
    route(req, res, ctx).catch((error: unknown) => {
      // NOTE: a thrown error is a bug; answer 500 rather than leave the request hanging, and keep serving.
      if (!res.headersSent) sendFailure(res, 500, fail('IO', `Internal error: ${error instanceof Error ? error.message : String(error)}`))
      else res.destroy()
    })
  })
  const port = await listen(server, options.port ?? 0)
  if (!port.ok) {
    releaseIndex()
    await host.dispose()
    return port
  }
  ctx.port = port.value
  // NOTE: counted from here, when the URL can be opened, not from the start: on 50,000 articles the URL was out
  // 0.4-0.5 s after the start on an idle machine and 1 s at load 10, so a hold counted from the start had half its
  // time left at best when the page was asked for, and none on a busy machine: the index's threads then started
  // beside the browser painting the first rows.
  const holdTimer = setTimeout(releaseIndex, options.holdIndexMs ?? 1000)
  held.then(() => clearTimeout(holdTimer), noop)
  const close = async (): Promise<void> => {
    releaseIndex()
    await host.dispose()
    await new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
  }
  const { token, assetCapability } = ctx
  return ok({ url: `http://127.0.0.1:${ctx.port}/?token=${token}`, token, port: ctx.port, assetCapability, watching: host.watching(), close })
}

import type { RequestHandlers } from '@shared/api'
import type { MoveRequest, RetagRequest, SaveImageRequest } from '@shared/authoring/plans'
import { fail, ok, type Result } from '@shared/result'
import type { FolderSession } from '../folder-session'
import type { Trasher } from '../store'
import { posix } from '@shared/authoring/posix-path'
import { isLeafBundleIndex } from '@shared/authoring/content-lookup'
import { expectArgCount, isRecord } from '../validate'
import { createArticle } from './create-article'
import { duplicateArticle, planDelete, trashArticle } from './delete-article'
import { hugoIfInstalled } from './hugo-runner'
import { applyMove, checkArticleTarget, planMove } from './move-article'
import { prepareNewArticle } from './new-article'
import { openAssetStore, openAuthoringStore, readFolderSchema } from './open-store'
import { applyRetag, listTerms, planRetag } from './retag'
import { listBundleFiles, saveImage, trashBundleFile } from './save-image'
import { authoringInfo } from './authoring-info'
import { readSiteLayout, type SiteLayout } from './site-layout'
import { SiteReader } from './site-reader'
import type { AuthoringStore } from './store-port'

type AuthoringMethod =
  | 'getAuthoringInfo' | 'createArticle' | 'planMove' | 'applyMove' | 'planDelete' | 'trashArticle' | 'duplicateArticle'
  | 'saveImage' | 'listBundleFiles' | 'trashBundleFile' | 'listTerms' | 'planRetag' | 'applyRetag'

/** What the authoring handlers need from their host: the open folder, and the trasher (Electron's shell.trashItem on the desktop). */
export interface AuthoringHandlerHost {
  session(): FolderSession | null
  trasher?: Trasher
}

interface Context {
  session: FolderSession
  store: AuthoringStore
  assets: AuthoringStore
  reader: SiteReader
  layout: SiteLayout
}

const maxText = 200
const maxImageBase64 = 14 * 1024 * 1024

const text = (v: unknown, max = 4096): v is string => typeof v === 'string' && v.length > 0 && v.length <= max

function validateMove(value: unknown): Result<MoveRequest> {
  if (!isRecord(value) || !text(value.from) || !text(value.to) || typeof value.addAlias !== 'boolean') return fail('INVALID_ARGUMENT', 'A move takes { from, to, addAlias, digest? }.')
  if (value.digest !== undefined && !text(value.digest, 100)) return fail('INVALID_ARGUMENT', 'digest must be a short string.')
  return ok({ from: value.from, to: value.to, addAlias: value.addAlias, ...(value.digest !== undefined ? { digest: value.digest } : {}) })
}

function validateRetag(value: unknown): Result<RetagRequest> {
  if (!isRecord(value) || !text(value.taxonomy, maxText) || !text(value.from, maxText) || !text(value.to, maxText)) return fail('INVALID_ARGUMENT', 'A retag takes { taxonomy, from, to, digest? } (each at most 200 characters).')
  if (value.digest !== undefined && !text(value.digest, 100)) return fail('INVALID_ARGUMENT', 'digest must be a short string.')
  return ok({ taxonomy: value.taxonomy, from: value.from, to: value.to, ...(value.digest !== undefined ? { digest: value.digest } : {}) })
}

function validateImage(value: unknown): Result<SaveImageRequest> {
  if (!isRecord(value) || !text(value.articlePath) || !text(value.mimeType, 100) || typeof value.base64 !== 'string' || value.base64.length > maxImageBase64) {
    return fail('INVALID_ARGUMENT', 'saveImage takes { articlePath, fileName, mimeType, base64 (at most 10 MB), target }.')
  }
  if (value.fileName !== null && !text(value.fileName, 1024)) return fail('INVALID_ARGUMENT', 'fileName must be a name or null.')
  if (value.target !== 'bundle' && value.target !== 'static') return fail('INVALID_ARGUMENT', 'target must be "bundle" or "static".')
  return ok({ articlePath: value.articlePath, fileName: value.fileName, mimeType: value.mimeType, base64: value.base64, target: value.target })
}

/**
 * The authoring handlers (new, move, delete, duplicate, images, terms) for the one handler table. Each validates its
 * untrusted arguments, works on the open folder through its article store (the asset store for images), and
 * resolves to a Result.
 */
export function createAuthoringHandlers(host: AuthoringHandlerHost): Pick<RequestHandlers, AuthoringMethod> {
  let cached: { session: FolderSession; store: AuthoringStore; assets: AuthoringStore } | null = null
  const context = async (): Promise<Result<Context>> => {
    const session = host.session()
    if (session === null) return fail('NOT_FOUND', 'No folder is open.')
    if (cached?.session !== session) {
      const root = session.root.root
      const store = await openAuthoringStore(root, host.trasher)
      if (!store.ok) return store
      const assets = await openAssetStore(root, host.trasher)
      if (!assets.ok) return assets
      cached = { session, store: store.value, assets: assets.value }
    }
    const reader = new SiteReader(session.root)
    // NOTE: read on every call (a few small files), so an edited site config counts at once.
    const layout = await readSiteLayout(reader)
    if (!layout.ok) return layout
    return ok({ ...cached, reader, layout: layout.value })
  }
  const one = async <T>(args: unknown[], method: string, run: (c: Context, arg: unknown) => Promise<Result<T>>): Promise<Result<T>> => {
    const count = expectArgCount(args, 1, method)
    if (!count.ok) return count
    const c = await context()
    return c.ok ? run(c.value, args[0]) : c
  }
  const pathArg = (method: string, run: (c: Context, path: string) => Promise<Result<unknown>>) => (...args: unknown[]) =>
    one(args, method, (c, arg) => (text(arg) ? run(c, arg) : Promise.resolve(fail('INVALID_ARGUMENT', `${method} takes a path string.`))))
  return {
    async getAuthoringInfo(...args) {
      const count = expectArgCount(args, 0, 'getAuthoringInfo')
      if (!count.ok) return count
      const c = await context()
      if (!c.ok) return c
      return authoringInfo(c.value.session, c.value.store, c.value.layout, (await hugoIfInstalled()) !== null)
    },
    createArticle: (...args) =>
      one(args, 'createArticle', async (c, arg) => {
        if (!isRecord(arg) || !text(arg.path) || typeof arg.title !== 'string' || arg.title.length > 1000 || (arg.kind !== undefined && !text(arg.kind, maxText))) {
          return fail('INVALID_ARGUMENT', 'createArticle takes { path, title, kind? }.')
        }
        const target = checkArticleTarget(arg.path)
        if (!target.ok) return target
        const kind = arg.kind
        const plan = await prepareNewArticle(c.reader, c.layout, { path: arg.path, title: arg.title === '' ? undefined : arg.title, ...(kind ? { kind } : {}) }, { now: new Date(), hugo: await hugoIfInstalled(), schema: () => readFolderSchema(c.session.root.root) })
        if (!plan.ok) return plan
        const created = await createArticle(c.store, c.assets, plan.value)
        if (!created.ok) return created.error.code === 'CONFLICT' ? fail('CONFLICT', `"${arg.path}" already exists; Folio never replaces a file.`, { path: arg.path }) : created
        await c.session.followAuthoring({ kind: 'added', paths: [created.value] })
        return ok({ path: created.value, bodyOffset: plan.value.bodyOffset, renderer: plan.value.renderer, archetype: plan.value.archetype, unrendered: plan.value.unrendered.map((u) => `${u.action} (line ${u.line})`) })
      }),
    planMove: (...args) =>
      one(args, 'planMove', async (c, arg) => {
        const request = validateMove(arg)
        if (!request.ok) return request
        const prepared = await planMove(c.store, c.reader, c.layout, request.value)
        return prepared.ok ? ok(prepared.value.plan) : prepared
      }),
    applyMove: (...args) =>
      one(args, 'applyMove', async (c, arg) => {
        const request = validateMove(arg)
        if (!request.ok) return request
        if (request.value.digest === undefined) return fail('INVALID_ARGUMENT', 'applyMove needs the digest of the plan shown (planMove).')
        const applied = await applyMove(c.store, c.reader, c.layout, request.value)
        if (!applied.ok) return applied
        const { from, to } = applied.value
        // NOTE: a bundle moves as its folder (see moveItemFor), so every article indexed under it follows.
        const isFolder = isLeafBundleIndex(from)
        await c.session.followAuthoring(isFolder ? { kind: 'moved', from: posix.dirname(from), to: posix.dirname(to), isFolder } : { kind: 'moved', from, to, isFolder })
        return applied
      }),
    planDelete: pathArg('planDelete', (c, path) => planDelete(c.store, c.reader, c.layout, path)) as RequestHandlers['planDelete'],
    trashArticle: pathArg('trashArticle', async (c, path) => {
      const trashed = await trashArticle(c.store, path)
      if (trashed.ok) await c.session.followAuthoring({ kind: 'removed', path: trashed.value.trashed, isFolder: trashed.value.trashed !== path })
      return trashed
    }) as RequestHandlers['trashArticle'],
    duplicateArticle: pathArg('duplicateArticle', async (c, path) => {
      const copy = await duplicateArticle(c.store, c.assets, c.reader, path)
      if (copy.ok) await c.session.followAuthoring({ kind: 'added', paths: [copy.value] })
      return copy
    }) as RequestHandlers['duplicateArticle'],
    listBundleFiles: pathArg('listBundleFiles', (c, path) => listBundleFiles(c.reader, path)) as RequestHandlers['listBundleFiles'],
    trashBundleFile: pathArg('trashBundleFile', (c, path) => trashBundleFile(c.assets, c.reader, path)) as RequestHandlers['trashBundleFile'],
    saveImage: (...args) =>
      one(args, 'saveImage', async (c, arg) => {
        const request = validateImage(arg)
        return request.ok ? saveImage(c.assets, c.reader, c.layout, request.value) : request
      }),
    listTerms: (...args) => one(args, 'listTerms', (c, arg) => (text(arg, maxText) ? listTerms(c.store, arg) : Promise.resolve(fail('INVALID_ARGUMENT', 'listTerms takes a taxonomy name.')))),
    planRetag: (...args) =>
      one(args, 'planRetag', async (c, arg) => {
        const request = validateRetag(arg)
        return request.ok ? planRetag(c.store, request.value.taxonomy, request.value.from, request.value.to) : request
      }),
    applyRetag: (...args) =>
      one(args, 'applyRetag', async (c, arg) => {
        const request = validateRetag(arg)
        if (!request.ok) return request
        if (request.value.digest === undefined) return fail('INVALID_ARGUMENT', 'applyRetag needs the digest of the plan shown (planRetag).')
        return applyRetag(c.store, request.value.taxonomy, request.value.from, request.value.to, request.value.digest)
      }),
  }
}

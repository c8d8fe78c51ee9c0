import path from 'node:path'
import { fail, ok, type Result } from '@shared/result'
import { readSiteLayout, type SiteLayout } from '../core/authoring/site-layout'
import { SiteReader } from '../core/authoring/site-reader'
import type { AuthoringStore } from '../core/authoring/store-port'
import { ContentRoot } from '../core/content-root'
import { isInside } from '../core/path-rules'
import type { Trasher } from '../core/store/trasher'
import { openAssetStore, openAuthoringStore } from '../core/authoring/open-store'

/** What the authoring commands work with: the folder's store (every write), a reader for site files, its layout. */
export interface AuthoringContext {
  root: string
  store: AuthoringStore
  /** For files that are not articles (bundle archetype resources). */
  assets: AuthoringStore
  reader: SiteReader
  layout: SiteLayout
}

/** Opens `dir` (relative to `cwd`) for authoring (`trasher`: where trashed files go, default the system trash); NOT_FOUND/INVALID_PATH when it is not a folder. */
export async function openAuthoring(cwd: string, dir: string, trasher?: Trasher): Promise<Result<AuthoringContext>> {
  const root = await ContentRoot.open(path.resolve(cwd, dir))
  if (!root.ok) return root
  const store = await openAuthoringStore(root.value.root, trasher)
  if (!store.ok) return store
  const assets = await openAssetStore(root.value.root, trasher)
  if (!assets.ok) return assets
  const reader = new SiteReader(root.value)
  const layout = await readSiteLayout(reader)
  if (!layout.ok) return layout
  return ok({ root: root.value.root, store: store.value, assets: assets.value, reader, layout: layout.value })
}

/** A path argument relative to the folder, or absolute (then it must lie inside the folder); `/` separators out. */
export function folderPathArg(root: string, cwd: string, arg: string): Result<string> {
  if (!path.isAbsolute(arg)) return ok(arg.split(path.sep).join('/').replace(/^\.\//, ''))
  const abs = path.resolve(cwd, arg)
  if (!isInside(root, abs) || abs === root) return fail('INVALID_PATH', `"${arg}" is outside the folder ${root}.`)
  return ok(path.relative(root, abs).split(path.sep).join('/'))
}

/** The exit code for a failed Result: 1 for content problems (exists, not found, conflicts), 2 for bad arguments. */
export function exitFor(code: string): number {
  return code === 'INVALID_ARGUMENT' || code === 'INVALID_PATH' ? 2 : 1
}

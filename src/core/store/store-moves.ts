import path from 'node:path'
import { fail, ok, type Result } from '@shared/result'
import { syncFolder } from '../atomic-write'
import { errnoCode, errnoToResult, isErrnoError } from '../errno'
import type { FsPort, FsStats } from '../fs-port'
import { isInside } from '../path-rules'
import { notRegularMessage } from './confine'
import { lstatOrNull, realFolder } from './real-folders'
import { checkStorePath, type StorePathPolicy } from './store-paths'
import type { Trasher } from './trasher'

/** What moving and trashing need of their store. */
export interface EntryContext {
  fs: FsPort
  root: string
  policy: StorePathPolicy
}

interface Entry {
  dir: string
  entry: string
  stats: FsStats | null
}

/** An entry (file, folder or link, not followed) in its real folder; `create` makes missing folders. */
async function locateEntry(ctx: EntryContext, relPath: string, create: boolean): Promise<Result<Entry>> {
  const segments = checkStorePath(ctx.policy, relPath, true)
  if (!segments.ok) return segments
  const dir = await realFolder(ctx.fs, ctx.root, segments.value.slice(0, -1), relPath, create)
  if (!dir.ok) return dir
  const entry = path.join(dir.value, segments.value[segments.value.length - 1])
  try {
    return ok({ dir: dir.value, entry, stats: await lstatOrNull(ctx.fs, entry) })
  } catch (error) {
    return errnoToResult(error, 'reach', relPath)
  }
}

/** Files (and links) must be articles under the `articles` policy; folders (bundles, sections) may move whole. */
function checkKind(ctx: EntryContext, relPath: string, stats: FsStats): Result<void> {
  if (stats.isDirectory()) return ok(undefined)
  if (!stats.isFile() && !stats.isSymbolicLink()) return fail('INVALID_PATH', notRegularMessage(relPath, stats), { path: relPath })
  const checked = checkStorePath(ctx.policy, relPath)
  return checked.ok ? ok(undefined) : checked
}

/**
 * Moves the entry at `from` to `to` (see ArticleStore.move): never replaces anything (CONFLICT), both ends confined
 * to the root, a folder moves whole and never into itself. A change of case only (same file) is allowed.
 */
export async function moveEntry(ctx: EntryContext, from: string, to: string): Promise<Result<void>> {
  const source = await locateEntry(ctx, from, false)
  if (!source.ok) return source
  const { stats } = source.value
  if (stats === null) return fail('NOT_FOUND', `Could not move "${from}": it does not exist.`, { path: from })
  const kind = checkKind(ctx, from, stats)
  if (!kind.ok) return kind
  const toKind = stats.isDirectory() ? checkStorePath(ctx.policy, to, true) : checkStorePath(ctx.policy, to)
  if (!toKind.ok) return toKind
  const target = await locateEntry(ctx, to, true)
  if (!target.ok) return target
  if (stats.isDirectory() && isInside(source.value.entry, target.value.entry)) {
    return fail('INVALID_PATH', `Could not move "${from}" into itself ("${to}").`, { path: from })
  }
  const taken = target.value.stats
  const isSameFile = taken !== null && taken.dev === stats.dev && taken.ino === stats.ino
  const exists = fail('CONFLICT', `Could not move "${from}": "${to}" already exists; nothing was moved.`, { path: to })
  if (taken !== null && !isSameFile) return exists
  try {
    if (stats.isFile() && !isSameFile) {
      // NOTE: link + unlink never replaces a file that appeared at `to` meanwhile (EEXIST), as rename would.
      await ctx.fs.link(source.value.entry, target.value.entry)
      await ctx.fs.unlink(source.value.entry)
    } else {
      await ctx.fs.rename(source.value.entry, target.value.entry)
    }
  } catch (error) {
    if (errnoCode(error) === 'EEXIST' || errnoCode(error) === 'ENOTEMPTY') return exists
    return errnoToResult(error, 'move', from)
  }
  await syncFolder(ctx.fs, target.value.dir)
  if (target.value.dir !== source.value.dir) await syncFolder(ctx.fs, source.value.dir)
  return ok(undefined)
}

/** Sends the entry at `relPath` (file, folder or link, not followed) to the system trash; NOT_FOUND when absent. */
export async function trashEntry(ctx: EntryContext, trasher: Trasher, relPath: string): Promise<Result<void>> {
  const located = await locateEntry(ctx, relPath, false)
  if (!located.ok) return located
  const { stats, entry } = located.value
  if (stats === null) return fail('NOT_FOUND', `Could not move "${relPath}" to the trash: it does not exist.`, { path: relPath })
  const kind = checkKind(ctx, relPath, stats)
  if (!kind.ok) return kind
  try {
    await trasher(entry)
    return ok(undefined)
  } catch (error) {
    if (isErrnoError(error)) return errnoToResult(error, 'move to the trash', relPath)
    const why = error instanceof Error ? error.message : String(error)
    return fail('IO', `Could not move "${relPath}" to the trash: ${why}. Nothing was deleted.`, { path: relPath })
  }
}

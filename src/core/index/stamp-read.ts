import fs from 'node:fs'
import path from 'node:path'
import { errnoCode } from '../errno'

// Reading many files' stamps (size, mtime, ctime) fast, for the saved search index's check (issue #22).
// NOTE: fs.lstatSync makes a Stats object with four Date objects per call (Node 20): at 50,000 files that, and the
// collecting of it, took as much CPU as the lstat system calls themselves. Node's own fs binding (process.binding)
// gives the same numbers in one reused array. It is an internal interface, so it is used only where it is proven to
// be the one fs.lstatSync calls: POSIX, no permission model (which the binding would bypass), fs.lstatSync's source
// calling it with the arguments given here, and its numbers equal to fs.lstatSync's for a probe file and folder.
// Anywhere else (or if the proof fails) fs.lstatSync serves, with the same answers.

/** A file's stamp as the caches compare it, and whether it is a regular file or a folder. */
export interface LstatStamp {
  isFile: boolean
  isFolder: boolean
  size: number
  mtimeMs: number
  ctimeMs: number
}

/** Fills `into` with the stamp of `abs` (no link followed); false (`into` untouched) when it is gone or cannot be looked at. */
export type StampRead = (abs: string, into: LstatStamp) => boolean

type RawLstat = (abs: string) => Float64Array | undefined

const sIfMt = 0o170000
const sIfReg = 0o100000
const sIfDir = 0o040000
// NOTE: the array's layout (Node's FsStatsOffset): dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
// then seconds and nanoseconds of atime, mtime, ctime, birthtime. Milliseconds as Node makes them (msFromTimeSpec).
const at = { mode: 1, ino: 7, size: 8, mtimeSec: 12, mtimeNsec: 13, ctimeSec: 14, ctimeNsec: 15 }

function fillFromRaw(s: Float64Array, into: LstatStamp): void {
  into.isFile = (s[at.mode] & sIfMt) === sIfReg
  into.isFolder = (s[at.mode] & sIfMt) === sIfDir
  into.size = s[at.size]
  into.mtimeMs = s[at.mtimeSec] * 1000 + s[at.mtimeNsec] / 1e6
  into.ctimeMs = s[at.ctimeSec] * 1000 + s[at.ctimeNsec] / 1e6
}

/** A stamp to fill (see StampRead). */
export function emptyStamp(): LstatStamp {
  return { isFile: false, isFolder: false, size: 0, mtimeMs: 0, ctimeMs: 0 }
}

/** True when the raw array says what fs.lstatSync says of `abs` (mode, inode, size, mtime, ctime). */
function agrees(raw: RawLstat, abs: string): boolean {
  const want = fs.lstatSync(abs)
  const got = raw(abs)
  if (!(got instanceof Float64Array) || got.length < 16) return false
  const stamp = emptyStamp()
  fillFromRaw(got, stamp)
  return stamp.isFile === want.isFile() && stamp.isFolder === want.isDirectory() && got[at.mode] === want.mode && got[at.ino] === want.ino && stamp.size === want.size && stamp.mtimeMs === want.mtimeMs && stamp.ctimeMs === want.ctimeMs
}

// NOTE: the call fs.lstatSync makes (Node 20.19 and later, 22, 24): path, bigint, no request, throwIfNoEntry.
const lstatCall = /binding\.lstat\(\s*pathModule\.toNamespacedPath\(path\),\s*options\.bigint,\s*undefined,\s*options\.throwIfNoEntry,?\s*\)/

let proven: RawLstat | null | undefined

/** The binding's lstat when proven (see the top of this module) on `probeFile` and its folder; null otherwise. */
function rawLstatFor(probeFile: string): RawLstat | null {
  if (proven !== undefined) return proven
  proven = null
  if (process.platform === 'win32' || 'permission' in process || !lstatCall.test(fs.lstatSync.toString())) return null
  const binding = fsBinding()
  const lstat = binding?.lstat
  if (typeof lstat !== 'function') return null
  const raw: RawLstat = (abs) => lstat.call(binding, abs, false, undefined, false) as Float64Array | undefined
  try {
    if (agrees(raw, probeFile) && agrees(raw, path.dirname(probeFile)) && raw(`${probeFile}.no-such-file`) === undefined) proven = raw
  } catch (error) {
    if (errnoCode(error) === undefined && !(error instanceof TypeError)) throw error
  }
  return proven
}

/**
 * Node's fs binding, or null where asking for it could warn or fail: with --pending-deprecation process.binding prints
 * a deprecation warning (DEP0111) into the command's output, and a Node that no longer hands it out may throw.
 */
function fsBinding(): { lstat?: unknown } | null {
  const flags = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`
  if (flags.includes('--pending-deprecation')) return null
  try {
    return ((process as unknown as { binding?: (name: string) => unknown }).binding?.('fs') as { lstat?: unknown } | undefined) ?? null
  } catch {
    // NOTE: any failure here only means the fast way is not available: fs.lstatSync serves instead.
    return null
  }
}

/** True when stampReader(probeFile) reads through Node's fs binding (see the top of this module); for tests. */
export function readsThroughBinding(probeFile: string): boolean {
  return rawLstatFor(probeFile) !== null
}

/**
 * A reader of stamps by absolute path (see StampRead). `probeFile` (an existing regular file, e.g. the saved index)
 * is what the fast way is proven on. NOTE: it fills one object the caller reuses: 50,000 stamp objects were garbage.
 */
export function stampReader(probeFile: string): StampRead {
  const raw = rawLstatFor(probeFile)
  if (raw === null) return lstatStamp
  return (abs, into) => {
    try {
      const got = raw(abs)
      if (got === undefined) return false
      fillFromRaw(got, into)
      return true
    } catch (error) {
      if (errnoCode(error) === undefined) throw error
      return false
    }
  }
}

/** StampRead by fs.lstatSync (what stampReader gives everywhere). */
export function lstatStamp(abs: string, into: LstatStamp): boolean {
  const stats = lstatOrNull(abs)
  if (stats === null) return false
  into.isFile = stats.isFile()
  into.isFolder = stats.isDirectory()
  into.size = stats.size
  into.mtimeMs = stats.mtimeMs
  into.ctimeMs = stats.ctimeMs
  return true
}

/** The lstat of `abs`, or null when it is gone or cannot be looked at. */
export function lstatOrNull(abs: string): fs.Stats | null {
  try {
    return fs.lstatSync(abs, { throwIfNoEntry: false }) ?? null
  } catch (error) {
    if (errnoCode(error) === undefined) throw error
    return null
  }
}

/**
 * The absolute path of `rel` (a `/` path) under `root`. NOTE: here, not in scan-read, so that the stamp worker, which
 * loads only the stamp check and this reader, shares it with the scan.
 */
export function absOf(root: string, rel: string): string {
  return path.sep === '/' ? `${root}/${rel}` : path.join(root, ...rel.split('/'))
}

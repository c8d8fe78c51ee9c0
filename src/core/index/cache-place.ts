import os from 'node:os'
import path from 'node:path'
import type { FileStamp } from './shard-core'

// Where Folio's caches live and when a cached file still holds: a leaf module, so a one-off `folio search` loads
// these without the summary cache's rules (summary-cache re-exports them for everything else).

/** A file's size, mtime and ctime, as the cache compares them. */
export interface CacheStamp extends FileStamp {
  ctimeMs: number
}

/**
 * Where the summary cache lives unless told otherwise: `FOLIO_CACHE_DIR` (empty or `off` disables it), else
 * `$XDG_CACHE_HOME/folio` or `~/.cache/folio` (Linux), `~/Library/Caches/Folio` (macOS), `%LOCALAPPDATA%\Folio\Cache`
 * (Windows). Null when disabled. Never inside the content folder: Folio adds no files there.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string | null {
  const set = env.FOLIO_CACHE_DIR
  if (set !== undefined) return set === '' || set === 'off' ? null : set
  const p = platform === 'win32' ? path.win32 : path.posix
  if (platform === 'win32') return p.join(env.LOCALAPPDATA ?? p.join(home, 'AppData', 'Local'), 'Folio', 'Cache')
  if (platform === 'darwin') return p.join(home, 'Library', 'Caches', 'Folio')
  return p.join(env.XDG_CACHE_HOME ?? p.join(home, '.cache'), 'folio')
}

/** True when a file's current stamp is the one cached (so what was cached of it still holds: its summary, its words). */
export function isSameStamp(cached: CacheStamp, now: CacheStamp): boolean {
  return cached.size === now.size && cached.mtimeMs === now.mtimeMs && cached.ctimeMs === now.ctimeMs
}

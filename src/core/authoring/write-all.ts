import { fail, ok, type Result } from '@shared/result'
import { encodeText } from '../file-codec'
import type { ReadArticle } from './link-world'
import type { AuthoringStore } from './store-port'

/** One file to rewrite: where it is now, its new LF text, and the file as it was read (version and format). */
export interface PendingWrite {
  path: string
  text: string
  original: ReadArticle
}

/**
 * Writes every file through the store, each against the version it was read at, all or nothing: when one fails the
 * files already written get their old bytes back and `undo` runs (e.g. moving a file back); the error says whether
 * the undo was complete.
 */
export async function writeAll(store: AuthoringStore, writes: PendingWrite[], undo: () => Promise<boolean> = () => Promise.resolve(true)): Promise<Result<number>> {
  const done: { path: string; bytes: Uint8Array; hash: string }[] = []
  for (const w of writes) {
    const result = await store.write(w.path, encodeText(w.text, w.original.format, w.original.bytes), { baseHash: w.original.hash })
    if (!result.ok) {
      let isClean = true
      for (const d of done.reverse()) isClean = (await store.write(d.path, d.bytes, { baseHash: d.hash })).ok && isClean
      isClean = (await undo()) && isClean
      const what = isClean ? 'Nothing was changed.' : 'Folio could not undo every step; check the files listed.'
      return fail(result.error.code, `${result.error.message} ${what}`, { path: w.path })
    }
    done.push({ path: w.path, bytes: w.original.bytes, hash: result.value.version.hash })
  }
  return ok(done.length)
}

import { mentionNeedles, type LinkWorld, type PathMove } from '@shared/authoring/link-rewrite'
import type { TextFormat } from '@shared/api'
import { ok, type Result } from '@shared/result'
import { decodeText } from '../file-codec'
import { listAll, type AuthoringStore } from './store-port'

/** An article read for rewriting: its LF text, its text format and original bytes (to write back byte-exact), its hash. */
export interface ReadArticle {
  text: string
  bytes: Uint8Array
  format: TextFormat
  hash: string
}

/** The folder's articles and the texts of those that can mention what moves (plus the moved ones themselves). */
export interface LoadedWorld {
  world: LinkWorld
  texts: Map<string, string>
  files: Map<string, ReadArticle>
}

/**
 * Lists the folder and reads the articles that may link to `moves`: only files whose text mentions a moved base name
 * (every ref and link form contains it) are kept. Unreadable or non-UTF-8 files are skipped (they cannot be edited).
 */
export async function loadWorld(store: AuthoringStore, contentDir: string, moves: readonly PathMove[]): Promise<Result<LoadedWorld>> {
  const listed = await listAll(store)
  if (!listed.ok) return listed
  const needles = mentionNeedles(moves)
  const texts = new Map<string, string>()
  const files = new Map<string, ReadArticle>()
  for (const path of listed.value) {
    const read = await store.read(path)
    if (!read.ok) continue
    const decoded = decodeText(read.value.bytes)
    if (!decoded.ok) continue
    const isMoved = moves.some((m) => path === m.from || (m.isFolder && path.startsWith(m.from + '/')))
    const lower = decoded.value.text.toLowerCase()
    if (!isMoved && !needles.some((n) => lower.includes(n))) continue
    texts.set(path, decoded.value.text)
    files.set(path, { text: decoded.value.text, bytes: read.value.bytes, format: decoded.value.format, hash: read.value.version.hash })
  }
  return ok({ world: { contentDir, articles: listed.value }, texts, files })
}

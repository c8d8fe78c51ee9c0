import type { FileVersion, FolioApi } from '@shared/api'
import { mergeThreeWay } from '@shared/merge'
import type { Result } from '@shared/result'

/** A conflicted document's three texts: as opened (base), as on disk now (theirs); mine is in the editor. */
export interface ConflictDetail {
  path: string
  base: string
  theirs: string
  theirsVersion: FileVersion
  /** Both changes touch different lines, so "Merge" can keep both (checked against the editor text at the time). */
  isMergeable: boolean
}

/** Reads the disk side of a conflict and checks whether the two edits merge cleanly. */
export async function loadConflictDetail(api: Pick<FolioApi, 'readArticle'>, path: string, base: string, mine: string): Promise<Result<ConflictDetail>> {
  const read = await api.readArticle(path)
  if (!read.ok) return read
  const theirs = read.value.text
  const isMergeable = !read.value.isReadOnly && mergeThreeWay(base, mine, theirs).kind === 'merged'
  return { ok: true, value: { path, base, theirs, theirsVersion: read.value.version, isMergeable } }
}

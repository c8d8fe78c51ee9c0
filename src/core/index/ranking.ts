/** One search match before snippets: the shards rank, the index merges, then only the shown hits get snippets. */
export interface RankedMatch {
  path: string
  isTitleHit: boolean
}

/** Title matches first, then by path. */
export function compareRanked(a: RankedMatch, b: RankedMatch): number {
  if (a.isTitleHit !== b.isTitleHit) return a.isTitleHit ? -1 : 1
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0
}


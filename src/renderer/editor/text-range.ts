/** A span of an article's LF text, [from, to) in UTF-16 offsets (e.g. a search match to select on opening). */
export interface TextRange {
  from: number
  to: number
}

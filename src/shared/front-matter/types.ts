/** The front-matter syntaxes Folio understands; `none` when the file has no block. */
export type FrontMatterFormat = 'yaml' | 'toml' | 'json' | 'none'

/** A plain front-matter value. Dates are strings exactly as written in the file. */
export type FrontMatterValue = string | number | boolean | null | FrontMatterValue[] | { [key: string]: FrontMatterValue }

/** A key path: object keys as strings, list indexes as numbers. */
export type KeyPath = readonly (string | number)[]

/** A replacement of text[from, to) by `insert`; offsets are UTF-16 indexes into the text that was parsed. */
export interface TextChange {
  from: number
  to: number
  insert: string
}

/** A problem found in front matter, positioned in the file (1-based line and column). */
export interface Diagnostic {
  severity: 'error' | 'warning'
  message: string
  line: number
  column: number
  /** Offset in the parsed text where the problem starts. */
  offset: number
}

/** Where the block sits in the text. `contentFrom..contentTo` is the inside, without delimiters. */
export interface FrontMatterBlock {
  format: Exclude<FrontMatterFormat, 'none'>
  /** Offset of the opening delimiter: 0, or past a BOM character and any blank lines before it (Hugo skips those). */
  from: number
  /** Offset just after the closing delimiter line, including its line break. */
  to: number
  contentFrom: number
  contentTo: number
}

/** The kinds of value a form can offer an input for. */
export type FieldKind = 'string' | 'date' | 'number' | 'boolean' | 'null' | 'list' | 'object'

/** One top-level key, in file order, with where its value sits in the text. */
export interface FieldInfo {
  key: string
  value: FrontMatterValue
  kind: FieldKind
  /** Offsets of the whole entry (key, value and trailing comment), for removal and highlighting. */
  entryFrom: number
  entryTo: number
  /** Offsets of the value alone. */
  valueFrom: number
  valueTo: number
}

/** Everything the app knows about one text's front matter. `data` is empty when the block has errors. */
export interface ParsedFrontMatter {
  format: FrontMatterFormat
  block: FrontMatterBlock | null
  data: Record<string, FrontMatterValue>
  fields: FieldInfo[]
  errors: Diagnostic[]
  warnings: Diagnostic[]
}

import type { FieldKind } from './types'

/** The widgets the front-matter form offers; an explicit schema names them, inference picks them otherwise. */
export type SchemaWidget =
  | 'text'
  | 'long-text'
  | 'number'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'tags'
  | 'select'
  | 'multi-select'
  | 'object'
  | 'objects'
  | 'raw'

/** What an explicit schema file says about one key. `source` names the file it came from. */
export interface ExplicitField {
  widget?: SchemaWidget
  choices?: string[]
  isRequired?: boolean
  description?: string
  source: string
}

/** One value seen for a key (a scalar, or an item of a list of scalars) and in how many articles. */
export interface SeenValue {
  value: string
  count: number
}

/** What the folder says about one top-level key: how many articles have it, its kinds, values and date layouts. */
export interface SchemaField {
  key: string
  /** Articles whose front matter has this key. */
  count: number
  /** How many of those articles hold each kind of value. */
  kinds: Partial<Record<FieldKind, number>>
  /** Distinct string values (list items for lists), most used first; null when there are too many to offer as a set. */
  values: SeenValue[] | null
  /** Go layouts of the dates written for this key, most used first (e.g. `2006-01-02 15:04:05`). */
  dateLayouts: string[]
  /** Set when an explicit schema file describes the key; it beats what was inferred. */
  explicit?: ExplicitField
}

/** A problem reading an explicit schema file (or the site's Hugo config); the rest of the schema is still usable. */
export interface SchemaProblem {
  file: string
  message: string
  /** The site's Hugo config could not be used: its message says why and that dates are read in UTC. */
  isSiteConfig?: boolean
}

/** The folder's front-matter schema: inferred from every article, overlaid with explicit schema files. */
export interface FolderSchema {
  /** Articles read (including those without front matter). */
  articleCount: number
  /** One entry per key seen or declared, most common first. */
  fields: SchemaField[]
  /** The explicit schema files that were found and read, relative to the folder. */
  sources: string[]
  problems: SchemaProblem[]
  /** The site's `timeZone` setting when its Hugo config names one; Hugo reads dates without an offset in it (UTC otherwise). */
  siteTimeZone: string | null
}

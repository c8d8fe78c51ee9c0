/** One file a move, rename, retag or delete changes: where it is, where it goes, and a unified diff of its text. */
export interface PlannedFile {
  path: string
  /** Where the file will be after the change (equal to `path` when it does not move). */
  newPath: string
  /** Unified diff of the text ('' when only the place changes). */
  diff: string
}

/**
 * What a move or rename will do, shown before it is applied (the same as `folio mv --dry-run`): every file that
 * moves or changes, with diffs. `digest` names this exact plan; applying with it fails with CONFLICT when the
 * folder changed since, so nothing is done that was not shown.
 */
export interface MovePlan {
  from: string
  to: string
  /** Files that move without changes (bundle resources), relative to the folder, old paths. */
  carried: string[]
  files: PlannedFile[]
  /** Links rewritten across the folder. */
  linkCount: number
  /** The published URL before the move when it changes (offered as an alias), else null. */
  oldUrl: string | null
  newUrl: string | null
  isAliasAdded: boolean
  digest: string
}

/** A link that points at an article (what a delete would break). */
export interface ArticleLink {
  path: string
  line: number
  value: string
}

/** What a delete will do: the files sent to the trash and the links that will break. */
export interface DeletePlan {
  path: string
  /** Files that go to the trash (a bundle goes whole), relative to the folder. */
  files: string[]
  inbound: ArticleLink[]
}

/** A request to move or rename an article (paths relative to the folder). `addAlias` adds the old URL to `aliases`. */
export interface MoveRequest {
  from: string
  to: string
  addAlias: boolean
  /** The digest of the plan the writer saw; required to apply. */
  digest?: string
}

/** What a retag will change across the folder (the same as `folio retag --dry-run`). */
export interface RetagPlan {
  taxonomy: string
  from: string
  to: string
  files: PlannedFile[]
  digest: string
}

/** A request to rename or merge a term; `digest` (of the plan shown) is required to apply. */
export interface RetagRequest {
  taxonomy: string
  from: string
  to: string
  digest?: string
}

/** What the New article dialog needs to know about the folder. */
export interface AuthoringInfo {
  layout: 'hugo' | 'jekyll' | 'astro' | 'plain'
  /** The content folder, relative to the opened folder ('' for the folder itself). */
  contentDir: string
  /** Folders an article can go in, relative to the opened folder, the most recently written first. */
  sections: string[]
  /** Front-matter keys of the site's taxonomies (tags and categories by default). */
  taxonomies: string[]
  /** True when Hugo is installed and renders archetypes. */
  hasHugo: boolean
}

/** A new article to create at `path` (as shown to the writer), from the archetypes (optional `kind`), with `title`. */
export interface CreateArticleRequest {
  path: string
  title: string
  kind?: string
}

/** What creating made: the article's path, where its body starts, how it was rendered, and what was left out. */
export interface CreatedArticle {
  path: string
  bodyOffset: number
  renderer: 'hugo' | 'folio' | 'schema'
  archetype: string
  /** Template actions left out (Folio's renderer without Hugo), as `action (line N)`. */
  unrendered: string[]
}

/** An image to save for an article: into its bundle, or under the site's static images folder. */
export interface SaveImageRequest {
  articlePath: string
  /** The file's own name; null for clipboard data (then `image-N.<ext>`). */
  fileName: string | null
  mimeType: string
  base64: string
  target: 'bundle' | 'static'
}

/** A saved image: its path in the folder and the link to insert in the article. */
export interface SavedImage {
  path: string
  link: string
}

/** A file in an article's bundle (not the article itself), with its size in bytes. */
export interface BundleFile {
  path: string
  name: string
  size: number
}

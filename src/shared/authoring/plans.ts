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

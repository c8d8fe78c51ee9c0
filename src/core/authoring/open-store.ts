import type { FolderSchema } from '@shared/front-matter/schema-types'
import type { Result } from '@shared/result'
import { buildFolderSchema } from '../schema'
import { NodeArticleStore, type Trasher } from '../store'

/** The folder's article store (articles and bundle folders only); `trasher` is Electron's in the desktop app. */
export function openAuthoringStore(root: string, trasher?: Trasher): Promise<Result<NodeArticleStore>> {
  return NodeArticleStore.open(root, trasher ? { trasher } : {})
}

/**
 * A store for files that are not articles (bundle resources, pasted images). NOTE: its `any` policy serves every
 * path, so callers check the path first (see checkAssetPath): inside a bundle or the static folder, a plain name.
 */
export function openAssetStore(root: string, trasher?: Trasher): Promise<Result<NodeArticleStore>> {
  return NodeArticleStore.open(root, { policy: 'any', ...(trasher ? { trasher } : {}) })
}

/** The folder's front-matter schema (for Jekyll and Astro templates). */
export function readFolderSchema(root: string): Promise<Result<FolderSchema>> {
  return buildFolderSchema(root)
}

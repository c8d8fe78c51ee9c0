import { isArticleName } from '@shared/article-names'
import { ok, type Result } from '@shared/result'
import type { NewArticlePlan } from './new-article'
import type { AuthoringStore } from './store-port'

/**
 * Creates a prepared article's files through the store, which never replaces anything (CONFLICT when a path exists).
 * The article comes first; if a later file fails, the files made so far go to the trash (nothing is left half made,
 * and nothing is deleted for good). Resolves to the article's path.
 */
export async function createArticle(store: AuthoringStore, assets: AuthoringStore, plan: NewArticlePlan): Promise<Result<string>> {
  const made: { path: string; by: AuthoringStore }[] = []
  for (const file of plan.files) {
    // NOTE: a bundle archetype's other files (images, data) are not articles; they go through the asset store.
    const by = isArticleName(file.path) ? store : assets
    const created = await by.create(file.path, file.bytes)
    if (!created.ok) {
      for (const m of made.reverse()) await m.by.trash(m.path)
      return created
    }
    made.push({ path: file.path, by })
  }
  return ok(plan.files[0]?.path ?? '')
}

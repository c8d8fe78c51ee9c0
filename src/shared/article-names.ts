/** True for the file names Folio treats as articles (`.md`, `.markdown`, any case). */
export function isArticleName(name: string): boolean {
  return /\.(md|markdown)$/i.test(name)
}

/** True for Hugo's page-bundle articles (`index.md`, `_index.md`, by name or path), whose folder holds their resources. */
export function isBundleArticle(relPath: string): boolean {
  return /(^|\/)_?index\.(md|markdown)$/i.test(relPath)
}

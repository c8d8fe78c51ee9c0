/** True for the file names Folio treats as articles (`.md`, `.markdown`, any case). */
export function isArticleName(name: string): boolean {
  return /\.(md|markdown)$/i.test(name)
}

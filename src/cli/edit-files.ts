import path from 'node:path'
import { createTwoFilesPatch } from 'diff'
import { applyChanges, type TextChange } from '@shared/front-matter'
import type { Result } from '@shared/result'
import { displayPath, loadArticle, saveArticle } from './article-io'
import { exitCode, type CliIo } from './command'

/** One edit to run on a file's LF text; returns the changes or why it cannot. */
export type TextEdit = (text: string) => Result<TextChange[]>

/**
 * Runs `edits` on each file in turn: `--dry-run` prints a unified diff, otherwise changed files are written atomically
 * and unchanged files are never touched. A file that fails is reported and left as it was; the others still run.
 * Resolves to 0, 1 (some file had a content problem) or 2 (a file argument does not exist).
 */
export async function editFiles(command: string, files: string[], edits: TextEdit[], isDryRun: boolean, io: CliIo): Promise<number> {
  let code: number = exitCode.ok
  for (const file of files) {
    const abs = path.resolve(io.cwd, file)
    const shown = displayPath(io.cwd, abs)
    const loaded = await loadArticle(abs, shown)
    if (!loaded.ok) {
      io.stderr(`folio ${command}: ${loaded.error.message}\n`)
      code = Math.max(code, loaded.error.code === 'NOT_FOUND' ? exitCode.usage : exitCode.content)
      continue
    }
    let text = loaded.value.text
    let failure: string | null = null
    for (const edit of edits) {
      const changes = edit(text)
      if (!changes.ok) {
        const { line, column, message } = changes.error
        failure = line !== undefined ? `${shown}:${line}:${column ?? 1}: error: ${message}` : `${shown}: error: ${message}`
        break
      }
      text = applyChanges(text, changes.value)
    }
    if (failure !== null) {
      io.stderr(failure + '\n')
      code = Math.max(code, exitCode.content)
      continue
    }
    if (text === loaded.value.text) continue
    if (isDryRun) {
      io.stdout(createTwoFilesPatch(`a/${shown}`, `b/${shown}`, loaded.value.text, text))
      continue
    }
    const saved = await saveArticle(loaded.value, text)
    if (!saved.ok) {
      io.stderr(`folio ${command}: ${saved.error.message}\n`)
      code = Math.max(code, exitCode.content)
    }
  }
  return code
}

import fs from 'node:fs/promises'
import path from 'node:path'
import { fail, ok, type Result } from '@shared/result'
import { writeFileAtomic } from '../atomic-write'
import { errnoCode, errnoToResult } from '../errno'
import { isInside } from '../path-rules'
import { streamExportFile, type ExportFile } from './export-file'

/** The real path of `target`, or of its nearest existing ancestor joined with the rest (a file about to be made). */
export async function realPathOrAncestor(target: string): Promise<string> {
  const absolute = path.resolve(target)
  let current = absolute
  for (;;) {
    try {
      return path.join(await fs.realpath(current), path.relative(current, absolute))
    } catch (error) {
      const code = errnoCode(error)
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error
      const parent = path.dirname(current)
      if (parent === current) return absolute
      current = parent
    }
  }
}

/** The first of `folders` (real paths) that `target` would be written inside, or null; compares real paths. */
export async function insideWhich(target: string, folders: readonly string[]): Promise<string | null> {
  const real = await realPathOrAncestor(target)
  return folders.find((folder) => isInside(folder, real)) ?? null
}

/**
 * Writes each file under `outDir` keeping its folders, atomically; names are export-relative `/` paths (never `..`).
 * Each file's real path must stay inside the real output folder and outside `refuseInside` (the content folders,
 * real paths): a link inside the output folder never leads a write back into the content (INVALID_PATH).
 * Resolves to the absolute paths written; stops at the first failure.
 */
export async function writeExportFiles(outDir: string, files: readonly ExportFile[], refuseInside: readonly string[] = []): Promise<Result<string[]>> {
  const written: string[] = []
  const realOut = await realPathOrAncestor(outDir)
  for (const file of files) {
    const target = path.join(outDir, ...file.name.split('/'))
    if (!isInside(outDir, target)) return fail('INVALID_PATH', `"${file.name}" would leave the output folder.`, { path: file.name })
    try {
      await fs.mkdir(path.dirname(target), { recursive: true })
    } catch (error) {
      return errnoToResult(error, 'create the folder for', file.name)
    }
    // NOTE: checked on real paths after the folders exist: a subfolder of the output that is a link is followed here
    // exactly as the write would follow it.
    const real = await realPathOrAncestor(target)
    const content = refuseInside.find((folder) => isInside(folder, real))
    if (!isInside(realOut, real) || content !== undefined) {
      const where = content === undefined ? 'outside the output folder' : `inside the content folder ${content}`
      return fail('INVALID_PATH', `"${file.name}" would be written through a symbolic link to ${real}, ${where}; nothing more was written.`, { path: file.name })
    }
    // NOTE: a bundle resource is streamed from the content folder (opened confined), never held whole.
    const result = await writeFileAtomic(target, streamExportFile(file), { displayPath: target })
    if (!result.ok) return result
    written.push(target)
  }
  return ok(written)
}

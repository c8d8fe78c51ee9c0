import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { makeCorpusTool } from '../../support/corpus-tool'

/** The repository root (tests/unit/core → ../../..). */
export const repoRoot = path.resolve(import.meta.dirname, '../../..')

/** Makes a fresh temp folder; the caller removes it with removeTempDir. */
export function makeTempDir(prefix = 'folio-core-'): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)))
}

/** Removes a temp folder made by makeTempDir. */
export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true })
}

/** Generates a make-corpus content folder in a new temp dir and returns the dir. */
export function makeCorpus(articles: number, broken: number): string {
  const dir = makeTempDir('folio-corpus-')
  const tool = makeCorpusTool
  execFileSync(process.execPath, [tool, dir, '--articles', String(articles), '--broken', String(broken)], { stdio: 'ignore' })
  return dir
}

/** Every file under dir (relative, `/` separators), recursively. */
export function listAllFiles(dir: string): string[] {
  const entries = fs.readdirSync(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
}

import { existsSync } from 'node:fs'
import path from 'node:path'

const repoRoot = path.resolve(import.meta.dirname, '..', '..')

/**
 * The corpus generator: the shared tool beside the repository when present (CI lays `shared/` there), else the
 * vendored copy in tests/support, so a clone anywhere still runs the corpus tests. FOLIO_MAKE_CORPUS overrides.
 */
export const makeCorpusTool: string = [
  process.env.FOLIO_MAKE_CORPUS,
  path.resolve(repoRoot, '..', 'shared', 'tools', 'make-corpus.mjs'),
  path.join(repoRoot, 'tests', 'support', 'make-corpus.mjs'),
].find((candidate): candidate is string => candidate !== undefined && existsSync(candidate)) as string

/**
 * The shared sample article (`../shared/samples/`) when present, else its byte-identical copy in the sample content.
 */
export const sampleArticlePath: string = [
  path.resolve(repoRoot, '..', 'shared', 'samples', 'is-k-rising-un-warns.md'),
  path.join(repoRoot, 'resources', 'sample-content', 'content', 'posts', '2025', 'is-k-rising-un-warns.md'),
].find((candidate) => existsSync(candidate)) as string

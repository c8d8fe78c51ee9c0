import path from 'node:path'

/** The repository root, from this file's place in tests/unit/core/export. */
export const repoRootForTests = path.resolve(import.meta.dirname, '..', '..', '..', '..')

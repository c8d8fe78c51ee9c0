import { buildSync } from 'esbuild'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const repoRoot = path.resolve(import.meta.dirname, '..', '..')

/**
 * Compiles a TypeScript module text (imports relative to the repository root) into one `.mjs` file in a new temp
 * folder, for a test to run in a child with plain `node <file>`; returns the file, removed with its folder by the
 * caller. NOTE: this replaced `node --import tsx <file or -e script>`: tsx's loader cost ~0.6 s of CPU per child here,
 * against ~0.06 s for plain node and a few ms for esbuild (the kill test bundles its saver the same way). The child runs
 * the same sources, compiled by esbuild instead of tsx (both strip the types). Packages stay imports, found through a
 * `node_modules` link beside the file to the repository's, as the sources find them.
 */
export function nodeScript(code: string): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-script-')))
  const outfile = path.join(dir, 'script.mjs')
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'junction')
  buildSync({
    stdin: { contents: code, resolveDir: repoRoot, loader: 'ts', sourcefile: 'script.ts' },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    alias: { '@shared': path.join(repoRoot, 'src', 'shared') },
    logLevel: 'warning',
  })
  return outfile
}

import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type * as WorkerThreads from 'node:worker_threads'

/** The bundles made in this process, by entry URL. */
const bundles = new Map<string, string>()

/** esbuild's buildSync, the part used here (esbuild is a dev dependency: only a run from sources reaches this). */
type BuildSync = (options: Record<string, unknown>) => { errors: unknown[] }

/** Bundles a TypeScript worker entry once per process into the temp folder; returns the bundle's path. */
function bundleOf(entry: URL): string {
  const known = bundles.get(entry.href)
  if (known !== undefined) return known
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-worker-'))
  const outfile = path.join(dir, `${path.basename(entry.pathname, '.ts')}.mjs`)
  const { buildSync } = createRequire(import.meta.url)('esbuild') as { buildSync: BuildSync }
  buildSync({
    entryPoints: [fileURLToPath(entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // NOTE: the packages are bundled too, since node_modules cannot be found from the temp folder; jsonc-parser's
    // `main` is a UMD build that cannot be bundled (its `module` is ESM), and the CommonJS ones get a `require`.
    mainFields: ['module', 'main'],
    external: ['@parcel/watcher', 'electron'],
    alias: { '@shared': fileURLToPath(new URL('../shared', import.meta.url)) },
    banner: { js: `import { createRequire as folioCreateRequire } from 'node:module'\nconst require = folioCreateRequire(import.meta.url)` },
    logLevel: 'warning',
  })
  bundles.set(entry.href, outfile)
  return outfile
}

/**
 * Starts a worker thread on a TypeScript entry, for runs from the sources (tests, tsx); a built app starts its
 * workers on the bundled `.mjs` entries instead. The entry and everything it imports is bundled once per process.
 * NOTE: this replaced loading the entry through tsx in each new worker, which cost about 0.5 s of CPU per worker (its
 * loader hooks, then one transform per module) against about 0.2 s for the one bundled file; the tests start dozens.
 */
export function startSourceWorker(entry: URL, options: WorkerThreads.WorkerOptions): WorkerThreads.Worker {
  const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof WorkerThreads
  return new Worker(pathToFileURL(bundleOf(entry)), options)
}

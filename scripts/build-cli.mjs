// Bundles the `folio` command into one ESM file for plain Node; npm packages stay external (installed).
import { build } from 'esbuild'
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import { hostNodeFlags } from './host-flags.mjs'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
await build({
  entryPoints: [path.join(root, 'src/cli/main.ts')],
  outfile: path.join(root, 'out/cli/folio.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  alias: { '@shared': path.join(root, 'src/shared') },
  // NOTE: `env -S` splits the line, so the installed `folio` command runs with the host's V8 flags too.
  banner: { js: `#!/usr/bin/env -S node ${hostNodeFlags.join(' ')}` },
  logLevel: 'warning',
})
// NOTE: chunk names carry a hash, so the chunks of earlier builds are removed rather than left to pile up.
fs.rmSync(path.join(root, 'out/cli/chunks'), { recursive: true, force: true })
// NOTE: the folder index runs in worker threads; their entry sits beside folio.mjs where shard-client looks for it.
// Split, so the shard and its parsers stay a separate chunk the entry imports after it starts listing (as in the
// desktop build): a single file would load them all before the first path is listed.
await build({
  entryPoints: { 'index-worker': path.join(root, 'src/core/index/index-worker.ts'), 'scan-worker': path.join(root, 'src/core/index/scan-worker.ts') },
  outdir: path.join(root, 'out/cli'),
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  alias: { '@shared': path.join(root, 'src/shared') },
  logLevel: 'warning',
})

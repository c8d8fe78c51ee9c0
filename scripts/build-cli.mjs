// Bundles the `folio` command for plain Node; npm packages stay external (installed).
import { build } from 'esbuild'
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import { hostNodeFlags } from './host-flags.mjs'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
// NOTE: chunk names carry a hash, so the chunks of earlier builds are removed rather than left to pile up.
fs.rmSync(path.join(root, 'out/cli/chunks'), { recursive: true, force: true })
// NOTE: one split build of the command and the worker entries (the folder index's, the one-off search's and check's, which
// sit beside folio.mjs where shard-worker and folder-search look for them). Each command is a chunk folio.mjs
// imports when it runs (src/cli/commands/index.ts), and the shard's parsers a chunk its entry imports after it
// starts listing: a single file would load every command and parser before the first path is listed.
await build({
  entryPoints: {
    folio: path.join(root, 'src/cli/main.ts'),
    'index-worker': path.join(root, 'src/core/index/index-worker.ts'),
    'scan-worker': path.join(root, 'src/core/index/scan-worker.ts'),
    'check-worker': path.join(root, 'src/core/check/check-worker.ts'),
  },
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
  // NOTE: `env -S` splits the line, so the installed `folio` command runs with the host's V8 flags too.
  banner: { js: `#!/usr/bin/env -S node ${hostNodeFlags.join(' ')}` },
  logLevel: 'warning',
})

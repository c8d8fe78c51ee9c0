// Bundles the `folio` command for plain Node; npm packages stay external (installed).
import { build } from 'esbuild'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import { hostNodeFlags } from './host-flags.mjs'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))

/** An esbuild plugin leaving every npm package external (as `packages: 'external'` does) but those named. */
function externalPackagesExcept(bundled) {
  return {
    name: 'external-packages-except',
    setup(b) {
      b.onResolve({ filter: /^[^./]|^\.[^./]|^\.\.[^/]/ }, (args) => {
        if (args.path.startsWith('@shared') || args.kind === 'entry-point') return undefined
        const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0]
        return bundled.includes(name) ? undefined : { path: args.path, external: true }
      })
    },
  }
}
/** An esbuild plugin giving the command's own modules `yaml` through scripts/yaml-lazy.mjs (loaded on first use). */
const lazyYaml = {
  name: 'lazy-yaml',
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, (args) => (args.importer.endsWith('yaml-lazy.mjs') ? undefined : { path: path.join(root, 'scripts/yaml-lazy.mjs') }))
  },
}

// NOTE: chunk names carry a hash, so the chunks of earlier builds are removed rather than left to pile up.
fs.rmSync(path.join(root, 'out/cli/chunks'), { recursive: true, force: true })
// NOTE: one split build of the command and the worker entries (the folder index's, which `folio check` uses too,
// and the one-off search's, which sit beside folio.mjs where shard-worker and folder-search look for them). Each
// command is a chunk folio.mjs imports when it runs (src/cli/commands/index.ts), and the shard's parsers a chunk its
// entry imports after it starts listing: a single file would load every command and parser before the first path is
// listed.
await build({
  entryPoints: {
    folio: path.join(root, 'src/cli/main.ts'),
    'index-worker': path.join(root, 'src/core/index/index-worker.ts'),
    'scan-worker': path.join(root, 'src/core/index/scan-worker.ts'),
    'stamp-worker': path.join(root, 'src/core/index/stamp-worker.ts'),
  },
  outdir: path.join(root, 'out/cli'),
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // NOTE: npm packages stay external (installed), except the pure-JS parsers every command loads (the front matter,
  // the site config, text diffs): as ~100 separate ES modules, resolving and loading them was most of `folio index`'s
  // start-up on a small folder (0.25 s of CPU on an empty one); bundled into a chunk they load as one file.
  plugins: [lazyYaml, externalPackagesExcept(['smol-toml', 'diff', 'jsonc-parser'])],
  // NOTE: jsonc-parser's `main` is a UMD build with dynamic requires that cannot be bundled; its `module` is ESM.
  mainFields: ['module', 'main'],
  alias: { '@shared': path.join(root, 'src/shared') },
  // NOTE: `env -S` splits the line, so the installed `folio` command runs with the host's V8 flags too.
  // NOTE: the bundled yaml is its CommonJS build (its `node` export), which requires Node built-ins: each file gets a
  // `require` of its own for that.
  banner: { js: `#!/usr/bin/env -S node ${hostNodeFlags.join(' ')}\nimport { createRequire as folioCreateRequire } from 'node:module'\nconst require = folioCreateRequire(import.meta.url)` },
  logLevel: 'warning',
})

// NOTE: the yaml library as one CommonJS file beside folio.mjs, which scripts/yaml-lazy.mjs loads the first time a
// front-matter block is not plain (as ~100 separate modules it would cost more than bundled).
await build({
  entryPoints: { 'yaml-lib': createRequire(import.meta.url).resolve('yaml') },
  outdir: path.join(root, 'out/cli'),
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
})

import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'

const alias = {
  '@shared': resolve(import.meta.dirname, 'src/shared'),
  '@renderer': resolve(import.meta.dirname, 'src/renderer'),
}

// NOTE: the article list paints before the code that only an open article needs has loaded (the shell reaches
// src/renderer/editing.ts and the dialogs through import() only); a static import of any of these would undo that.
const lazyOnly = /\/node_modules\/(@codemirror|@lezer|markdown-it|dompurify|yaml|smol-toml|@decimalturn|jsonc-parser)\/|\/src\/renderer\/(editor\/|editing\.ts|workspace\.ts|session\/editing-session|preview\/render-preview)/

/** Fails the renderer build when its entry chunk, or a chunk the entry imports statically, contains `lazyOnly` code. */
function firstChunkGuard(): Plugin {
  return {
    name: 'folio-first-chunk-guard',
    apply: 'build',
    generateBundle(_options, bundle) {
      const eager = new Set<string>()
      const visit = (name: string): void => {
        const chunk = bundle[name]
        if (chunk?.type !== 'chunk' || eager.has(name)) return
        eager.add(name)
        chunk.imports.forEach(visit)
      }
      for (const [name, output] of Object.entries(bundle)) if (output.type === 'chunk' && output.isEntry) visit(name)
      const found = [...eager].flatMap((name) => {
        const chunk = bundle[name]
        return chunk?.type === 'chunk' ? Object.keys(chunk.modules).filter((id) => lazyOnly.test(id)) : []
      })
      if (found.length > 0) this.error(`The first renderer chunk must not contain editing code; load it with import(): ${found.slice(0, 5).join(', ')}`)
    },
  }
}

export default defineConfig({
  main: {
    resolve: { alias },
    // NOTE: the folder index's worker-thread entry is built beside index.js, where shard-client looks for it.
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/main/index.ts'), 'index-worker': resolve(import.meta.dirname, 'src/core/index/index-worker.ts') },
      },
    },
  },
  preload: {
    resolve: { alias },
    // NOTE: a sandboxed preload cannot require() npm modules or ESM, so it is bundled to one CommonJS file.
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: resolve(import.meta.dirname, 'src/preload/index.ts'),
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    resolve: { alias },
    plugins: [react(), firstChunkGuard()],
    // NOTE: minified (electron-vite leaves it off): the first chunk 779 -> 343 kB, the editing chunk 1,227 -> 638 kB,
    // less for the window to parse before the list and before the first article opens.
    // NOTE: hidden source maps (no sourceMappingURL in the scripts, left out of the installers) let the keystroke
    // benchmark's performance trace tell Folio's own functions from CodeMirror's in the minified chunks.
    // NOTE: the preview's render worker (src/renderer/preview/render-worker.ts) is an ES module like the page.
    worker: { format: 'es' },
    build: { outDir: 'out/renderer', minify: true, sourcemap: 'hidden', rollupOptions: { input: resolve(import.meta.dirname, 'src/renderer/index.html') } },
  },
})

import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

/** The Markdown tests that run in jsdom (each says `@vitest-environment jsdom`). */
const domMarkdownTests = ['tests/unit/shared/markdown/{alerts,corpus,header,render,sanitize-apart,sanitize-blocks,shortcodes,style-filter,urls,xss}.test.ts']

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@shared': resolve(import.meta.dirname, 'src/shared'),
      '@renderer': resolve(import.meta.dirname, 'src/renderer'),
    },
  },
  test: {
    globals: true,
    environment: 'node',
    // NOTE: the run writes only inside one temp folder (TMPDIR, HOME and the cache folders point there), removed at
    // the end: no test writes to the user's cache or leaves folders in the system's temp folder.
    globalSetup: ['tests/support/vitest-global-setup.ts'],
    // NOTE: no retries: a test that passes only on a second try is a bug to fix, not noise to hide.
    retry: 0,
    // NOTE: one worker per core runs many files with one module graph (and, for the renderer, one jsdom) instead of a
    // fresh process, import graph and jsdom per file: that start-up was over half of the suite's CPU time.
    // Files must therefore leave no global state behind: stubbed globals are undone here, the renderer's DOM,
    // timers and storage in tests/support/renderer-setup.ts. The workers are processes, not threads: @parcel/watcher's
    // native module loads in one thread per process only ("Module did not self-register" in a second worker thread,
    // where the watcher then fell back to chokidar and its tests failed).
    pool: 'forks',
    isolate: false,
    // NOTE: vitest's default is one worker fewer than the cores: on a two-core machine ONE worker ran every file, so
    // only child processes (git, the kill test's savers) ever used the second core. The main process does little
    // with isolate: false (each module is transformed once), so two cores get two workers.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    unstubGlobals: true,
    unstubEnvs: true,
    // NOTE: the Markdown tests that need a DOM (`@vitest-environment jsdom`: the sanitizer) run with the renderer's: a
    // worker serves one environment, so in the node project they took two more worker processes, each with its own
    // jsdom and module graph. A jsdom test not listed here still runs, in the node project's own jsdom workers.
    projects: [
      { extends: true, test: { name: 'node', include: ['tests/unit/{shared,core,cli,preload,main,server}/**/*.test.ts'], exclude: [...domMarkdownTests], environment: 'node' } },
      {
        extends: true,
        test: { name: 'renderer', include: ['tests/unit/renderer/**/*.test.{ts,tsx}', ...domMarkdownTests], environment: 'jsdom', setupFiles: ['tests/support/renderer-setup.ts'] },
      },
    ],
    // NOTE: a timeout is a hang detector, not a speed check (tests never assert on wall time): with two workers on a
    // machine at load 15-20 a 600-article index test took over 30 s; every test that passes still ends when it passes.
    testTimeout: 120_000,
    // NOTE: beforeAll hooks generate corpora in a child process; on a busy machine (load 22 on two cores) 600 articles
    // took over the default 10 s.
    hookTimeout: 120_000,
    // NOTE: an unhandled rejection or uncaught error anywhere fails the run (vitest's default, stated so it stays):
    // the test-suite equivalent of node --unhandled-rejections=strict, which `folio serve` runs under by default.
    dangerouslyIgnoreUnhandledErrors: false,
    // NOTE: the folder index's summary cache stays off unless a test passes its own cache folder.
    env: { FOLIO_CACHE_DIR: 'off' },
  },
})

/**
 * Per-file setup of the renderer tests. They share one module graph and one jsdom per worker (isolate: false in
 * vitest.config.ts), so what each file used to get from a fresh worker is done here after every test.
 */
import { cleanup, configure } from '@testing-library/react'

// NOTE: Testing Library's findBy/waitFor give up after 1 s by default. On a busy two-core machine the first render of
// a file (vitest transforming the app's lazy chunks) takes longer than that, and a test failed for it while the app was
// right. A wait that succeeds returns as soon as its condition holds, so a longer ceiling costs passing tests nothing.
configure({ asyncUtilTimeout: 10_000 })

afterEach(() => {
  // NOTE: Testing Library registers its own cleanup only when first imported, i.e. in the first file of a worker.
  cleanup()
  vi.useRealTimers()
  localStorage.clear()
  document.title = ''
})

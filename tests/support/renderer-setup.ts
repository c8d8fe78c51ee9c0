/**
 * Per-file setup of the renderer tests. They share one module graph and one jsdom per worker (isolate: false in
 * vitest.config.ts), so what each file used to get from a fresh worker is done here after every test.
 */
import { cleanup } from '@testing-library/react'

afterEach(() => {
  // NOTE: Testing Library registers its own cleanup only when first imported, i.e. in the first file of a worker.
  cleanup()
  vi.useRealTimers()
  localStorage.clear()
  document.title = ''
})

import { afterAll, beforeAll } from 'vitest'

/**
 * Sets environment variables for the tests of one file and restores them after it. NOTE: test files share their
 * worker process (vitest's isolate: false), so a variable set at a file's top stays set for every file after it in
 * that process: `FOLIO_HUGO=off` set so by three files silently skipped the live Hugo tests of archetypes.test.ts
 * whenever the scheduler put it after them. (vi.stubEnv is undone before each test, so it cannot span a file.)
 */
export function useFileEnv(values: Record<string, string>): void {
  const saved = new Map(Object.keys(values).map((name) => [name, process.env[name]]))
  beforeAll(() => {
    Object.assign(process.env, values)
  })
  afterAll(() => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  })
}

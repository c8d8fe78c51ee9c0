import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { builtWorkerEntry, workerEntry, workerEntryAt } from '../../../src/core/worker-entry'

// The built entries (out/cli/*-worker.mjs) are found by the same function from the bundle; the benches and the e2e
// tests run them. Here, from the sources, each of Folio's three workers has its TypeScript entry.

it('finds each worker’s TypeScript entry when running from the sources, and no built one', () => {
  for (const name of ['index-worker', 'scan-worker', 'stamp-worker']) {
    const entry = workerEntry(name)
    expect(entry?.isSource).toBe(true)
    expect(fs.existsSync(fileURLToPath(entry!.url))).toBe(true)
    expect(builtWorkerEntry(name)).toBeNull()
  }
})

it('takes a given entry as a source only when it is a .ts file', () => {
  expect(workerEntryAt(new URL('file:///app/out/cli/scan-worker.mjs')).isSource).toBe(false)
  expect(workerEntryAt(new URL('file:///C:/app/src/core/index/scan-worker.ts')).isSource).toBe(true)
})

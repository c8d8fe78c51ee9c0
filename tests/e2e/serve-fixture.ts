import { test as base } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { hostNodeFlags } from '../../scripts/host-flags.mjs'

/** The repository root (tests run from it). */
export const repoRoot = path.resolve(import.meta.dirname, '..', '..')

/** A running `folio serve` over a fresh temp copy of a content folder. */
export interface Served {
  dir: string
  url: string
  process: ChildProcess
}

/** Copies `source` to a temp folder and serves it with the built CLI; resolves once the ready line is printed. */
export async function serveCopy(source = path.join(repoRoot, 'resources', 'sample-content'), env: NodeJS.ProcessEnv = {}): Promise<Served> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-e2e-'))
  await cp(source, dir, { recursive: true })
  // NOTE: the journal of unsaved edits goes to a state folder beside the copy (removed with it), not the user's own.
  return serveDir(dir, { FOLIO_STATE_DIR: process.env.FOLIO_STATE_DIR ?? `${dir}-state`, ...env })
}

/** Serves an existing folder with the built CLI (extra `env`, e.g. FOLIO_STATE_DIR; the index cache goes beside it); resolves once the ready line is printed. */
export function serveDir(dir: string, env: NodeJS.ProcessEnv = {}): Promise<Served> {
  // NOTE: with the host's V8 flags, as `npm start`, the CLI's shebang and the benches start it (see host-flags.mjs).
  const child = spawn(process.execPath, [...hostNodeFlags, path.join(repoRoot, 'out', 'cli', 'folio.mjs'), 'serve', dir], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FOLIO_CACHE_DIR: `${dir}-state`, ...env } })
  return new Promise((resolve, reject) => {
    let output = ''
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /^Folio serving (.+) at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(output)
      if (match?.[2]) resolve({ dir, url: match[2], process: child })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code) => reject(new Error(`folio serve exited with ${code}: ${output}`)))
  })
}

/** Stops the server and removes the temp folder. */
export async function stopServed(served: Served): Promise<void> {
  if (served.process.exitCode === null) {
    const exited = new Promise((resolve) => served.process.once('exit', resolve))
    served.process.kill('SIGTERM')
    await exited
  }
  await rm(served.dir, { recursive: true, force: true })
  await rm(`${served.dir}-state`, { recursive: true, force: true })
}

/** A test with a served temp copy of the sample content. */
export const test = base.extend<{ served: Served }>({
  // eslint-disable-next-line no-empty-pattern -- NOTE: Playwright requires an object pattern for fixture deps.
  served: async ({}, use) => {
    const served = await serveCopy()
    await use(served)
    await stopServed(served)
  },
})

export { expect } from '@playwright/test'

import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hostNodeFlags } from '../../../scripts/host-flags.mjs'
import { nodeScript } from '../../support/node-script'

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-cli-pipe-'))
// NOTE: the CLI's sources compiled by esbuild once for both tests, run with plain node (see nodeScript): `--import tsx`
// cost ~0.6 s of CPU more per child. The index of a one-off command, and a search's scan, run in the process's own
// thread either way (no built worker script beside the compiled file, as none beside the sources). It runs with the
// host's V8 flags, as the CLI's shebang starts it for users.
let cli = ''
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true })
  if (cli !== '') fs.rmSync(path.dirname(cli), { recursive: true, force: true })
})

beforeAll(() => {
  cli = nodeScript(`import './src/cli/main.ts'`)
  for (let i = 0; i < 3000; i++) {
    const dir = path.join(root, String(i % 30))
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, `a-rather-long-article-name-${i}.md`), `---\ntitle: "Article ${i} with a long enough title to fill the pipe"\n---\nbody\n`)
  }
})

describe('the folio process', () => {
  it('stops quietly when its reader closes the pipe early (`folio index site | head -1`)', async () => {
    const child = spawn(process.execPath, [...hostNodeFlags, cli, 'index', root], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    // NOTE: like `head -1`: read the first chunk, then close our end.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()))
    child.stdout.destroy()
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)))
    expect(stderr).not.toContain('EPIPE')
    expect(code).toBe(0)
  }, 60_000)

  it('writes every line of a large search answer before it exits at once (`folio search` ends without draining)', async () => {
    // NOTE: the cache folder off, so no index is saved in the background from the test.
    const child = spawn(process.execPath, [...hostNodeFlags, cli, 'search', root, 'body', '--json', '--limit', '3000'], {
      env: { ...process.env, FOLIO_CACHE_DIR: 'off' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)))
    expect(code).toBe(0)
    expect(stderr).toBe('folio search: 3000 matching article(s)\n')
    const lines = stdout.split('\n')
    expect(lines.pop()).toBe('')
    expect(lines).toHaveLength(3000)
    expect(lines.map((line) => (JSON.parse(line) as { path: string }).path)).toContain('29/a-rather-long-article-name-2999.md')
  }, 60_000)
})

import { spawn } from 'node:child_process'
import { build } from 'esbuild'
import fs from 'node:fs'
import path from 'node:path'
import { tempPrefix } from '../../../src/core/atomic-write'
import { killTestContents } from './fixtures/kill-contents'
import { makeTempDir, removeTempDir } from './corpus'

/** How many times the saving child is killed (issue 8 asks for 200; about a minute on a busy machine; FOLIO_KILL_COUNT overrides). */
const KILL_COUNT = Number(process.env.FOLIO_KILL_COUNT ?? 200)
const source = path.join(import.meta.dirname, 'fixtures', 'save-loop.ts')

/** Bundles the saver once: plain Node starts it in tens of ms, where `--import tsx` takes half a second per kill. */
async function bundleSaver(outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'save-loop.mjs')
  const shared = path.resolve(import.meta.dirname, '../../../src/shared')
  await build({ entryPoints: [source], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', alias: { '@shared': shared }, logLevel: 'warning' })
  return outfile
}

function startSaver(saver: string, file: string): Promise<ReturnType<typeof spawn>> {
  const proc = spawn(process.execPath, [saver, file], { stdio: ['ignore', 'pipe', 'pipe'] })
  return new Promise((resolve, reject) => {
    let errors = ''
    proc.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()))
    proc.stdout.once('data', () => resolve(proc))
    proc.once('exit', (code) => reject(new Error(`saver exited early (${code}): ${errors}`)))
  })
}

describe('kill test', () => {
  let dir = ''
  let bundleDir = ''
  let saver = ''
  beforeAll(async () => {
    bundleDir = makeTempDir('folio-kill-bundle-')
    saver = await bundleSaver(bundleDir)
  })
  afterAll(() => removeTempDir(bundleDir))
  beforeEach(() => {
    dir = makeTempDir('folio-kill-')
  })
  afterEach(() => removeTempDir(dir))

  it(`the file is always wholly old or wholly new after ${KILL_COUNT} SIGKILLs mid-save`, { timeout: 600_000 }, async () => {
    const [a, b] = killTestContents().map((c) => Buffer.from(c))
    const seen = { a: 0, b: 0, midSave: 0 }
    // NOTE: a kill's cost is mostly waiting for a new Node process to start; lanes on their own files overlap that
    // wait (on a busy machine one lane took six minutes) without changing what each kill proves.
    const killLane = async (lane: number, kills: number): Promise<void> => {
      const laneDir = path.join(dir, `lane-${lane}`)
      fs.mkdirSync(laneDir)
      const file = path.join(laneDir, 'article.md')
      fs.writeFileSync(file, a)
      for (let i = 0; i < kills; i += 1) {
        const proc = await startSaver(saver, file)
        await new Promise((r) => setTimeout(r, Math.random() * 40))
        const exited = new Promise((r) => proc.once('exit', r))
        proc.kill('SIGKILL')
        await exited
        const now = fs.readFileSync(file)
        const isA = now.equals(a)
        expect(isA || now.equals(b), `lane ${lane}, kill ${i}: the file is partial (${now.byteLength} bytes)`).toBe(true)
        seen[isA ? 'a' : 'b'] += 1
        // NOTE: a killed save may leave its temp file (nothing runs after SIGKILL); it never replaces the article.
        const temps = fs.readdirSync(laneDir).filter((name) => name.startsWith(tempPrefix))
        if (temps.length > 0) seen.midSave += 1
        for (const name of temps) fs.rmSync(path.join(laneDir, name))
      }
    }
    const lanes = 4
    await Promise.all(Array.from({ length: lanes }, (_, lane) => killLane(lane, Math.floor(KILL_COUNT / lanes) + (lane < KILL_COUNT % lanes ? 1 : 0))))
    if (process.env.FOLIO_KILL_VERBOSE) console.log(seen)
    expect(seen.a + seen.b).toBe(KILL_COUNT)
    // The kills must really land inside saves, or the test proves nothing.
    expect(seen.midSave, JSON.stringify(seen)).toBeGreaterThan(0)
  })
})

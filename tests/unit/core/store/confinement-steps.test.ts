import fs from 'node:fs'
import path from 'node:path'
import { tempPrefix } from '../../../../src/core/atomic-write'
import { nodeFs, type FsPort } from '../../../../src/core/fs-port'
import { NodeArticleStore } from '../../../../src/core/store/node-store'
import { withFaults } from '../../../support/fault-fs'
import { withSteps, type FsStep } from '../../../support/step-fs'
import { removeTempDir } from '../corpus'
import { bytes, makeConfinementSite, snapshot, textOf } from './confinement-site'

// The store's confinement with the link swapped exactly between two of its file-system steps (the step port in
// tests/support/step-fs), instead of a racing loop: for a read and a write of an article, every single swap (inside
// to outside and back) before every step, and every swap there and back between any two steps. Each case is one
// deterministic interleaving, so together they cover every order of the swaps against the store's steps; the racing
// tests in confinement.test.ts keep the swaps that land inside one step (a realpath or an open walking the path).

const isPosix = process.platform !== 'win32'
let dir = ''
let site = ''
let outside = ''
const at = (rel: string): string => path.join(site, ...rel.split('/'))

beforeEach(() => {
  ({ dir, site, outside } = makeConfinementSite('folio-confine-steps-'))
})
afterEach(() => removeTempDir(dir))

/** The article `a.md` becomes a link to the inside file or to the outside one (renamed over it, as the swapper does). */
function linkArticle(isOutside: boolean): void {
  fs.symlinkSync(isOutside ? path.join(outside, 'secret.md') : at('real.md'), at('a.md.swap'))
  fs.renameSync(at('a.md.swap'), at('a.md'))
}

/** The folder `sub` becomes a link to the outside folder (the real one parked beside it), or the real folder again. */
function linkFolder(isOutside: boolean): void {
  if (isOutside === fs.lstatSync(at('sub')).isSymbolicLink()) return
  if (isOutside) {
    fs.renameSync(at('sub'), at('sub-parked'))
    fs.symlinkSync(outside, at('sub'))
  } else {
    fs.unlinkSync(at('sub'))
    fs.renameSync(at('sub-parked'), at('sub'))
  }
}

type Operation = (store: NodeArticleStore) => Promise<string>

/** Steps on an open file descriptor (no path is resolved). */
const fdSteps = new Set<FsStep>(['write', 'write-rest', 'read', 'fstat', 'fsync', 'close'])

/**
 * Runs `operation` once per schedule: `swap(true/false)` is called before the chosen steps (counted from the
 * operation's start). Schedules: a swap before each path step, starting inside and starting outside, and a swap there and
 * back before each pair of steps. Returns what each run saw.
 */
async function acrossSteps(base: FsPort, swap: (isOutside: boolean) => void, operation: Operation): Promise<Set<string>> {
  let step = 0
  let plan = new Map<number, boolean>()
  const port = withSteps(base, (name) => {
    // NOTE: a step on an open fd never looks a path up, so a swap before it is the same interleaving as a swap before
    // the next step that does; only path steps are counted (fewer schedules, the same orders).
    if (fdSteps.has(name)) return
    const change = plan.get(step++)
    if (change !== undefined) swap(change)
  })
  const opened = await NodeArticleStore.open(site, { fs: port, retryDelayMs: 1 })
  if (!opened.ok) throw new Error(opened.error.message)
  const store = opened.value
  const run = async (start: boolean, schedule: [number, boolean][]): Promise<string> => {
    swap(start)
    plan = new Map(schedule)
    step = 0
    const seen = await operation(store)
    plan = new Map()
    return seen
  }
  await run(false, [])
  const steps = step
  expect(steps).toBeGreaterThan(3)
  const seen = new Set<string>()
  for (let i = 0; i <= steps; i += 1) {
    seen.add(await run(false, [[i, true]]))
    seen.add(await run(true, [[i, false]]))
    for (let j = i + 1; j <= steps; j += 1) seen.add(await run(false, [[i, true], [j, false]]))
  }
  swap(false)
  return seen
}

const read =
  (rel: string): Operation =>
  async (store) => {
    const result = await store.read(rel)
    return result.ok ? textOf(result.value.bytes).slice(0, 6) : result.error.code
  }

let writes = 0
/** Writes new bytes each time (the same bytes would be a no-op that writes nothing). */
const write =
  (rel: string): Operation =>
  async (store) => {
    writes += 1
    const result = await store.write(rel, bytes(`INSIDE ${writes}`), { baseHash: null, force: true })
    return result.ok ? 'written' : result.error.code
  }

const noProc = (): FsPort => withFaults(nodeFs, [{ op: 'readlink', code: 'ENOENT', path: /^\/proc\// }])

describe.runIf(isPosix)('NodeArticleStore confinement, a link swapped between any two steps', () => {
  for (const [proof, base] of [
    ['/proc/self/fd', () => nodeFs],
    ['real path and dev/ino (no /proc)', noProc],
  ] as const) {
    describe(`proof: ${proof}`, () => {
      it('never reads the outside file when the article link is swapped', async () => {
        const seen = await acrossSteps(base(), linkArticle, read('a.md'))
        expect(seen.has('SECRET')).toBe(false)
        expect(seen.has('INSIDE')).toBe(true)
        expect([...seen].every((s) => ['INSIDE', 'INVALID_PATH', 'NOT_FOUND'].includes(s))).toBe(true)
      })

      it('never writes outside when the article link is swapped', async () => {
        const before = snapshot(outside)
        const seen = await acrossSteps(base(), linkArticle, write('a.md'))
        expect(snapshot(outside)).toEqual(before)
        expect(seen.has('written')).toBe(true)
      })

      it('never reads nor writes outside when a folder of the path is swapped for a link to an outside folder', async () => {
        const before = snapshot(outside)
        const seen = new Set([...(await acrossSteps(base(), linkFolder, read('sub/a.md'))), ...(await acrossSteps(base(), linkFolder, write('sub/a.md')))])
        expect(seen.has('SECRET')).toBe(false)
        expect(seen.has('INSIDE')).toBe(true)
        const after = snapshot(outside)
        if (proof === '/proc/self/fd') expect(after).toEqual(before)
        else {
          // NOTE: the limit without /proc (macOS, Windows): the temp file is created through the swapped folder before
          // anything can be proven, and once the folder is swapped back its path no longer reaches it, so an EMPTY
          // temp file may stay outside. Nothing is ever written into it, and no outside file changes.
          const added = Object.keys(after).filter((name) => !(name in before))
          expect(added.every((name) => name.startsWith(tempPrefix) && after[name] === '')).toBe(true)
          expect(Object.fromEntries(Object.keys(before).map((name) => [name, after[name]]))).toEqual(before)
        }
      })
    })
  }
})

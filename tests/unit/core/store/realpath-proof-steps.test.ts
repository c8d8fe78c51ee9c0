import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { isProvenInside, nodeProofFs, type ProofFs } from '../../../../src/core/store/sync-open'

// The real-path proof (macOS and Windows, where the kernel cannot name an open fd's path and Node has no openat)
// taken step by step: the test swaps a folder of the path for a link to an outside folder, or back, exactly between
// two steps of the proof (a file system that runs the swap before the proof's next call), instead of racing a loop
// against it. Each case is one deterministic interleaving. The last case is the gap that remains without
// O_NOFOLLOW_ANY (Windows, macOS before 11): shown so it is stated, not hidden. On Linux the index and the store use
// /proc/self/fd, which has no such gap.

const isPosix = process.platform !== 'win32'
const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-proof-steps-')))
const site = path.join(base, 'site')
const sub = path.join(site, 'sub')
const parked = path.join(site, 'parked')
const outside = path.join(base, 'outside')
const file = path.join(sub, 'a.md')

beforeAll(() => {
  fs.mkdirSync(sub, { recursive: true })
  fs.mkdirSync(outside)
  fs.writeFileSync(file, 'INSIDE\n')
  fs.writeFileSync(path.join(outside, 'a.md'), 'SECRET\n')
})
afterAll(() => fs.rmSync(base, { recursive: true, force: true }))
afterEach(() => toFolder())

/** The folder `sub` becomes a link to the outside folder (the real one parked beside it). */
function toLink(): void {
  if (fs.lstatSync(sub).isSymbolicLink()) return
  fs.renameSync(sub, parked)
  fs.symlinkSync(outside, sub, 'dir')
}

/** The link goes and the real folder is back. */
function toFolder(): void {
  if (!fs.existsSync(parked)) return
  fs.rmSync(sub)
  fs.renameSync(parked, sub)
}

/** The steps of the real-path proof, each named by the call that starts it. */
type ProofStep = 'realpath' | 'components-before' | 'final-lstat' | 'components-after' | 'realpath-again' | 'reopen-nofollow-any'

/**
 * Node's file system for the proof, told which step each call starts (a step's first call runs its swap): the first
 * and second realpath, the lstat of a folder before and after the file's own lstat, and the re-open.
 */
function steppedFs(swaps: Partial<Record<ProofStep, () => void>>, steps: ProofStep[]): ProofFs {
  let realpaths = 0
  let isFileDone = false
  const enter = (step: ProofStep): void => {
    if (steps.at(-1) === step) return
    steps.push(step)
    swaps[step]?.()
  }
  return {
    ...nodeProofFs,
    realpath: (p) => (enter(realpaths++ === 0 ? 'realpath' : 'realpath-again'), nodeProofFs.realpath(p)),
    lstat: (p) => {
      if (p === file) {
        enter('final-lstat')
        isFileDone = true
      } else enter(isFileDone ? 'components-after' : 'components-before')
      return nodeProofFs.lstat(p)
    },
    open: (p, flags) => (enter('reopen-nofollow-any'), nodeProofFs.open(p, flags)),
  }
}

/** Opens `sub/a.md` with the link in place (an fd on the outside file) or not, then runs the proof with `swaps`. */
function prove(openThroughLink: boolean, swaps: Partial<Record<ProofStep, () => void>>, platform: NodeJS.Platform = 'win32'): { text: string; isProven: boolean; steps: ProofStep[] } {
  if (openThroughLink) toLink()
  const fd = fs.openSync(file, 'r')
  const steps: ProofStep[] = []
  try {
    const text = fs.readFileSync(fd, 'utf8')
    const isProven = isProvenInside(fd, fs.fstatSync(fd), file, site, { proof: 'realpath', platform, fs: steppedFs(swaps, steps) })
    return { text, isProven, steps }
  } finally {
    fs.closeSync(fd)
  }
}

describe.runIf(isPosix)('the real-path proof, step by step', () => {
  it('proves a file opened inside with nothing swapped, after every step', () => {
    expect(prove(false, {})).toEqual({ text: 'INSIDE\n', isProven: true, steps: ['realpath', 'components-before', 'final-lstat', 'components-after', 'realpath-again'] })
  })

  it('refuses an fd opened through the link while the link is still there (the real path is outside)', () => {
    expect(prove(true, {})).toMatchObject({ text: 'SECRET\n', isProven: false, steps: ['realpath'] })
  })

  it('refuses an fd opened through the link when the folder is back before the proof (the inode differs)', () => {
    expect(prove(true, { realpath: toFolder })).toMatchObject({ text: 'SECRET\n', isProven: false, steps: ['realpath', 'components-before', 'final-lstat'] })
  })

  it('refuses the former gap: folder back for the real path, link again for the file lstat, and still a link for the folder walk after it', () => {
    expect(prove(true, { realpath: toFolder, 'final-lstat': toLink })).toMatchObject({ text: 'SECRET\n', isProven: false, steps: ['realpath', 'components-before', 'final-lstat', 'components-after'] })
  })

  it('refuses a link swapped in during the folder walk before the file lstat', () => {
    expect(prove(true, { realpath: toFolder, 'components-before': toLink })).toMatchObject({ isProven: false })
  })

  it('refuses, rather than wrongly proves, an inside fd whose folder is swapped during the proof', () => {
    expect(prove(false, { 'final-lstat': toLink, 'components-after': toFolder })).toMatchObject({ text: 'INSIDE\n', isProven: false })
  })

  it('KNOWN GAP without O_NOFOLLOW_ANY (Windows, macOS before 11): link at the open and the file lstat, folder for every other step', () => {
    // NOTE: this asserts what the proof CANNOT catch, so the gap is stated by a test: the attacker must swap the
    // folder to a link and back twice, each time between two calls a few microseconds apart.
    const outcome = prove(true, { realpath: toFolder, 'final-lstat': toLink, 'components-after': toFolder })
    expect(outcome).toMatchObject({ text: 'SECRET\n', isProven: true })
  })

  it('on macOS the real path is opened again refusing every link (O_NOFOLLOW_ANY): the gap sequence is refused when a link is there at that open', () => {
    // NOTE: Linux does not know O_NOFOLLOW_ANY (it ignores the bit), so here the re-open shows only its second half:
    // the file it opens at the real path must be the fd's file. On macOS 11+ the kernel also refuses any link on that
    // path at that moment, which leaves no window: the re-open is one call, and what it opens is where the path says.
    const outcome = prove(true, { realpath: toFolder, 'final-lstat': toLink, 'components-after': toFolder }, 'darwin')
    expect(outcome).toMatchObject({ text: 'SECRET\n', isProven: false })
    expect(outcome.steps.at(-1)).toBe('reopen-nofollow-any')
    expect(prove(false, {}, 'darwin')).toMatchObject({ isProven: true })
  })
})

import fs from 'node:fs'
import path from 'node:path'
import { nodeFs } from '../../../../src/core/fs-port'
import { NodeArticleStore } from '../../../../src/core/store/node-store'
import { withSteps } from '../../../support/step-fs'
import { makeTempDir, removeTempDir } from '../corpus'

// A save reads its file, writes a temp file, checks the file again beside the temp file's fsync, then renames. Here
// another program changes the file before each step of one save in turn (deterministically, through the step port):
// whatever the step, the other program's bytes are never lost. Before the rename the save must answer CONFLICT; at or
// after it, the save has happened and the other program wrote last.

const textOf = (file: string): string | null => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null)

type Change = 'in place, same size' | 'replaced by a rename' | 'deleted'

function change(kind: Change, file: string): string | null {
  if (kind === 'in place, same size') {
    fs.writeFileSync(file, 'THEIRS')
    return 'THEIRS'
  }
  if (kind === 'replaced by a rename') {
    fs.writeFileSync(`${file}.theirs`, 'THEIRS-NEW')
    fs.renameSync(`${file}.theirs`, file)
    return 'THEIRS-NEW'
  }
  fs.unlinkSync(file)
  return null
}

let dir = ''
beforeEach(() => {
  dir = makeTempDir('folio-recheck-')
})
afterEach(() => removeTempDir(dir))

/** Saves `a.md` (base: its bytes before) with `onStep` told each step's index; the result and the steps seen. */
async function save(onStep: (index: number, step: string) => void): Promise<{ code: string; steps: string[] }> {
  const file = path.join(dir, 'a.md')
  fs.writeFileSync(file, 'MINE-0')
  const plain = await NodeArticleStore.open(dir)
  if (!plain.ok) throw new Error(plain.error.message)
  const base = await plain.value.read('a.md')
  if (!base.ok) throw new Error(base.error.message)
  const steps: string[] = []
  const stepped = withSteps(nodeFs, (step, at) => {
    steps.push(`${step} ${path.basename(at)}`)
    onStep(steps.length - 1, step)
  })
  const store = await NodeArticleStore.open(dir, { fs: stepped, retryDelayMs: 1 })
  if (!store.ok) throw new Error(store.error.message)
  const written = await store.value.write('a.md', new TextEncoder().encode('MINE-1'), { baseHash: base.value.version.hash })
  return { code: written.ok ? 'written' : written.error.code, steps }
}

// NOTE: POSIX only: Windows refuses to rename over or delete a file another handle holds open without delete sharing,
// so the other program's changes could not land where these tests put them.
describe.runIf(process.platform !== 'win32')('a save checks its file again before the rename', () => {
  it.each<Change>(['in place, same size', 'replaced by a rename', 'deleted'])('another program\'s change (%s) before any step of a save is never lost', async (kind) => {
    const { steps } = await save(() => undefined)
    const firstRead = steps.indexOf('read a.md')
    // NOTE: the check reads the bytes, then looks at the name: its last step that sees a change of this kind.
    const checkAt = kind === 'in place, same size' ? steps.lastIndexOf('read a.md') : steps.lastIndexOf('lstat a.md')
    const renameAt = steps.findIndex((s) => s.startsWith('rename '))
    expect(0 < firstRead && firstRead < steps.lastIndexOf('read a.md') && checkAt < renameAt).toBe(true)
    for (let k = 0; k < steps.length; k += 1) {
      removeTempDir(dir)
      dir = makeTempDir('folio-recheck-')
      let theirs: string | null | undefined
      const file = path.join(dir, 'a.md')
      const result = await save((index) => {
        if (index === k) theirs = change(kind, file)
      })
      expect(theirs, `step ${k} (${steps[k]}) was reached`).not.toBeUndefined()
      // NOTE: up to the check's read, a change is a CONFLICT (a file deleted before the save read it is made again
      // with the writer's text: ArticleStore.write; one replaced while being opened is opened again, see openConfined). Between that read and the rename lies the window no check can
      // close (a few steps, well under a millisecond): the save wins there. From the rename on, the save came first.
      const isRecreated = kind === 'deleted' && k < firstRead
      const isWindow = k > checkAt && k <= renameAt
      const expected = isRecreated || isWindow ? 'written' : k <= checkAt ? 'CONFLICT' : 'written'
      expect(`${k} ${steps[k]}: ${result.code}`).toBe(`${k} ${steps[k]}: ${expected}`)
      expect(textOf(file), `step ${k} (${steps[k]})`).toBe(isRecreated || isWindow ? 'MINE-1' : theirs)
      expect(fs.readdirSync(dir).filter((n) => n.startsWith('.folio-tmp')), `no temp file left at step ${k}`).toEqual([])
    }
  })
})

describe.runIf(process.platform !== 'win32')('a file replaced while Folio opens it', () => {
  it('reads as the new file (another editor saved by rename), never as a link leading outside', async () => {
    const file = path.join(dir, 'a.md')
    fs.writeFileSync(file, 'OLD')
    let swaps = 0
    // NOTE: replaced between the open and its proof (the kernel then names the fd "a.md (deleted)").
    const stepped = withSteps(nodeFs, (step) => {
      if (step !== 'fstat' || swaps >= 1) return
      swaps += 1
      fs.writeFileSync(`${file}.new`, 'NEW')
      fs.renameSync(`${file}.new`, file)
    })
    const store = await NodeArticleStore.open(dir, { fs: stepped })
    if (!store.ok) throw new Error(store.error.message)
    const read = await store.value.read('a.md')
    expect(read.ok && new TextDecoder().decode(read.value.bytes)).toBe('NEW')
    expect(swaps).toBe(1)
  })

  it('gives up after three replacements in a row with a message that says so, and NOT_FOUND when it was deleted', async () => {
    const file = path.join(dir, 'a.md')
    fs.writeFileSync(file, 'OLD')
    let swaps = 0
    const stepped = withSteps(nodeFs, (step) => {
      if (step !== 'fstat') return
      swaps += 1
      fs.writeFileSync(`${file}.new`, `NEW ${swaps}`)
      fs.renameSync(`${file}.new`, file)
    })
    const store = await NodeArticleStore.open(dir, { fs: stepped })
    if (!store.ok) throw new Error(store.error.message)
    const read = await store.value.read('a.md')
    expect(read.ok || [read.error.code, read.error.message]).toEqual(['INVALID_PATH', '"a.md" kept being replaced while Folio opened it; try again.'])
    expect(swaps).toBe(3)
    const deleting = withSteps(nodeFs, (step) => {
      if (step === 'fstat' && fs.existsSync(file)) fs.unlinkSync(file)
    })
    const again = await NodeArticleStore.open(dir, { fs: deleting })
    if (!again.ok) throw new Error(again.error.message)
    const gone = await again.value.read('a.md')
    expect(gone.ok || gone.error.code).toBe('NOT_FOUND')
  })
})

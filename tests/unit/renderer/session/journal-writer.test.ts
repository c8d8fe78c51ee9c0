import { Text } from '@codemirror/state'
import type { JournalWriteRequest } from '@shared/api'
import { flatSlice } from '../../../../src/renderer/editor/flat-text'
import { JournalWriter, journalSliceChars, type JournalEntry } from '../../../../src/renderer/session/journal-writer'
import { seededRandom } from '../../../support/seeded-random'

const ok = { ok: true as const, value: undefined }

/** A writer over a recording API whose deferred slices run when the test says. */
function writer(entryOf: (path: string) => JournalEntry | null) {
  const written: JournalWriteRequest[] = []
  const cleared: string[] = []
  const steps: (() => void)[] = []
  const api = {
    writeJournal: (request: JournalWriteRequest) => (written.push(request), Promise.resolve(ok)),
    clearJournal: (path: string) => (cleared.push(path), Promise.resolve(ok)),
  }
  const journal = new JournalWriter(api, entryOf, 400, (next) => steps.push(next))
  /** Runs the deferred slices one by one (each after the promises of the last settle). */
  const drain = async () => {
    for (let i = 0; i < 10_000; i++) {
      await new Promise((resolve) => setImmediate(resolve))
      const step = steps.shift()
      if (step === undefined) return
      step()
    }
  }
  return { journal, written, cleared, steps, drain }
}

const docOf = (text: string) => Text.of(text.split('\n'))
const entry = (doc: Text): JournalEntry => ({ path: 'long.md', baseVersion: null, text: { length: doc.length, slice: (from, to) => flatSlice(doc, from, to) } })
const longText = Array.from({ length: 6000 }, (_, i) => `Line ${i} of a long article, with words enough to fill it.`).join('\n')

describe('JournalWriter', () => {
  it('reads a long text a slice per task and writes it whole', async () => {
    const doc = docOf(longText)
    const { journal, written, steps, drain } = writer(() => entry(doc))
    const flushed = journal.flush('long.md')
    // The first slice is read at once; the others wait for their tasks.
    await new Promise((resolve) => setImmediate(resolve))
    expect(written).toHaveLength(0)
    expect(steps).toHaveLength(1)
    await drain()
    await flushed
    expect(written).toEqual([{ path: 'long.md', baseVersion: null, text: longText }])
    expect(Math.ceil(longText.length / journalSliceChars)).toBeGreaterThan(3)
  })

  it('writes a short text at once, with no deferred slice', async () => {
    const { journal, written, steps } = writer(() => entry(docOf('short\ntext')))
    await journal.flush('long.md')
    expect(written.map((w) => w.text)).toEqual(['short\ntext'])
    expect(steps).toHaveLength(0)
  })

  it.each([
    ['typed again', (journal: JournalWriter) => journal.schedule('long.md')],
    ['saved', (journal: JournalWriter) => journal.clear('long.md')],
    ['closed with the folder', (journal: JournalWriter) => journal.dispose()],
  ])('drops a long text read before the article was %s', async (_name, after) => {
    const doc = docOf(longText)
    const { journal, written, drain } = writer(() => entry(doc))
    const flushed = journal.flush('long.md')
    after(journal)
    await drain()
    await flushed
    expect(written).toHaveLength(0)
    journal.dispose()
  })

  it('clears the entry of a document with nothing unsaved', async () => {
    const { journal, written, cleared } = writer(() => null)
    await journal.flush('a.md')
    expect(cleared).toEqual(['a.md'])
    expect(written).toHaveLength(0)
  })
})

describe('flatSlice', () => {
  it('answers what sliceString answers, over random ranges', () => {
    const doc = docOf(longText.slice(0, 50_000))
    const next = seededRandom(5)
    for (let i = 0; i < 200; i++) {
      const a = Math.floor(next() * (doc.length + 1))
      const b = Math.floor(next() * (doc.length + 1))
      const [from, to] = a <= b ? [a, b] : [b, a]
      expect(flatSlice(doc, from, to)).toBe(doc.sliceString(from, to))
    }
    expect(flatSlice(doc, 0, doc.length)).toBe(doc.toString())
  })
})

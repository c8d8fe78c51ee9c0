import { Text } from '@codemirror/state'
import type { JournalWriteRequest } from '@shared/api'
import { flatSlice } from '../../../../src/renderer/editor/flat-text'
import { changeBetween, JournalWriter, journalSliceChars, type JournalEntry } from '../../../../src/renderer/session/journal-writer'
import { seededRandom } from '../../../support/seeded-random'
import { FakeApi } from '../fake-api'

const ok = { ok: true as const, value: undefined }
const value = <T,>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

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
const entry = (doc: Text): JournalEntry => ({ path: 'long.md', baseVersion: null, text: doc })
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
    expect(written).toEqual([{ path: 'long.md', baseVersion: null, text: longText, entry: { id: expect.any(String) as string, step: 0 } }])
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

describe('JournalWriter after the first entry', () => {
  /** A writer over the fake API (the store's patch rule), journaling `current()`, and a flush that drains it. */
  function patching(current: () => Text) {
    const api = new FakeApi({})
    const steps: (() => void)[] = []
    const journal = new JournalWriter(api, () => entry(current()), 400, (next) => steps.push(next))
    const flush = async () => {
      const flushed = journal.flush('long.md')
      for (let i = 0; i < 100; i++) {
        await new Promise((resolve) => setImmediate(resolve))
        steps.shift()?.()
      }
      await flushed
    }
    return { api, journal, flush }
  }

  it('sends only the change since the last entry, and the journal holds the editor\'s text after each pause', async () => {
    let doc = docOf(longText)
    const { api, journal, flush } = patching(() => doc)
    await flush()
    expect(api.journalWrites.map((w) => [w.text.length, w.patch])).toEqual([[longText.length, undefined]])
    const next = seededRandom(22)
    for (let round = 0; round < 40; round++) {
      // NOTE: typing, deleting, replacing and pasting, in the middle, at both ends and across lines.
      const at = round % 10 === 0 ? 0 : round % 10 === 1 ? doc.length : Math.floor(next() * doc.length)
      const to = Math.min(doc.length, at + (round % 3 === 0 ? Math.floor(next() * 200) : 0))
      const insert = round % 4 === 1 ? '' : round % 7 === 0 ? 'pasted\nlines\n'.repeat(50) : 'x'.repeat(1 + Math.floor(next() * 5))
      if (at === to && insert === '') continue
      doc = doc.replace(at, to, Text.of(insert.split('\n')))
      const before = api.journalWrites.length
      await flush()
      const sent = api.journalWrites.slice(before)
      expect(sent).toHaveLength(1)
      expect(sent[0]?.patch).toBeDefined()
      // NOTE: at most what was typed: the change found may be smaller when the new text repeats the old at its ends.
      expect(sent[0]?.text.length).toBeLessThanOrEqual(insert.length)
      expect(api.journal.get('long.md')?.text).toBe(doc.toString())
    }
    journal.dispose()
  })

  it('sends one write of an article at a time: a pause while the last write is on its way waits for its answer, then patches it', async () => {
    let doc = docOf(longText)
    const api = new FakeApi({})
    const held: (() => void)[] = []
    const gated = {
      writeJournal: (request: JournalWriteRequest) => new Promise<Awaited<ReturnType<FakeApi['writeJournal']>>>((resolve) => held.push(() => resolve(api.writeJournal(request)))),
      clearJournal: api.clearJournal,
    }
    const journal = new JournalWriter(gated, () => entry(doc), 400, (next) => setTimeout(next, 0))
    const answerAll = async (done: Promise<void>[]) => {
      let isDone = false
      void Promise.all(done).then(() => (isDone = true))
      while (!isDone) {
        await new Promise((resolve) => setTimeout(resolve, 0))
        held.shift()?.()
      }
    }
    await answerAll([journal.flush('long.md')])
    doc = doc.replace(100, 100, Text.of(['first']))
    const first = journal.flush('long.md')
    await vi.waitFor(() => expect(held).toHaveLength(1))
    doc = doc.replace(200, 200, Text.of(['second']))
    const second = journal.flush('long.md')
    await answerAll([first, second])
    expect(api.journalWrites.map((w) => [w.entry?.step, w.patch === undefined ? 'whole' : w.text])).toEqual([
      [0, 'whole'],
      [1, 'first'],
      [2, 'second'],
    ])
    expect(api.journal.get('long.md')?.text).toBe(doc.toString())
    journal.dispose()
  })

  it('writes nothing when the text did not change since the last entry', async () => {
    const doc = docOf(longText)
    const { api, flush } = patching(() => doc)
    await flush()
    await flush()
    expect(api.journalWrites).toHaveLength(1)
  })

  it('sends the whole text when the store refuses the change (its entry cleared or replaced by another window)', async () => {
    let doc = docOf(longText)
    const { api, flush } = patching(() => doc)
    await flush()
    value(await api.writeJournal({ path: 'long.md', text: 'another window', baseVersion: null, entry: { id: 'other', step: 0 } }))
    doc = doc.replace(10, 10, Text.of(['typed']))
    await flush()
    expect(api.journalWrites.slice(-2).map((w) => [w.patch === undefined, w.text.length])).toEqual([[false, 5], [true, doc.length]])
    expect(api.journal.get('long.md')?.text).toBe(doc.toString())
    value(await api.clearJournal('long.md'))
    doc = doc.replace(0, 3, Text.of(['']))
    await flush()
    expect(api.journal.get('long.md')?.text).toBe(doc.toString())
  })
})

describe('changeBetween', () => {
  it('answers the one change between two documents, shared or built apart', () => {
    const next = seededRandom(9)
    const a = docOf(longText.slice(0, 40_000))
    for (let i = 0; i < 200; i++) {
      const at = Math.floor(next() * a.length)
      const to = Math.min(a.length, at + Math.floor(next() * 50))
      const insert = ['', 'a', '\n', 'Line', 'x\ny', a.sliceString(at, to)][i % 6] ?? ''
      const edited = a.replace(at, to, Text.of(insert.split('\n')))
      for (const b of [edited, docOf(edited.toString())]) {
        const change = changeBetween(a, b)
        expect(change.from).toBeLessThanOrEqual(change.toA)
        expect(a.sliceString(0, change.from) + b.sliceString(change.from, change.toB) + a.sliceString(change.toA)).toBe(b.toString())
        expect(change.toA - change.from).toBeLessThanOrEqual(to - at)
      }
    }
    // Several edits apart, on a 1 MB document (a deeper tree, most of it shared): the one change spans them all.
    const big = docOf(longText.repeat(3))
    for (let i = 0; i < 15; i++) {
      let b = big
      for (let k = 0; k < 1 + (i % 3); k++) {
        const at = i % 10 === 0 ? 0 : i % 10 === 1 ? b.length : Math.floor(next() * b.length)
        const to = Math.min(b.length, at + Math.floor(next() * 3000))
        b = b.replace(at, to, Text.of(['typed', 'lines'].slice(0, 1 + (k % 2))))
      }
      const change = changeBetween(big, b)
      expect(big.sliceString(0, change.from) + b.sliceString(change.from, change.toB) + big.sliceString(change.toA)).toBe(b.toString())
      const reverse = changeBetween(b, big)
      expect(b.sliceString(0, reverse.from) + big.sliceString(reverse.from, reverse.toB) + b.sliceString(reverse.toA)).toBe(big.toString())
    }
    expect(changeBetween(a, a)).toEqual({ from: a.length, toA: a.length, toB: a.length })
    expect(changeBetween(docOf(''), docOf('abc'))).toEqual({ from: 0, toA: 0, toB: 3 })
    expect(changeBetween(docOf('aaa'), docOf('aaaa'))).toEqual({ from: 3, toA: 3, toB: 4 })
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

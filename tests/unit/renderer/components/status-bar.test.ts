import { EditorSelection, EditorState, type ChangeSet } from '@codemirror/state'
import { frontMatterState } from '@renderer/editor/extensions/front-matter-state'
import { bodyPieces, caretStats, countSliceChars, countTextStats, textStats, type BodyCount } from '@renderer/components/StatusBar'
import { countWords, wordCountPieces } from '@shared/markdown/word-count'
import { seededRandom } from '../../../support/seeded-random'

const make = (doc: string, selection = EditorSelection.single(0)) => EditorState.create({ doc, selection, extensions: [frontMatterState()] })
const now = Date.parse('2026-06-01T00:00:00Z')

describe('status bar counts', () => {
  it('counts the body only: front matter and shortcodes excluded, the index\'s count', () => {
    const doc = '---\ntitle: Many words in the title\n---\nOne two {{< figure src="a.png" >}} three.\n'
    const stats = textStats(make(doc), null, now)
    expect(stats.words).toBe(3)
    expect(stats.words).toBe(countWords(doc, doc.indexOf('One')))
    expect(stats.characters).toBe(doc.length - doc.indexOf('One'))
  })

  it('counts CJK text by character and says so (reading time uses it)', () => {
    const stats = textStats(make('日本語の文章です。'), null, now)
    expect(stats.isCjk).toBe(true)
    expect(stats.words).toBeGreaterThan(3)
  })

  it('gives line and column (1-based) of the caret and the words selected', () => {
    const doc = 'first line\nsecond line here\n'
    const at = doc.indexOf('line here')
    expect(caretStats(make(doc, EditorSelection.single(at)))).toEqual({ line: 2, column: 8, selectedWords: 0 })
    expect(caretStats(make(doc, EditorSelection.single(at, doc.length))).selectedWords).toBe(2)
  })

  it('gives Hugo\'s verdict from the shared rulebook: draft, future, expired, published, and none on errors', () => {
    const verdict = (fm: string) => textStats(make(`---\n${fm}\n---\nBody\n`), null, now).verdict
    expect(verdict('draft: true')).toEqual({ status: 'draft', reasons: ['draft is true'] })
    expect(verdict('date: 2099-01-01')?.status).toBe('future')
    expect(verdict('expiryDate: 2020-01-01')?.status).toBe('expired')
    expect(verdict('title: x')).toEqual({ status: 'published', reasons: [] })
    expect(verdict('title: [unclosed')).toBeNull()
    expect(textStats(make('No front matter.\n'), null, now).verdict?.status).toBe('published')
  })

  it('reads dates in the site\'s time zone', () => {
    const doc = '---\ndate: 2026-06-01T05:00:00\n---\n'
    expect(textStats(make(doc), 'UTC', now).verdict?.status).toBe('future')
    expect(textStats(make(doc), 'America/Los_Angeles', Date.parse('2026-06-01T11:00:00Z')).verdict?.status).toBe('future')
    expect(textStats(make(doc), 'America/Los_Angeles', Date.parse('2026-06-01T13:00:00Z')).verdict?.status).toBe('published')
  })

  it('counts a long article a slice per task, after the keystroke, to the same figures as one pass', () => {
    const paragraph = 'Word {{< ref "a.md" >}} more words here, and\n{{< figure\n  src="x.png" >}} after.\n\n'
    const doc = `---\ntitle: Long\n---\n${paragraph.repeat(Math.ceil((3 * countSliceChars) / paragraph.length))}`
    const state = make(doc)
    const tasks: (() => void)[] = []
    const results: unknown[] = []
    countTextStats(state, null, (stats) => results.push(stats), (next) => tasks.push(next))
    // NOTE: nothing is counted on the caller's turn; each deferred task counts one slice, the last one reports.
    expect(results).toEqual([])
    let slices = 0
    while (tasks.length > 0) {
      tasks.shift()?.()
      slices++
    }
    expect(slices).toBeGreaterThan(3)
    expect(results).toHaveLength(1)
    expect((results[0] as { words: number }).words).toBe(textStats(state, null).words)
    expect((results[0] as { characters: number }).characters).toBe(textStats(state, null).characters)
  })

  it('reads the body from the document in the pieces wordCountPieces cuts from the whole text', () => {
    const next = seededRandom(5)
    const parts = ['word ', 'two words\n', '\n', '\n\n', '{{< ref "a.md" >}} ', '{{% n\n %}}', '日本 ', '']
    for (let round = 0; round < 30; round++) {
      let text = '---\ntitle: x\n---\n'
      for (let n = Math.floor(next() * 400); n > 0; n--) text += parts[Math.floor(next() * parts.length)] ?? ''
      const from = text.indexOf('---\n', 4) + 4
      const size = 1 + Math.floor(next() * 60)
      const pieces = [...bodyPieces(make(text).doc, from, size)]
      expect(pieces.join('')).toBe(text.slice(from))
      expect(pieces.map((piece) => countWords(piece))).toEqual([...wordCountPieces(text, from, size)])
    }
  })

  it('counts again only the pieces an edit touched, to the figures of a whole count', () => {
    const next = seededRandom(11)
    const paragraph = 'Word {{< ref "a.md" >}} more words here, and\n{{< figure\n  src="x.png" >}} after.\n\n'
    const parts = ['word ', 'two words\n', '\n', '\n\n', '{{< ref "a.md" >}} ', '{{% n\n %}}', '日本 ', '', 'x', '---\n']
    const run = (state: EditorState, reuse: { count: BodyCount; changes: ChangeSet } | null = null) => {
      const tasks: (() => void)[] = []
      const results: { words: number; count: BodyCount | null }[] = []
      countTextStats(state, null, (stats, count) => results.push({ words: stats.words, count }), (task) => tasks.push(task), reuse)
      let slices = 0
      while (tasks.length > 0) {
        tasks.shift()?.()
        slices++
      }
      const [result] = results
      if (result === undefined) throw new Error('no count')
      return { ...result, slices }
    }
    let state = make(`---\ntitle: Long\n---\n${paragraph.repeat(Math.ceil((6 * countSliceChars) / paragraph.length))}`)
    let last = run(state)
    expect(last.slices).toBeGreaterThan(6)
    let reread = 0
    for (let round = 0; round < 30; round++) {
      // NOTE: one or two edits anywhere (the front matter too): insertions, deletions and replacements of what
      // matters to a cut (blank lines, line breaks, shortcodes spanning lines), composed as the status bar does.
      let changes = state.changes([])
      for (let n = 1 + Math.floor(next() * 2); n > 0; n--) {
        // NOTE: half the edits at or next to a cut of the last count, where a reused piece could go wrong.
        const cuts = (last.count?.pieces ?? []).map((piece) => changes.mapPos(piece.from))
        const near = (cuts[Math.floor(next() * cuts.length)] ?? 0) + Math.floor(next() * 5) - 2
        const from = Math.max(0, Math.min(state.doc.length, next() < 0.5 ? near : Math.floor(next() * state.doc.length)))
        const to = Math.min(state.doc.length, from + (next() < 0.5 ? 0 : Math.floor(next() * 12)))
        const tr = state.update({ changes: { from, to, insert: parts[Math.floor(next() * parts.length)] ?? '' } })
        changes = changes.compose(tr.changes)
        state = tr.state
      }
      const again = run(state, last.count === null ? null : { count: last.count, changes })
      expect(again.words).toBe(textStats(state, null).words)
      // NOTE: an edit that leaves the front matter unclosed leaves no body to count by pieces.
      if (again.count === null) {
        last = again
        continue
      }
      // NOTE: the pieces cover the body, one after another, and each holds the count of its own text.
      const { count } = again
      expect(count.pieces.map((piece) => `${piece.from}-${piece.to}`).join(' ')).toBe(count.pieces.map((piece, i) => `${i === 0 ? count.from : count.pieces[i - 1]?.to}-${piece.to}`).join(' '))
      expect(count.pieces.at(-1)?.to).toBe(state.doc.length)
      expect(count.pieces.map((piece) => countWords(state.doc.sliceString(piece.from, piece.to)))).toEqual(count.pieces.map((piece) => piece.words))
      reread += again.slices
      last = again
    }
    // NOTE: a whole count reads every slice (7 tasks) each round; these edits touch one or two pieces a round.
    expect(reread).toBeLessThan(30 * 4)
  })

  it('stops counting when cancelled (another keystroke came)', () => {
    const state = make('word '.repeat(3 * countSliceChars))
    const tasks: (() => void)[] = []
    const results: unknown[] = []
    const cancel = countTextStats(state, null, (stats) => results.push(stats), (next) => tasks.push(next))
    tasks.shift()?.()
    cancel()
    while (tasks.length > 0) tasks.shift()?.()
    expect(results).toEqual([])
  })

  it('counts an ordinary article at once', () => {
    const results: unknown[] = []
    countTextStats(make('One two three.\n'), null, (stats) => results.push(stats), () => {
      throw new Error('an ordinary article needs no second task')
    })
    expect(results).toHaveLength(1)
  })
})


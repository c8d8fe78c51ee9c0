import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import type { BuildStatus } from '@shared/api'
import { ChangeSet, type EditorState, type Text } from '@codemirror/state'
import { countWords, readingMinutes } from '@shared/markdown/word-count'
import { entriesOfFields } from '@shared/hugo/entries'
import { hugoVerdict, readHugoPage, rulesWithTimeZone, type HugoVerdict } from '@shared/hugo/page'
import type { EditorController } from '../editor/editor-controller'
import { frontMatterOf } from '../editor/extensions/front-matter-state'
import type { SessionSnapshot } from '../session/session-snapshot'

/** Props of the status bar. */
export interface StatusBarProps {
  editor: EditorController
  snapshot: SessionSnapshot
  /** The site's time zone (from its configuration, via the folder schema) for Hugo's dates; null for UTC. */
  timeZone: string | null
  /** Shown once, while the editor has focus for the first time: how to leave it with the keyboard. */
  hint: string | null
  /** The Git branch with its ahead/behind counts, when the folder is a repository. */
  git?: ReactNode
}

interface TextStats {
  words: number
  characters: number
  isCjk: boolean
  /** Hugo's build verdict by the shared rulebook (the form's), or null while the front matter cannot be read. */
  verdict: HugoVerdict | null
}

interface CaretStats {
  line: number
  column: number
  selectedWords: number
}

const buildLabels: Record<BuildStatus, string> = { published: 'Hugo builds it', draft: 'Draft: not built', future: 'Scheduled: not built yet', expired: 'Expired: not built' }
const number = new Intl.NumberFormat()

/**
 * The body's words (the index's count: front matter and shortcodes excluded) and characters, and Hugo's verdict at
 * `nowMs` by the shared rulebook (the same the form shows). `words` when already counted (see countTextStats). Reads
 * the front matter and the body's first characters only, never the whole text.
 */
export function textStats(state: EditorState, timeZone: string | null = null, nowMs: number = Date.now(), words?: number): TextStats {
  const frontMatter = frontMatterOf(state)
  const doc = state.doc
  const from = frontMatter.block?.to ?? 0
  const cjk = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/.test(doc.sliceString(from, from + 2000))
  const verdict = frontMatter.errors.length > 0 ? null : hugoVerdict(readHugoPage(entriesOfFields(doc.sliceString(0, from), frontMatter.fields), frontMatter.format === 'none' ? 'yaml' : frontMatter.format, rulesWithTimeZone(timeZone)), nowMs)
  return { words: words ?? countWords(doc.sliceString(from)), characters: doc.length - from, isCjk: cjk, verdict }
}

/** Bodies up to this many characters are counted in one go; longer ones a piece of this size per task. */
export const countSliceChars = 65_536

/**
 * The body of `doc` from `from` in pieces of about `size` characters, each read from the document on its own and
 * ending at the start of an empty line, as wordCountPieces cuts them (a word never spans a line break, a shortcode tag
 * never spans a blank line): the pieces' counts sum to the whole count.
 */
export function* bodyPieces(doc: Text, from: number, size: number): Generator<string, void, undefined> {
  for (const [at, to] of pieceRanges(doc, from, size)) yield doc.sliceString(at, to)
}

/** Where bodyPieces cuts [from, end) of `doc` (`end` a cut itself: the document's end or the start of a piece). */
function* pieceRanges(doc: Text, from: number, size: number, end = doc.length): Generator<[number, number], void, undefined> {
  for (let at = from; at < end; ) {
    let to = end
    // NOTE: wordCountPieces ends a piece after the first newline of the first "\n\n" at or after at + size: the
    // start of the first empty line that begins after at + size.
    if (at + size + 1 <= end) {
      for (let n = doc.lineAt(at + size + 1).number; n <= doc.lines; n++) {
        const line = doc.line(n)
        if (line.from >= end) break
        if (line.from >= at + size + 1 && line.length === 0 && n < doc.lines) {
          to = line.from
          break
        }
      }
    }
    yield [at, to]
    at = to
  }
}

/** A long body's count by pieces (cut as bodyPieces cuts), which the next count reuses where no edit touched them. */
export interface BodyCount {
  from: number
  pieces: readonly { from: number; to: number; words: number }[]
}

/**
 * textStats of `state` for `done`: at once for an ordinary article, a slice per task for a long one, so counting a
 * 1 MB article never holds the main thread (each slice reads and counts about countSliceChars of text, never the
 * whole text). `reuse`: the last count of a long body and the changes from its text to this one; only the pieces
 * those changes touch are read again (a keystroke: one slice, not the whole body). `done` also gets this count's
 * pieces for the next one. Returns the cancel.
 */
export function countTextStats(
  state: EditorState,
  timeZone: string | null,
  done: (stats: TextStats, count: BodyCount | null) => void,
  defer: (next: () => void) => void = (next) => setTimeout(next, 0),
  reuse: { count: BodyCount; changes: ChangeSet } | null = null,
): () => void {
  const from = frontMatterOf(state).block?.to ?? 0
  if (state.doc.length - from <= countSliceChars) {
    done(textStats(state, timeZone, Date.now()), null)
    return () => {}
  }
  // NOTE: a piece no change touches (its ends included) keeps its text and the characters on both sides of its cuts,
  // so its cuts are still cuts and its count still holds; touched neighbours are read again as one range.
  const plan: { from: number; to: number; words: number | null }[] = []
  const changes = reuse?.changes
  if (reuse !== null && changes !== undefined && changes.length === reuse.count.pieces.at(-1)?.to && changes.newLength === state.doc.length && changes.mapPos(reuse.count.from) === from) {
    for (const piece of reuse.count.pieces) {
      let isTouched = false
      changes.iterChangedRanges((fromA, toA) => {
        if (fromA <= piece.to && toA >= piece.from) isTouched = true
      })
      const last = plan.at(-1)
      if (isTouched && last !== undefined && last.words === null) last.to = changes.mapPos(piece.to, 1)
      else plan.push({ from: changes.mapPos(piece.from, -1), to: changes.mapPos(piece.to, 1), words: isTouched ? null : piece.words })
    }
  } else plan.push({ from, to: state.doc.length, words: null })
  const counted: { from: number; to: number; words: number }[] = []
  const ranges = plan.values()
  let pieces: Generator<[number, number], void, undefined> | null = null
  let isCancelled = false
  const step = (): void => {
    if (isCancelled) return
    for (;;) {
      const range = pieces?.next()
      if (range !== undefined && !range.done) {
        const [at, to] = range.value
        counted.push({ from: at, to, words: countWords(state.doc.sliceString(at, to)) })
        return defer(step)
      }
      const next = ranges.next()
      if (next.done) break
      if (next.value.words !== null) counted.push({ from: next.value.from, to: next.value.to, words: next.value.words })
      else pieces = pieceRanges(state.doc, next.value.from, countSliceChars, next.value.to)
    }
    const words = counted.reduce((sum, piece) => sum + piece.words, 0)
    done(textStats(state, timeZone, Date.now(), words), { from, pieces: counted })
  }
  defer(step)
  return () => {
    isCancelled = true
  }
}

/** Line and column of the caret (1-based) and the words selected. */
export function caretStats(state: EditorState): CaretStats {
  const head = state.selection.main.head
  const line = state.doc.lineAt(head)
  let selectedWords = 0
  for (const range of state.selection.ranges) if (!range.empty) selectedWords += countWords(state.sliceDoc(range.from, range.to))
  return { line: line.number, column: head - line.from + 1, selectedWords }
}

/**
 * The status bar (role `status`) under the panes: words and reading time of the body, characters, line:column,
 * selected words, Hugo's build verdict and the save state. Counts update a moment after typing stops.
 */
export function StatusBar({ editor, snapshot, timeZone, hint, git }: StatusBarProps) {
  const [text, setText] = useState<TextStats | null>(() => (editor.activePath === null ? null : textStats(editor.view.state, timeZone)))
  const [hasCaret, setHasCaret] = useState(() => editor.activePath !== null)
  const [selectedWords, setSelectedWords] = useState(() => (editor.activePath === null ? 0 : caretStats(editor.view.state).selectedWords))
  // NOTE: line and column change on every keystroke: they are written into their element directly, not through
  // React's state. A state change per key cost React a render and commit of the bar in a task of its own, and the
  // browser another style, layout and paint pass of the page (keystroke bench). React renders the element empty and
  // never touches its text; `caret` keeps the latest figures for when the element is mounted again.
  const caret = useRef<CaretStats | null>(editor.activePath === null ? null : caretStats(editor.view.state))
  const caretElement = useRef<HTMLSpanElement | null>(null)
  const caretRef = useCallback((element: HTMLSpanElement | null) => {
    caretElement.current = element
    showCaret(element, caret.current)
  }, [])
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let cancelCount = (): void => {}
    // NOTE: the last count of a long body and the changes since: the next count reads only the pieces they touched.
    let counted: { count: BodyCount; changes: ChangeSet } | null = null
    const finish = (stats: TextStats, count: BodyCount | null): void => {
      setText(stats)
      const length = count?.pieces.at(-1)?.to
      counted = count === null || length === undefined ? null : { count, changes: ChangeSet.empty(length) }
    }
    const recount = (state: EditorState) => {
      clearTimeout(timer)
      cancelCount()
      // NOTE: a large article is counted after a pause, not on every keystroke, and a long one in slices.
      timer = setTimeout(() => (cancelCount = countTextStats(state, timeZone, finish, undefined, counted)), 150)
    }
    const follow = (state: EditorState | null) => {
      const before = caret.current
      caret.current = state === null ? null : caretStats(state)
      showCaret(caretElement.current, caret.current)
      // NOTE: React hears only what changes the bar's elements: an article shown or not, a selection's word count.
      if ((before === null) !== (caret.current === null)) setHasCaret(caret.current !== null)
      if ((before?.selectedWords ?? 0) !== (caret.current?.selectedWords ?? 0)) setSelectedWords(caret.current?.selectedWords ?? 0)
    }
    // NOTE: the time zone arrives with the folder schema, after the first count.
    if (editor.activePath !== null) recount(editor.view.state)
    const stop = editor.subscribe((event) => {
      if (event.kind === 'switched') {
        clearTimeout(timer)
        cancelCount()
        setText(null)
        counted = null
        if (event.path !== null) cancelCount = countTextStats(event.state, timeZone, finish)
        follow(event.path === null ? null : event.state)
        return
      }
      if (event.isDocChanged) {
        counted = counted !== null && counted.changes.newLength === event.changes.length ? { count: counted.count, changes: counted.changes.compose(event.changes) } : null
        recount(event.state)
      }
      follow(event.state)
    })
    return () => {
      clearTimeout(timer)
      cancelCount()
      stop()
    }
  }, [editor, timeZone])
  const hasArticle = snapshot.activePath !== null && text !== null && hasCaret
  return (
    <footer className="status-bar" role="status" aria-label="Status bar">
      {hint !== null && <span className="status-hint">{hint}</span>}
      {hasArticle && (
        <>
          <span>
            {number.format(text.words)} {text.words === 1 ? 'word' : 'words'}
          </span>
          <span>{readingMinutes(text.words, text.isCjk)} min read</span>
          <span>{number.format(text.characters)} characters</span>
          {selectedWords > 0 && <span>{number.format(selectedWords)} selected</span>}
          <span ref={caretRef} />
          {text.verdict === null ? (
            <span className="status-build">Front matter has errors</span>
          ) : (
            <span className={`status-build status-build-${text.verdict.status}`} title={text.verdict.reasons.join('; ')}>
              {buildLabels[text.verdict.status]}
            </span>
          )}
          <span className="status-save">{saveText(snapshot)}</span>
        </>
      )}
      {git}
    </footer>
  )
}

/** Writes line and column into the status bar's caret element (see StatusBar); nothing without one. */
function showCaret(element: HTMLSpanElement | null, caret: CaretStats | null): void {
  if (element === null || caret === null) return
  const label = `Line ${caret.line}, column ${caret.column}`
  if (element.getAttribute('aria-label') === label) return
  element.setAttribute('aria-label', label)
  const text = `Ln ${caret.line}, Col ${caret.column}`
  // NOTE: the text node is kept and its data changed. Setting textContent replaced the node on every key, and a node
  // inserted anywhere in #root made Chromium re-match app.css's `:has()` rules against #root: a style invalidation
  // of the page's root and a text box laid out anew per keystroke (keystroke bench, invalidation tracking).
  const node = element.firstChild
  if (node !== null && node.nodeType === Node.TEXT_NODE && element.childNodes.length === 1) node.nodeValue = text
  else element.textContent = text
}

function saveText(snapshot: SessionSnapshot): string {
  if (snapshot.status === 'saving') return 'Saving…'
  if (snapshot.readOnlyReason !== null) return 'Read-only'
  return snapshot.isDirty ? 'Unsaved changes' : 'Saved'
}

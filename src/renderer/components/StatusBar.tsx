import { useEffect, useState, type ReactNode } from 'react'
import type { BuildStatus } from '@shared/api'
import type { EditorState, Text } from '@codemirror/state'
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
  for (let at = from; at < doc.length; ) {
    let to = doc.length
    // NOTE: wordCountPieces ends a piece after the first newline of the first "\n\n" at or after at + size: the
    // start of the first empty line that begins after at + size.
    if (at + size + 1 <= doc.length) {
      for (let n = doc.lineAt(at + size + 1).number; n <= doc.lines; n++) {
        const line = doc.line(n)
        if (line.from >= at + size + 1 && line.length === 0 && n < doc.lines) {
          to = line.from
          break
        }
      }
    }
    yield doc.sliceString(at, to)
    at = to
  }
}

/**
 * textStats of `state` for `done`: at once for an ordinary article, a slice per task for a long one, so counting a
 * 1 MB article never holds the main thread (each slice reads and counts about countSliceChars of text, never the
 * whole text). Returns the cancel.
 */
export function countTextStats(state: EditorState, timeZone: string | null, done: (stats: TextStats) => void, defer: (next: () => void) => void = (next) => setTimeout(next, 0)): () => void {
  const from = frontMatterOf(state).block?.to ?? 0
  if (state.doc.length - from <= countSliceChars) {
    done(textStats(state, timeZone, Date.now()))
    return () => {}
  }
  const pieces = bodyPieces(state.doc, from, countSliceChars)
  let words = 0
  let isCancelled = false
  const step = (): void => {
    if (isCancelled) return
    const piece = pieces.next()
    if (piece.done) return done(textStats(state, timeZone, Date.now(), words))
    words += countWords(piece.value)
    defer(step)
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
  const [caret, setCaret] = useState<CaretStats | null>(() => (editor.activePath === null ? null : caretStats(editor.view.state)))
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let cancelCount = (): void => {}
    const recount = (state: EditorState) => {
      clearTimeout(timer)
      cancelCount()
      // NOTE: a large article is counted after a pause, not on every keystroke, and a long one in slices.
      timer = setTimeout(() => (cancelCount = countTextStats(state, timeZone, setText)), 150)
    }
    // NOTE: the time zone arrives with the folder schema, after the first count.
    if (editor.activePath !== null) recount(editor.view.state)
    const stop = editor.subscribe((event) => {
      if (event.kind === 'switched') {
        clearTimeout(timer)
        cancelCount()
        setText(null)
        if (event.path !== null) cancelCount = countTextStats(event.state, timeZone, setText)
        setCaret(event.path === null ? null : caretStats(event.state))
        return
      }
      if (event.isDocChanged) recount(event.state)
      setCaret(caretStats(event.state))
    })
    return () => {
      clearTimeout(timer)
      cancelCount()
      stop()
    }
  }, [editor, timeZone])
  const hasArticle = snapshot.activePath !== null && text !== null && caret !== null
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
          {caret.selectedWords > 0 && <span>{number.format(caret.selectedWords)} selected</span>}
          <span aria-label={`Line ${caret.line}, column ${caret.column}`}>
            Ln {caret.line}, Col {caret.column}
          </span>
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

function saveText(snapshot: SessionSnapshot): string {
  if (snapshot.status === 'saving') return 'Saving…'
  if (snapshot.readOnlyReason !== null) return 'Read-only'
  return snapshot.isDirty ? 'Unsaved changes' : 'Saved'
}

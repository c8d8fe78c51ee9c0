import { EditorState, type ChangeSpec } from '@codemirror/state'
import type { UnitPatch } from '@shared/markdown/preview-model'
import { frontMatterOf, frontMatterState } from '../../../../src/renderer/editor/extensions/front-matter-state'
import { bodyEdit, createBodyRenderer, type BodySource } from '../../../../src/renderer/preview/body-renderer'
import { PreviewDom } from '../../../../src/renderer/preview/preview-dom'
import { renderPreviewHtml, sanitizePreviewHeader, previewHeaderHtml, sanitizePreviewUnit } from '../../../../src/renderer/preview/render-preview'
import { seededRandom } from '../../../support/seeded-random'
import { unchunked } from './unchunked'

const start = '---\ntitle: "Edits"\ntags: [a]\n---\n\n# One\n\nText[^1] and *more*.\n\n- a\n- b\n\n[^1]: A note.\n'
const pieces = ['x', ' word', '\n', '\n\n', '## H\n', '[^1]', '---', 'title: y\n', '<b>', '> q\n']

function stateOf(text: string): EditorState {
  return EditorState.create({ doc: text, extensions: [frontMatterState()] })
}

const bodyOf = (state: EditorState): { doc: EditorState['doc']; bodyFrom: number } => ({ doc: state.doc, bodyFrom: frontMatterOf(state).block?.to ?? 0 })

/** A random change: an insertion or deletion anywhere (front matter, body, across both), sometimes two at once. */
function change(state: EditorState, next: () => number): ChangeSpec[] {
  const length = state.doc.length
  const one = (): ChangeSpec => {
    const from = Math.floor(next() * (length + 1))
    const to = next() < 0.3 ? Math.min(length, from + Math.floor(next() * 30)) : from
    return { from, to, insert: to > from && next() < 0.5 ? '' : (pieces[Math.floor(next() * pieces.length)] ?? '') }
  }
  return next() < 0.2 ? [one(), one()].sort((a, b) => ((a as { from: number }).from - (b as { from: number }).from)) : [one()]
}

describe('bodyEdit', () => {
  it('turns random changes into one edit of the body that gives the new body, or asks for the whole body', () => {
    const next = seededRandom(22)
    let state = stateOf(start)
    let edits = 0
    for (let step = 0; step < 400; step++) {
      let specs = change(state, next)
      // NOTE: overlapping random ranges are dropped to one change.
      try {
        state.changes(specs)
      } catch {
        specs = specs.slice(0, 1)
      }
      const tr = state.update({ changes: specs })
      const before = bodyOf(state)
      const after = bodyOf(tr.state)
      const edit = bodyEdit(before, after, tr.changes)
      if (edit !== null && edit.kind === 'edit') {
        edits++
        const old = before.doc.sliceString(before.bodyFrom)
        expect(old.slice(0, edit.from) + edit.insert + old.slice(edit.to)).toBe(after.doc.sliceString(after.bodyFrom))
      }
      state = tr.state
      if (state.doc.length > 4000) state = stateOf(start)
    }
    // Most random changes fall in the body and go as edits; the rest reach the front matter's end.
    expect(edits).toBeGreaterThan(200)
  })

  it('sends a key typed in the body alone, at its place in the body', () => {
    const state = stateOf(start)
    const at = start.indexOf('more')
    const tr = state.update({ changes: { from: at, insert: 'k' } })
    const bodyFrom = frontMatterOf(state).block?.to ?? 0
    expect(bodyEdit(bodyOf(state), bodyOf(tr.state), tr.changes)).toEqual({ kind: 'edit', from: at - bodyFrom, to: at - bodyFrom, insert: 'k' })
  })

  it('sends no body text for an edit inside the front matter that leaves the body where it was', () => {
    const state = stateOf(start)
    const tr = state.update({ changes: { from: start.indexOf('Edits'), insert: 'More ' } })
    expect(bodyEdit(bodyOf(state), bodyOf(tr.state), tr.changes)).toEqual({ kind: 'edit', from: 0, to: 0, insert: '' })
  })
})

describe('the body renderer in the page', () => {
  it('shows what a full render shows after random edits sent as changes', () => {
    const root = document.createElement('main')
    const dom = new PreviewDom(root, { sanitize: (units) => units.map((unit) => sanitizePreviewUnit(unit)), budgetMs: Infinity })
    const renderer = createBodyRenderer((patch: UnitPatch) => dom.apply(patch))
    expect(renderer.isOffThread).toBe(false)
    const next = seededRandom(7)
    let state = stateOf(start)
    const request = (s: EditorState, changes: BodySource['changes'], isReset = false): void => {
      dom.setHeader(sanitizePreviewHeader(previewHeaderHtml(s)))
      const { doc, bodyFrom } = bodyOf(s)
      renderer.request({ doc, bodyFrom, changes, lineOffset: doc.lineAt(bodyFrom).number - 1, allowRemoteImages: false, asset: null, isReset })
    }
    request(state, null, true)
    for (let step = 0; step < 60; step++) {
      // NOTE: several transactions between renders, as typing between two pauses gives; their changes are composed.
      let changes = state.changes()
      for (let n = 1 + Math.floor(next() * 3); n > 0; n--) {
        const tr = state.update({ changes: change(state, next).slice(0, 1) })
        changes = changes.compose(tr.changes)
        state = tr.state
      }
      request(state, changes)
      const reference = document.createElement('main')
      reference.innerHTML = renderPreviewHtml(state)
      expect(unchunked(root)).toBe(reference.innerHTML)
    }
    renderer.dispose()
  })
})

/**
 * A jump in the editor (outline click, search hit) tells the preview which source line to show. The editor's own
 * scrolling cannot carry it: when the target is already on screen the editor does not scroll, and when the writer last
 * scrolled the preview, the preview leads and ignores the editor's scrolling.
 */
export const revealLineEvent = 'folio-reveal-line'

/** Where the revealed line should sit in the preview: at its top (outline) or its middle (search hit). */
export interface RevealLine {
  line: number
  y: 'start' | 'center'
}

/** Announces a jump to `line` from the editor's scroller (a DOM event: the preview need not know the editor's code). */
export function announceRevealLine(scroller: HTMLElement, reveal: RevealLine): void {
  scroller.dispatchEvent(new CustomEvent<RevealLine>(revealLineEvent, { detail: reveal }))
}

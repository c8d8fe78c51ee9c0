import type { Extension } from '@codemirror/state'
import { EditorView, ViewPlugin, drawSelection, type ViewUpdate } from '@codemirror/view'

/** Half of the caret's blink cycle: shown this long, then hidden this long (CodeMirror's own cycle is 1.2 s). */
export const caretBlinkHalfMs = 600

/**
 * The caret's blink by a timer, two style changes a second, instead of drawSelection's CSS animation.
 * NOTE: that animation (`steps(1) cm-blink 1.2s infinite` on the cursor layer) keeps Chromium producing a frame at
 * every display refresh while the editor has focus, even when nothing changes on screen: with the sample article open
 * and nothing happening, Chromium's processes used ~0.06 s of CPU a second with it and ~0.03 s without, for as long
 * as a writer keeps the editor focused. Here the cursor layer's opacity flips every caretBlinkHalfMs: two frames a
 * second. The caret shows at once and the cycle starts again at every edit, caret move and focus change, as
 * CodeMirror's does; it is never hidden while the editor is not focused.
 */
export function caretBlink(): Extension {
  return [
    // NOTE: a blink rate of 0 gives the layer's animation no duration, so it never runs; the theme takes it away too.
    drawSelection({ cursorBlinkRate: 0 }),
    EditorView.theme({ '&.cm-focused > .cm-scroller > .cm-cursorLayer': { animation: 'none' } }),
    ViewPlugin.fromClass(
      class {
        private timer: ReturnType<typeof setInterval> | null = null
        private isHidden = false

        constructor(private readonly view: EditorView) {
          this.restart()
        }

        update(update: ViewUpdate): void {
          if (update.docChanged || update.selectionSet || update.focusChanged) this.restart()
        }

        destroy(): void {
          this.stop()
        }

        /** The caret shown now, and blinking from here while the editor has focus. */
        private restart(): void {
          this.stop()
          if (this.view.hasFocus) this.timer = setInterval(() => this.show(this.isHidden), caretBlinkHalfMs)
        }

        private stop(): void {
          if (this.timer !== null) clearInterval(this.timer)
          this.timer = null
          this.show(true)
        }

        private show(isShown: boolean): void {
          if (this.isHidden === !isShown) return
          this.isHidden = !isShown
          const layer = this.view.dom.querySelector<HTMLElement>('.cm-cursorLayer')
          if (layer !== null) layer.style.opacity = isShown ? '' : '0'
        }
      },
    ),
  ]
}

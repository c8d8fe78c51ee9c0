import { Prec, type Extension } from '@codemirror/state'
import { keymap } from '@codemirror/view'

/** Mod-s runs `onSave` instead of the browser's "save page"; high precedence so no other binding shadows it. */
export function saveKeymap(onSave: () => void): Extension {
  return Prec.highest(
    keymap.of([
      {
        key: 'Mod-s',
        preventDefault: true,
        run: () => {
          onSave()
          return true
        },
      },
    ]),
  )
}

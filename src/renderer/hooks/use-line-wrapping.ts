import { useEffect, useState } from 'react'
import type { EditorController } from '../editor/editor-controller'

const storageKey = 'folio.lineWrapping'

/** The line-wrapping preference (on by default), remembered in localStorage and applied to the editor once it exists. */
export function useLineWrapping(editor: EditorController | null): [boolean, (isOn: boolean) => void] {
  const [isOn, setIsOn] = useState(() => localStorage.getItem(storageKey) !== 'false')
  useEffect(() => {
    editor?.setLineWrapping(isOn)
    localStorage.setItem(storageKey, String(isOn))
  }, [editor, isOn])
  return [isOn, setIsOn]
}

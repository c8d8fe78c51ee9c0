import { useEffect, useState } from 'react'
import { themeRule } from '../preview/frame-document'

/** The app's theme variables as a CSS rule for the preview frame, recomputed when the system switches light/dark. */
export function useThemeRule(): string {
  const [rule, setRule] = useState(() => themeRule(document.documentElement))
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return undefined
    const query = window.matchMedia('(prefers-color-scheme: dark)')
    const onChange = (): void => setRule(themeRule(document.documentElement))
    query.addEventListener('change', onChange)
    return () => query.removeEventListener('change', onChange)
  }, [])
  return rule
}

import { useEffect } from 'react'

/**
 * While `hasUnsaved`, asks the browser to confirm leaving the page. Browser mode only: in Electron a
 * `beforeunload` veto would silently block closing the window unless main handles it (issue "editing safety").
 */
export function useUnsavedGuard(hasUnsaved: boolean, isEnabled: boolean): void {
  useEffect(() => {
    if (!hasUnsaved || !isEnabled) return
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => window.removeEventListener('beforeunload', onBeforeUnload)
  }, [hasUnsaved, isEnabled])
}

/** The longest a task scheduled with `whenIdle` waits for an idle moment, in milliseconds. */
export const idleTimeoutMs = 1000

/**
 * Runs `task` once the browser is idle (at the latest after `idleTimeoutMs`); returns a function that cancels it.
 * Falls back to a timer where requestIdleCallback is missing (Safari, jsdom).
 */
export function whenIdle(task: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(task, { timeout: idleTimeoutMs })
    return () => window.cancelIdleCallback(handle)
  }
  const timer = setTimeout(task, 1)
  return () => clearTimeout(timer)
}

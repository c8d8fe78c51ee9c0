import { execFileSync } from 'node:child_process'

/**
 * True when a `hugo` binary runs here (CI installs Hugo 0.111): tests then compare Folio with the live Hugo as well as
 * with the verdicts recorded from it.
 */
export const hasHugo = ((): boolean => {
  try {
    execFileSync('hugo', ['version'], { stdio: 'ignore' })
    return true
  } catch {
    return false // NOTE: not installed (or not runnable): the recorded verdicts still hold Folio to Hugo.
  }
})()

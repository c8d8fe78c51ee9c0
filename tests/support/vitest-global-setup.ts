import { useTempRoot } from './temp-root'

/** Vitest's global setup (vitest.config.ts): the run writes only inside its own temp folder, removed at the end. */
export default function setup(): () => void {
  return useTempRoot('folio-unit-')
}

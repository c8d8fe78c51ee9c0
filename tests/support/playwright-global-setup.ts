import { useTempRoot } from './temp-root'

/** Playwright's global setup (playwright.config.ts): the run writes only inside its own temp folder, removed at the end. */
export default function setup(): () => void {
  return useTempRoot('folio-e2e-run-')
}

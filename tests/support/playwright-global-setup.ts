import { useTempRoot } from './temp-root'

/** Playwright's global setup (playwright.config.ts): the run writes only inside its own temp folder, removed at the end. */
export default function setup(): () => void {
  // NOTE: as in the unit run (vitest-global-setup.ts): NODE_EXTRA_CA_CERTS makes every Node process read and parse that
  // certificate bundle as it starts (0.06 s of CPU on the CI machine). The e2e run starts a `folio serve` for each test
  // and three Playwright workers, and none speaks TLS; the workers and what they start inherit the environment without
  // it. Put back at the end like the variables useTempRoot redirects.
  const extraCerts = process.env.NODE_EXTRA_CA_CERTS
  delete process.env.NODE_EXTRA_CA_CERTS
  const removeRoot = useTempRoot('folio-e2e-run-')
  return () => {
    removeRoot()
    if (extraCerts !== undefined) process.env.NODE_EXTRA_CA_CERTS = extraCerts
  }
}

import { useTempRoot } from './temp-root'

/** Vitest's global setup (vitest.config.ts): the run writes only inside its own temp folder, removed at the end. */
export default function setup(): () => void {
  // NOTE: NODE_EXTRA_CA_CERTS makes every Node process read and parse that certificate bundle as it starts: on the CI
  // machine 0.06 s of CPU per start, 40% of a bare `node -e 0` and 30% of a kill-test saver's whole life. The unit
  // tests start over a hundred Node processes (savers, the CLI, servers) and none speaks TLS to anyone; the workers
  // and everything they start inherit the environment without it. Put back at the end like the variables below.
  const extraCerts = process.env.NODE_EXTRA_CA_CERTS
  delete process.env.NODE_EXTRA_CA_CERTS
  const removeRoot = useTempRoot('folio-unit-')
  return () => {
    removeRoot()
    if (extraCerts !== undefined) process.env.NODE_EXTRA_CA_CERTS = extraCerts
  }
}

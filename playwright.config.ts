import { defineConfig } from '@playwright/test'

/** Browser-mode E2E in Debian's Chromium against `folio serve`; Electron tests run only where a binary exists. */
export default defineConfig({
  testDir: 'tests/e2e',
  // NOTE: the run writes only inside one temp folder (TMPDIR, HOME and the cache folders point there), removed at the
  // end; the workers start after this and inherit it.
  globalSetup: './tests/support/playwright-global-setup.ts',
  // NOTE: no retries: a test that passes only on a second try is a bug to fix, not noise to hide.
  retries: 0,
  // NOTE: both are hang detectors, not speed checks: every wait is Playwright's auto-waiting, which returns as soon as
  // its condition holds, so a passing test costs the same whatever the ceiling. At 10 s / 60 s, six tests failed at
  // load 25-30 on two cores (index, git sync, link scan, image resize each still working, all passing alone).
  timeout: 180_000,
  expect: { timeout: 45_000 },
  // NOTE: tests, not files, are dealt to the workers: every test serves its own folder (a file shares nothing between
  // its tests but helpers), and with whole files the last one (preview, ~75 s) ran alone while the other worker idled.
  fullyParallel: true,
  // NOTE: three workers on two cores: a test mostly waits (the server, the app's debounces, Chromium), and two workers
  // beside lint used under 1.2 of the 2 cores in the idle CI (e2e 155 s of CPU in 226 s). Back to back at load 14-19,
  // all 42 tests: 2 workers 382 s wall, 191 s CPU; 3 workers 352 s wall, 177 s CPU; all passed both times.
  workers: 3,
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    viewport: { width: 1400, height: 860 },
    trace: 'off',
  },
})

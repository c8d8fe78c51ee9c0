import { createRequire } from 'node:module'
import { defineConfig } from '@playwright/test'

/**
 * The Chromium features switched off for the e2e run: Playwright's own list, then the browser UI's WebUI omnibox popup.
 * NOTE: Chromium 156's address bar builds its suggestion popup as a WebUI page (chrome://omnibox-popup.top-chrome, plus
 * its AI-mode variant) and loads it in a renderer process of its own for every browser window: in headless mode every
 * context gets a window. It is browser chrome: the tests' pages never see it, and no test uses the address bar. Sampled
 * from /proc over a whole e2e run it was 72 s of 492 s of CPU, more than the server processes of all 45 tests together.
 * Chromium obeys only the last --disable-features switch, so this one carries Playwright's list whole (from
 * playwright-core's chromiumSwitches.ts); the check below makes a Playwright upgrade stop here until the list is read
 * again.
 */
const playwrightVersion = '1.65.1'
const disabledFeatures = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
  // Folio's additions.
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
]
const installedPlaywright = (createRequire(import.meta.url)('playwright-core/package.json') as { version: string }).version
if (installedPlaywright !== playwrightVersion) {
  throw new Error(`playwright.config.ts repeats playwright-core ${playwrightVersion}'s --disable-features list; ${installedPlaywright} is installed: copy its list (chromiumSwitches.ts) into disabledFeatures and update playwrightVersion`)
}

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
  // NOTE: three workers on two cores. Back to back at load 14-19, all 42 tests: 2 workers 382 s wall, 3 workers 352 s;
  // all passed both times. The run is CPU-bound, not waiting-bound: the CPU `npm test` prints counts only the processes
  // that were waited for, and Chromium's renderers are not (sampled from /proc over a whole run at load ~20: 430 s of
  // CPU where 196 s was printed; Chromium ~310 s of it, `folio serve` ~50 s, Playwright's workers ~40 s). Each test
  // costs ~5 s of CPU before its own steps (a new context's page load ~3 s, the server's start ~1 s, Playwright ~1 s).
  workers: 3,
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // NOTE: every test's context used to start three renderer processes: one for the new page's about:blank, one
        // for the app (Folio's Cross-Origin-Opener-Policy header moves the navigation to a new browsing context group,
        // and so to a new process) and a "spare" one Chromium starts ahead for a next navigation no test makes. Over the
        // limit of one, Chromium reuses the about:blank's process for the app and starts no spare: one renderer per
        // context. A page of another site (a link's popup) still gets its own process: site isolation outranks the
        // limit. The two extra processes cost ~0.15 s of CPU each, with their start in the browser and zygote: opening
        // the app in a new context, 15 times alternating with an unchanged browser in one run, cost 35.2 s of
        // Chromium CPU instead of 40.1 s (-0.33 s a test, load 3.6-5.3; an earlier run of 10: -0.37 s), the same
        // screenshot bytes; in the whole e2e run, 93 of its 138 renderers were these, 14.2 s of CPU.
        '--renderer-process-limit=1',
        `--disable-features=${disabledFeatures.join(',')}`,
      ],
    },
    viewport: { width: 1400, height: 860 },
    trace: 'off',
  },
})

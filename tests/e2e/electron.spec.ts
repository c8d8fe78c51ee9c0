import { _electron as electron, expect, test } from '@playwright/test'
import { existsSync } from 'node:fs'
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

const distPath = process.env.ELECTRON_OVERRIDE_DIST_PATH
const executable = distPath ? path.join(distPath, process.platform === 'win32' ? 'electron.exe' : 'electron') : undefined
const reason = !distPath ? 'ELECTRON_OVERRIDE_DIST_PATH is not set' : !existsSync(executable ?? '') ? `no Electron binary at ${executable}` : null
const repoRoot = path.resolve(import.meta.dirname, '..', '..')

if (reason) console.log(`SKIP electron tests: ${reason} (no Electron binary on this machine; browser-mode tests cover the UI)`)

test.describe('desktop app (Electron)', () => {
  test.skip(reason !== null, reason ?? '')

  test('opens the sample folder, edits the title in the form and saves only that line', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-electron-'))
    await cp(path.join(repoRoot, 'resources', 'sample-content'), dir, { recursive: true })
    const app = await electron.launch({ executablePath: executable, args: [repoRoot, dir] })
    try {
      const window = await app.firstWindow()
      const isolated = await window.evaluate(() => typeof (globalThis as { require?: unknown }).require === 'undefined')
      expect(isolated).toBe(true)
      await window.getByRole('option', { name: /Welcome to Folio/ }).click()
      const title = window.getByRole('form', { name: 'Front matter' }).getByLabel('title', { exact: true })
      await title.fill('Welcome, desktop')
      await window.getByRole('button', { name: 'Save', exact: true }).click()
      const file = path.join(dir, 'content', 'posts', '2024', 'welcome-to-folio.md')
      await expect.poll(async () => (await readFile(file, 'utf8')).includes('title: Welcome, desktop')).toBe(true)
    } finally {
      await app.close()
      await rm(dir, { recursive: true, force: true })
    }
  })
})

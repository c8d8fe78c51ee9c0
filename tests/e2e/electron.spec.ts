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

  test('builds the menu from the command table, with Open Recent and the folder opened', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-electron-'))
    const userData = await mkdtemp(path.join(os.tmpdir(), 'folio-electron-user-'))
    await cp(path.join(repoRoot, 'resources', 'sample-content'), dir, { recursive: true })
    const app = await electron.launch({ executablePath: executable, args: [repoRoot, `--user-data-dir=${userData}`, dir] })
    try {
      await app.firstWindow()
      const menu = await app.evaluate(({ Menu }) => {
        const items = Menu.getApplicationMenu()
        const ids = ['article.new', 'folder.open', 'folder.openRecent', 'article.save', 'article.saveAll', 'palette.open', 'view.zoomIn', 'help.shortcuts']
        return ids.map((id) => [id, items?.getMenuItemById(id)?.accelerator ?? (items?.getMenuItemById(id) ? 'present' : null)])
      })
      for (const [id, accelerator] of menu) expect(accelerator, id ?? '').not.toBeNull()
      const recent = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('folder.openRecent')?.submenu?.items.map((item) => item.label) ?? [])
      expect(recent.some((label) => label.startsWith(dir))).toBe(true)
    } finally {
      await app.close()
      await rm(dir, { recursive: true, force: true })
      await rm(userData, { recursive: true, force: true })
    }
  })

  test('a second launch with an article focuses the running window and opens the article', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-electron-'))
    const userData = await mkdtemp(path.join(os.tmpdir(), 'folio-electron-user-'))
    await cp(path.join(repoRoot, 'resources', 'sample-content'), dir, { recursive: true })
    const app = await electron.launch({ executablePath: executable, args: [repoRoot, `--user-data-dir=${userData}`] })
    try {
      const window = await app.firstWindow()
      const article = path.join(dir, 'content', 'posts', '2024', 'welcome-to-folio.md')
      const second = await electron.launch({ executablePath: executable, args: [repoRoot, `--user-data-dir=${userData}`, article] })
      await second.waitForEvent('close')
      await expect(window.getByRole('form', { name: 'Front matter' }).getByLabel('title', { exact: true })).toHaveValue(/Welcome to Folio/)
    } finally {
      await app.close()
      await rm(dir, { recursive: true, force: true })
      await rm(userData, { recursive: true, force: true })
    }
  })

  test('remembers the window’s place in userData/window-state.json', async () => {
    const userData = await mkdtemp(path.join(os.tmpdir(), 'folio-electron-user-'))
    const app = await electron.launch({ executablePath: executable, args: [repoRoot, `--user-data-dir=${userData}`] })
    try {
      await app.firstWindow()
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.setBounds({ x: 40, y: 60, width: 900, height: 700 }))
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.emit('resized'))
      const saved = async (): Promise<unknown> => (existsSync(path.join(userData, 'window-state.json')) ? (JSON.parse(await readFile(path.join(userData, 'window-state.json'), 'utf8')) as unknown) : null)
      await expect.poll(saved).toMatchObject({ '': { bounds: { width: 900, height: 700 } } })
    } finally {
      await app.close()
      await rm(userData, { recursive: true, force: true })
    }
  })
})

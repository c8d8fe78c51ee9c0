import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { axeFor } from './axe'
import { expect, repoRoot, serveDir, stopServed, test, type Served } from './serve-fixture'

// Writing comfort (issue #19) in browser mode against `folio serve`.

const welcome = 'Welcome to Folio'
const welcomePath = path.join('content', 'posts', '2024', 'welcome-to-folio.md')
const longTitle = 'A long read'
const longBody = Array.from({ length: 8 }, (_, i) => `## Part ${i + 1}\n\n${'Some words in a paragraph. '.repeat(40)}\n`).join('\n')
const longText = `---\ntitle: ${longTitle}\n---\n\n# Top\n\n${longBody}\nThe unusualword sits here.\n`

const editor = (page: Page) => page.getByRole('textbox', { name: 'Markdown editor' })
const list = (page: Page) => page.getByRole('listbox', { name: 'Articles' })
const statusBar = (page: Page) => page.getByRole('status', { name: 'Status bar' })

/** Opens an article through quick open (the list is virtualized: a row may be out of view). */
async function open(page: Page, title: string) {
  await expect(list(page).getByRole('option').first()).toBeVisible()
  await page.keyboard.press('Control+P')
  const picker = page.getByRole('dialog', { name: 'Quick open' })
  await picker.getByRole('combobox').fill(title)
  await expect(picker.getByRole('option').first()).toHaveAccessibleName(title)
  await picker.getByRole('combobox').press('Enter')
  await expect(page.getByRole('tab', { name: title, selected: true })).toBeVisible()
}

/** A copy of the sample with a long article (headings far apart), served. */
async function serveSample(): Promise<Served> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-e2e-comfort-'))
  await cp(path.join(repoRoot, 'resources', 'sample-content'), dir, { recursive: true })
  await writeFile(path.join(dir, 'content', 'posts', 'long-read.md'), longText)
  return serveDir(dir, { FOLIO_STATE_DIR: `${dir}-state` })
}

/** The folder-state files the host saved for this run (empty until one is written). */
async function savedFolderState(run: Served): Promise<string> {
  const dir = path.join(`${run.dir}-state`, 'folders')
  const names = await readdir(dir).catch(() => [] as string[])
  // NOTE: the host writes each file atomically: a temp file listed here may be renamed away before it is read (seen
  // under load), and the file it becomes is read on the next poll. Only finished files count; a vanished one is none.
  const finished = names.filter((name) => !name.startsWith('.folio-tmp-'))
  const texts = await Promise.all(finished.map((name) => readFile(path.join(dir, name), 'utf8').catch(() => '')))
  return texts.join('\n')
}

/** The serious and critical axe violations inside `selectors`, found in ONE analysis (each run costs seconds under load). */
async function seriousViolations(page: Page, ...selectors: string[]) {
  const results = await selectors.reduce((axe, selector) => axe.include(selector), axeFor(page)).analyze()
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

test.describe('writing comfort', () => {
  let served: Served
  test.beforeEach(async () => {
    served = await serveSample()
  })
  test.afterEach(async () => {
    await stopServed(served)
  })

  test('Tab at the top of an article never touches the front matter; Esc then Tab leaves the editor', async ({ page }) => {
    await page.goto(served.url)
    await open(page, welcome)
    await editor(page).click()
    await page.keyboard.press('Control+Home')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Shift+Tab')
    await expect(page.locator('.cm-line').first()).toHaveText('---')
    await expect(page.getByRole('banner').getByText('Saved', { exact: true })).toBeVisible()
    await expect(editor(page)).toBeFocused()
    await page.keyboard.press('Escape')
    await page.keyboard.press('Tab')
    await expect(editor(page)).not.toBeFocused()
    expect(await readFile(path.join(served.dir, welcomePath), 'utf8')).toContain('---\n# Comments in front matter')
  })

  test('outline jumps to a heading and marks the current section; a search hit opens at its line with the match selected', async ({ page }) => {
    await page.goto(served.url)
    await open(page, longTitle)
    await page.keyboard.press('Control+Shift+O')
    const outline = page.getByRole('navigation', { name: 'Outline' })
    await outline.getByRole('button', { name: 'Part 7' }).click()
    const line = longText.split('\n').indexOf('## Part 7') + 1
    await expect(statusBar(page)).toContainText(`Ln ${line},`)
    await expect(outline.getByRole('button', { name: 'Part 7' })).toHaveAttribute('aria-current', 'location')
    // The jump shows in the preview too: it follows the editor to the same heading.
    await expect(page.frameLocator('iframe[title="Article preview"]').getByRole('heading', { name: 'Part 7' })).toBeInViewport()
    await page.getByLabel('Search folder').fill('unusualword')
    await list(page).locator('mark', { hasText: 'unusualword' }).click()
    const hitLine = longText.split('\n').findIndex((l) => l.includes('unusualword')) + 1
    await expect(statusBar(page)).toContainText(`Ln ${hitLine}, Col ${'The unusualword'.length + 1}`)
    await expect(statusBar(page)).toContainText('1 selected')
    expect(await page.evaluate(() => document.getSelection()?.toString())).toBe('unusualword')
  })

  test('text typed in the tags "Add…" box does not follow to the next article', async ({ page }) => {
    await page.goto(served.url)
    await open(page, welcome)
    const tags = () => page.getByRole('form', { name: 'Front matter' }).getByLabel('tags', { exact: true })
    await tags().fill('half typed')
    await open(page, 'Ideas for next month')
    await expect(tags()).toHaveValue('')
  })

  test('list titles stay visible at 900x600', async ({ page }) => {
    await page.setViewportSize({ width: 900, height: 600 })
    await page.goto(served.url)
    await expect(list(page).getByRole('option', { name: welcome })).toBeVisible()
    // NOTE: one snapshot of every row, found and measured in one call inside the page: the list is virtualized and
    // re-renders as the index reports progress. A locator's evaluateAll finds the elements first and measures them in
    // a second round trip, so a row React had replaced in between measured 0×0 (detached): 1-3 runs in 12 here.
    const boxes = await list(page).evaluate((listbox) => Array.from(listbox.querySelectorAll('.item-title'), (element) => element.getBoundingClientRect()).map((r) => ({ width: r.width, height: r.height })))
    expect(boxes.length).toBeGreaterThan(3)
    for (const box of boxes) {
      expect(box.height).toBeGreaterThan(10)
      expect(box.width).toBeGreaterThan(30)
    }
    await open(page, welcome)
    const autosave = page.getByRole('combobox', { name: 'Autosave' })
    const box = await autosave.boundingBox()
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(900)
  })

  test('settings persist across reloads; tabs, carets and the list view are restored per folder', async ({ page }) => {
    await page.goto(served.url)
    await open(page, welcome)
    await open(page, longTitle)
    await page.keyboard.press('Control+,')
    const settings = page.getByRole('dialog', { name: 'Settings' })
    await settings.getByLabel('Theme').selectOption('dark')
    await settings.getByLabel('Autosave').selectOption('pause')
    await settings.getByRole('button', { name: 'Done' }).click()
    await page.getByLabel('Filter articles').fill('o')
    // NOTE: the folder's state is saved a moment after the last change (in the state folder, not the content folder).
    await expect.poll(() => savedFolderState(served)).toMatch(/"text": ?"o"/)
    // NOTE: a reload aborts requests still in flight; the settings are saved when changed, so wait until they are.
    await expect.poll(() => readFile(path.join(`${served.dir}-state`, 'settings.json'), 'utf8').catch(() => '')).toMatch(/"autosave": ?"pause"/)
    await page.reload()
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    await expect(page.getByRole('tab', { name: longTitle, selected: true })).toBeVisible()
    await expect(page.getByRole('tab', { name: welcome })).toBeVisible()
    await expect(page.getByLabel('Filter articles')).toHaveValue('o')
    await expect(page.getByRole('combobox', { name: 'Autosave' })).toHaveValue('pause')
  })

  test('replace in folder: preview shows the diff, a chosen change is written, the rest is left alone', async ({ page }) => {
    await page.goto(served.url)
    await expect(list(page).getByRole('option', { name: welcome })).toBeVisible()
    await page.keyboard.press('Control+Shift+H')
    const panel = page.getByRole('dialog', { name: 'Replace in folder' })
    await panel.getByLabel('Find').fill('Writers deserve')
    await panel.getByLabel('Replace with').fill('Writers need')
    await panel.getByRole('button', { name: 'Preview' }).click()
    const files = panel.getByRole('list', { name: 'Files to change' })
    await expect(files.locator('del')).toHaveText(['Writers deserve'])
    await expect(files.locator('ins')).toHaveText(['Writers need'])
    expect(await seriousViolations(page, '.replace-panel')).toEqual([])
    await panel.getByRole('button', { name: 'Replace 1 change in 1 file' }).click()
    await expect(panel.getByText('Replaced in 1 file.')).toBeVisible()
    const file = path.join(served.dir, welcomePath)
    await expect.poll(() => readFile(file, 'utf8')).toContain('> Writers need tools that respect their files.')
    expect(await readFile(file, 'utf8')).toContain('title: Welcome to Folio   # shown in the list')
  })

  test('axe finds no serious violations in the status bar, outline, palette and settings', async ({ page }) => {
    // NOTE: three axe analyses (the page, the palette, the settings) took 66 s in a clean-clone CI at load 19 with
    // typecheck and lint beside it; the ceiling is doubled for this test only, the others keep 60 s.
    test.setTimeout(120_000)
    await page.goto(served.url)
    await open(page, longTitle)
    await page.keyboard.press('Control+Shift+O')
    await expect(page.getByRole('navigation', { name: 'Outline' })).toBeVisible()
    expect(await seriousViolations(page, '.status-bar', 'nav.outline', '.toolbar')).toEqual([])
    await page.keyboard.press('Control+Shift+P')
    await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible()
    expect(await seriousViolations(page, '.quick-open')).toEqual([])
    await page.keyboard.press('Escape')
    await page.keyboard.press('Control+,')
    await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible()
    expect(await seriousViolations(page, '.settings')).toEqual([])
  })
})

test('browser mode opens another folder by its path and from the recent list while one is open', async ({ page, served }) => {
  const other = await mkdtemp(path.join(os.tmpdir(), 'folio-e2e-other-'))
  try {
    await writeFile(path.join(other, 'only.md'), '---\ntitle: The other folder\n---\nHello.\n')
    await page.goto(served.url)
    await expect(list(page).getByRole('option', { name: welcome })).toBeVisible()
    await page.getByRole('banner').getByRole('button', { name: 'Open Folder…' }).click()
    let dialog = page.getByRole('dialog', { name: 'Open folder' })
    await dialog.getByRole('combobox', { name: 'Folder path' }).fill(other)
    await dialog.getByRole('button', { name: 'Open', exact: true }).click()
    await expect(list(page).getByRole('option', { name: 'The other folder' })).toBeVisible()
    await expect(dialog).toBeHidden()
    await page.keyboard.press('Control+O')
    dialog = page.getByRole('dialog', { name: 'Open folder' })
    await dialog.getByRole('navigation', { name: 'Recent folders' }).getByRole('button', { name: new RegExp(`^${path.basename(served.dir)}`) }).click()
    await expect(list(page).getByRole('option', { name: welcome })).toBeVisible()
  } finally {
    await rm(other, { recursive: true, force: true })
  }
})

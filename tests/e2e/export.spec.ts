import { mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { expect, test } from './serve-fixture'

// NOTE: `folio serve` inherits this, so "since the last export" is remembered in a temp folder, not the home folder.
process.env.FOLIO_STATE_DIR = mkdtempSync(path.join(os.tmpdir(), 'folio-e2e-state-'))

const sampleTitle = 'IS-K rising? UN warns of global chaos as Pakistan fires back at US'

test('exports the current article as standalone HTML from the Export dialog', async ({ page, served }) => {
  await page.goto(served.url)
  await page.getByRole('listbox', { name: 'Articles' }).getByRole('option', { name: sampleTitle }).click()
  await expect(page.getByRole('textbox', { name: 'Markdown editor' })).toContainText('The United Nations has raised alarm')

  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await dialog.getByLabel('Format').selectOption('html')
  await expect(dialog.getByRole('radio', { name: /Current article/ })).toBeChecked()
  await expect(dialog).toContainText('content/posts/2025/is-k-rising-un-warns.md')
  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('is-k-rising-un-warns.html')
  const html = readFileSync(await download.path(), 'utf8')
  expect(html).toContain(`<title>${sampleTitle}</title>`)
  expect(html).toContain('The United Nations has raised alarm')
  await expect(dialog.getByRole('status')).toContainText('Exported 1 article(s) as is-k-rising-un-warns.html')
})

test('exports a multi-selection as a zip, listing the malformed article as not exported', async ({ page, served }) => {
  await page.goto(served.url)
  await expect(page.getByRole('listbox', { name: 'Articles' }).getByRole('option', { name: 'Welcome to Folio' })).toBeVisible()
  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await dialog.getByLabel('Format').selectOption('md')
  await dialog.getByRole('radio', { name: 'Selected articles' }).check()
  await dialog.getByLabel('Filter by title or path').fill('2024')
  const articles = dialog.getByRole('list', { name: 'Articles to export' })
  await articles.getByRole('checkbox', { name: /A weekend in the mountains/ }).check()
  await articles.getByRole('checkbox', { name: /broken-front-matter/ }).check()
  await dialog.getByLabel('Filter by title or path').fill('')
  await articles.getByRole('checkbox', { name: /^About/ }).check()
  await expect(dialog).toContainText('3 selected')

  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/-export-\d{4}-\d{2}-\d{2}\.zip$/)
  const names = Object.keys(unzipSync(readFileSync(await download.path()))).sort()
  expect(names).toEqual(['content/about.md', 'content/posts/2024/broken-front-matter.md', 'content/posts/2024/mountain-trip/cover.png', 'content/posts/2024/mountain-trip/index.md'])
  await expect(dialog.getByRole('status')).toContainText('Exported 3 article(s)')

  // The same selection as HTML: the malformed article fails alone and the dialog says why.
  await dialog.getByLabel('Format').selectOption('html')
  const second = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const zip = unzipSync(readFileSync(await (await second).path()))
  expect(Object.keys(zip).sort()).toEqual(['content/about.html', 'content/posts/2024/mountain-trip/index.html'])
  await expect(dialog.getByRole('list', { name: 'Articles not exported' })).toContainText('broken-front-matter.md:2')
})

test('exports the rows picked in the list (Ctrl+click, Shift+click), and all rows the list shows', async ({ page, served }) => {
  await page.goto(served.url)
  const list = page.getByRole('listbox', { name: 'Articles' })
  await page.getByLabel('Filter articles').fill('2025')
  await list.getByRole('option', { name: 'Multi-line values' }).click({ modifiers: ['ControlOrMeta'] })
  await list.getByRole('option', { name: 'Scheduled for the future' }).click({ modifiers: ['Shift'] })
  await expect(page.getByRole('status').filter({ hasText: 'articles' })).toContainText('3 selected')
  await expect(list.getByRole('option', { name: 'An expired offer' })).toHaveAttribute('aria-selected', 'true')
  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await expect(dialog.getByRole('radio', { name: 'Selected articles' })).toBeChecked()
  await expect(dialog).toContainText('3 selected')
  await dialog.getByLabel('Format').selectOption('md')
  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const names = Object.keys(unzipSync(readFileSync(await (await downloading).path()))).sort()
  expect(names).toEqual(['content/posts/2025/block-scalars.md', 'content/posts/2025/expired-post.md', 'content/posts/2025/future-post.md'])

  await dialog.getByRole('radio', { name: 'All articles shown in the list' }).check()
  await expect(dialog).toContainText('9 of 9 articles')
  const all = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const shown = Object.keys(unzipSync(readFileSync(await (await all).path())))
  expect(shown).toHaveLength(9)
  expect(shown.every((name) => name.startsWith('content/posts/2025/'))).toBe(true)
})

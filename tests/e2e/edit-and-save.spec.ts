import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { expect, repoRoot, test } from './serve-fixture'

const samplePath = path.join('content', 'posts', '2025', 'is-k-rising-un-warns.md')
const sampleTitle = 'IS-K rising? UN warns of global chaos as Pakistan fires back at US'

test('open, type, preview, edit the title in the form, save: only the edited bytes change', async ({ page, served }) => {
  const file = path.join(served.dir, samplePath)
  const original = await readFile(file, 'utf8')
  await page.goto(served.url)

  const list = page.getByRole('listbox', { name: 'Articles' })
  await expect(list.getByRole('option', { name: 'Welcome to Folio' })).toBeVisible()
  await list.getByRole('option', { name: sampleTitle }).click()

  const editor = page.getByRole('textbox', { name: 'Markdown editor' })
  await expect(editor).toContainText('The United Nations has raised alarm')
  await expect(page.getByRole('region', { name: 'Preview' }).getByTitle('Article preview')).toBeVisible()
  const preview = page.frameLocator('iframe[title="Article preview"]').locator('body')
  await expect(preview.getByRole('heading', { name: 'US and China voice concerns' })).toBeVisible()

  await editor.click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('A closing line typed in Folio.')
  await expect(preview).toContainText('A closing line typed in Folio.')

  const form = page.getByRole('form', { name: 'Front matter' })
  await form.getByLabel('title', { exact: true }).fill('IS-K rising? An edited title')
  await editor.press('Control+Home')
  await expect(editor).toContainText('title: "IS-K rising? An edited title"')

  await page.getByRole('button', { name: 'Save', exact: true }).click()
  const expected = original
    .replace(`title: "${sampleTitle}"`, 'title: "IS-K rising? An edited title"')
    .concat('A closing line typed in Folio.')
  await expect.poll(() => readFile(file, 'utf8')).toBe(expected)
  await expect(list.getByRole('option', { name: 'IS-K rising? An edited title' })).toBeVisible()
  // NOTE: README's picture is replaced only when asked (FOLIO_UPDATE_SCREENSHOT=1), so a test run leaves the tree clean.
  const shot = process.env.FOLIO_UPDATE_SCREENSHOT === '1' ? path.join(repoRoot, 'docs', 'screenshot.png') : path.join(repoRoot, 'test-results', 'edit-and-save.png')
  await page.screenshot({ path: shot })
})

test('opening and saving without an edit writes nothing', async ({ page, served }) => {
  const file = path.join(served.dir, 'content', 'posts', '2024', 'saved-on-windows.md')
  const before = await stat(file)
  await page.goto(served.url)
  await page.getByRole('listbox', { name: 'Articles' }).getByRole('option', { name: 'Saved on Windows' }).click()
  await expect(page.getByRole('textbox', { name: 'Markdown editor' })).toContainText('byte-order mark')
  await page.keyboard.press('Control+s')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  const after = await stat(file)
  expect(after.mtimeMs).toBe(before.mtimeMs)
})

test('a malformed article opens with its raw text editable and the error located', async ({ page, served }) => {
  await page.goto(served.url)
  await page.getByRole('listbox', { name: 'Articles' }).getByRole('option', { name: /broken-front-matter/ }).click()
  await expect(page.getByRole('textbox', { name: 'Markdown editor' })).toContainText('title: "A broken article')
  await expect(page.getByRole('form', { name: 'Front matter' })).toContainText(/line \d+/i)
})

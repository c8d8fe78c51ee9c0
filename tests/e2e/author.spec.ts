import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { test as base, expect } from '@playwright/test'
import { serveCopy, stopServed, type Served } from './serve-fixture'

// A 1x1 PNG.
const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

const files: Record<string, string> = {
  'hugo.toml': 'title = "Author test"\n',
  'archetypes/default.md': '---\ntitle: "{{ replace .Name "-" " " | title }}"\ndate: {{ .Date }}\ndraft: true\n---\n\n',
  'content/posts/target.md': '---\ntitle: Target\ndate: 2025-01-02\n---\nThe target.\n',
  'content/posts/linker.md': '---\ntitle: Linker\ndate: 2025-01-03\n---\nSee {{< ref "target" >}} and [the target](target.md).\n',
  'content/posts/gallery/index.md': '---\ntitle: Gallery\ndate: 2025-01-04\n---\nPictures:\n',
}

const test = base.extend<{ served: Served }>({
  // eslint-disable-next-line no-empty-pattern -- NOTE: Playwright requires an object pattern for fixture deps.
  served: async ({}, use) => {
    const source = await mkdtemp(path.join(os.tmpdir(), 'folio-author-src-'))
    for (const [rel, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(source, rel)), { recursive: true })
      await writeFile(path.join(source, rel), text)
    }
    // NOTE: Folio's own archetype renderer here (Hugo's is compared in the unit tests and is slower to start).
    const served = await serveCopy(source, { FOLIO_HUGO: 'off' })
    await use(served)
    await stopServed(served)
    await rm(source, { recursive: true, force: true })
  },
})

const shots = path.join(import.meta.dirname, '..', '..', 'test-results', 'author')

test('create, paste an image into a bundle, rename with links kept, delete to the trash', async ({ page, served }) => {
  await page.setViewportSize({ width: 1400, height: 900 })
  await page.goto(served.url)
  const list = page.getByRole('listbox', { name: 'Articles' })
  await expect(list.getByRole('option', { name: 'Target' })).toBeVisible()

  // New article from the button: the path shows before anything is created.
  await page.getByRole('button', { name: 'New article' }).click()
  const dialog = page.getByRole('dialog', { name: 'New article' })
  await dialog.getByLabel('Title').fill('My First Folio Post!')
  await dialog.getByLabel('Section').selectOption('content/posts')
  await expect(dialog.getByLabel('Path')).toHaveText('content/posts/my-first-folio-post.md')
  await page.screenshot({ path: path.join(shots, 'new-1400.png') })
  await dialog.getByRole('button', { name: 'Create' }).click()
  const created = path.join(served.dir, 'content/posts/my-first-folio-post.md')
  await expect.poll(() => existsSync(created)).toBe(true)
  expect(await readFile(created, 'utf8')).toMatch(/^---\ntitle: "My First Folio Post!"\ndate: \d{4}-\d\d-\d\dT[\d:]+(Z|[+-]\d\d:\d\d)\ndraft: true\n---\n\n$/)
  const editor = page.getByRole('textbox', { name: 'Markdown editor' })
  await expect(editor).toContainText('title: "My First Folio Post!"')

  // Paste an image into a bundle article: saved in the bundle, linked at the caret.
  await list.getByRole('option', { name: 'Gallery' }).click()
  await expect(editor).toContainText('Pictures:')
  await editor.click()
  await page.keyboard.press('Control+End')
  await page.evaluate((data) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0))
    const transfer = new DataTransfer()
    transfer.items.add(new File([bytes], 'image.png', { type: 'image/png' }))
    document.querySelector('.cm-content')?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }))
  }, png)
  await expect(editor).toContainText('![](image-1.png)')
  expect((await readFile(path.join(served.dir, 'content/posts/gallery/image-1.png'))).toString('base64')).toBe(png)
  await page.keyboard.type('a pasted dot')
  await expect(editor).toContainText('![a pasted dot](image-1.png)')

  // Rename an article with inbound links: the diff shows both changes; applying makes exactly them.
  await list.getByRole('option', { name: 'Target' }).click({ button: 'right' })
  await page.getByRole('menuitem', { name: 'Rename…' }).click()
  const rename = page.getByRole('dialog', { name: /Rename/ })
  await rename.getByLabel('New name').fill('renamed-target')
  const diff = rename.getByLabel('Changes')
  await expect(diff).toContainText('+See {{< ref "renamed-target" >}} and [the target](renamed-target.md).')
  await rename.getByLabel(/Keep the old address working/).check()
  await expect(diff).toContainText('+  - /posts/target/')
  await page.screenshot({ path: path.join(shots, 'rename-1400.png') })
  await page.setViewportSize({ width: 900, height: 600 })
  await page.screenshot({ path: path.join(shots, 'rename-900.png') })
  await page.setViewportSize({ width: 1400, height: 900 })
  await rename.getByRole('button', { name: 'Rename' }).click()
  await expect(rename).toBeHidden()
  const renamed = path.join(served.dir, 'content/posts/renamed-target.md')
  await expect.poll(() => existsSync(renamed)).toBe(true)
  expect(existsSync(path.join(served.dir, 'content/posts/target.md'))).toBe(false)
  expect(await readFile(path.join(served.dir, 'content/posts/linker.md'), 'utf8')).toBe('---\ntitle: Linker\ndate: 2025-01-03\n---\nSee {{< ref "renamed-target" >}} and [the target](renamed-target.md).\n')
  expect(await readFile(renamed, 'utf8')).toBe('---\ntitle: Target\ndate: 2025-01-02\naliases:\n  - /posts/target/\n---\nThe target.\n')

  // Delete to the trash: the links that break are listed first.
  // NOTE: the list follows the move through the watcher, so the old row goes a moment after the new one appears.
  await expect(list.getByRole('option', { name: 'Target' })).toHaveCount(1)
  await list.getByRole('option', { name: 'Target' }).click({ button: 'right' })
  await page.getByRole('menuitem', { name: 'Move to Trash' }).click()
  const remove = page.getByRole('alertdialog', { name: /Move .* to the trash/ })
  await expect(remove.getByRole('list', { name: 'Links that will break' })).toContainText('content/posts/linker.md:5')
  await page.screenshot({ path: path.join(shots, 'delete-1400.png') })
  await page.setViewportSize({ width: 900, height: 600 })
  await page.screenshot({ path: path.join(shots, 'delete-900.png') })
  await remove.getByRole('button', { name: 'Move to Trash' }).click()
  await expect.poll(() => existsSync(renamed)).toBe(false)
  await expect(list.getByRole('option', { name: 'Target' })).toBeHidden()
})

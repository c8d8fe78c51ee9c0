import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
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
  'content/posts/album/index.md': '---\ntitle: Album\ndate: 2025-01-05\n---\n![cover](cover.png)\n',
  'content/notes/one.md': '---\ntitle: One\ntags: [Hugo, web]\n---\nFirst.\n',
  'content/notes/two.md': '---\ntitle: Two\ntags:\n  - hugo # lower case\n  - "Web"\n---\nSecond.\n',
  'content/notes/three.md': '---\ntitle: Three\ntags: ["HUGO"]\n---\nThird.\n',
}

/** A PNG of `width`×`height` grey pixels (zlib-compressed rows), to test the large-image choice with a real image. */
function makePng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(zlib.crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const row = Buffer.alloc(1 + width * 3, 0x80)
  row[0] = 0
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))])
}

/** The contents of every file in a trash folder (the trash package names them by UUID). */
async function trashed(dir: string): Promise<string[]> {
  return existsSync(dir) ? Promise.all((await readdir(dir)).map((name) => readFile(path.join(dir, name), 'utf8'))) : []
}

/** The width and height a PNG file declares. */
const pngSize = (bytes: Buffer): [number, number] => [bytes.readUInt32BE(16), bytes.readUInt32BE(20)]

const test = base.extend<{ served: Served & { trash: string } }>({
  // eslint-disable-next-line no-empty-pattern -- NOTE: Playwright requires an object pattern for fixture deps.
  served: async ({}, use) => {
    const source = await mkdtemp(path.join(os.tmpdir(), 'folio-author-src-'))
    for (const [rel, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(source, rel)), { recursive: true })
      await writeFile(path.join(source, rel), text)
    }
    // NOTE: Folio's own archetype renderer here (Hugo's is compared in the unit tests and is slower to start). The
    // trash package follows XDG_DATA_HOME on Linux, so deleted files go to a temp trash, never the user's.
    const served = await serveCopy(source, { FOLIO_HUGO: 'off', XDG_DATA_HOME: `${source}-data` })
    await use({ ...served, trash: path.join(`${source}-data`, 'Trash', 'files') })
    await stopServed(served)
    await rm(source, { recursive: true, force: true })
    await rm(`${source}-data`, { recursive: true, force: true })
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
  expect((await trashed(served.trash)).join('\n')).toContain('title: Target')
  await expect(list.getByRole('option', { name: 'Target' })).toBeHidden()
})

test('Terms view, tab actions, duplicate, Insert image… with the resize choice, the bundle Files section', async ({ page, served }) => {
  await page.setViewportSize({ width: 1400, height: 900 })
  await page.goto(served.url)
  const list = page.getByRole('listbox', { name: 'Articles' })
  await expect(list.getByRole('option', { name: 'One' })).toBeVisible()
  const banner = page.getByRole('banner')

  // Terms: grouped as Hugo groups them, with spellings, counts and articles; rename across the folder, diff first.
  await banner.getByRole('button', { name: 'Terms' }).click()
  const terms = page.getByRole('dialog', { name: 'Terms' })
  const hugo = terms.getByRole('listitem', { name: 'Hugo' })
  await expect(hugo).toContainText('3')
  await expect(hugo).toContainText(/also written “(hugo|HUGO)” \(1\), “(HUGO|hugo)” \(1\)/)
  await hugo.locator('summary').click()
  await expect(hugo.getByRole('list', { name: 'Articles with Hugo' })).toContainText('content/notes/three.md')
  await page.screenshot({ path: path.join(shots, 'terms-1400.png') })
  await hugo.getByRole('button', { name: 'Rename or merge Hugo' }).click()
  await terms.getByLabel(/Rename “Hugo”/).fill('Static Sites')
  const changes = terms.getByLabel('Changes')
  await expect(changes).toContainText('+tags: [Static Sites, web]')
  await expect(changes).toContainText('+  - Static Sites # lower case')
  await expect(changes).toContainText('+tags: ["Static Sites"]')
  await page.setViewportSize({ width: 900, height: 600 })
  await page.screenshot({ path: path.join(shots, 'retag-900.png') })
  await page.setViewportSize({ width: 1400, height: 900 })
  expect(await readFile(path.join(served.dir, 'content/notes/one.md'), 'utf8')).toContain('tags: [Hugo, web]')
  await terms.getByRole('button', { name: 'Apply' }).click()
  await expect(terms.getByRole('status')).toContainText('is now "Static Sites" in 3 article(s)')
  expect(await readFile(path.join(served.dir, 'content/notes/one.md'), 'utf8')).toBe('---\ntitle: One\ntags: [Static Sites, web]\n---\nFirst.\n')
  expect(await readFile(path.join(served.dir, 'content/notes/two.md'), 'utf8')).toBe('---\ntitle: Two\ntags:\n  - Static Sites # lower case\n  - "Web"\n---\nSecond.\n')
  expect(await readFile(path.join(served.dir, 'content/notes/three.md'), 'utf8')).toBe('---\ntitle: Three\ntags: ["Static Sites"]\n---\nThird.\n')
  await expect(terms.getByRole('listitem', { name: 'Static Sites' })).toContainText('3')
  await terms.getByRole('button', { name: 'Close' }).click()

  // The open tab has the article actions: Duplicate (the list shows the copy at once), then Rename.
  await list.getByRole('option', { name: 'One' }).click()
  const tab = page.getByRole('tab', { name: 'One' })
  await tab.click({ button: 'right' })
  await page.screenshot({ path: path.join(shots, 'tab-menu-1400.png') })
  await page.getByRole('menu', { name: 'Actions for content/notes/one.md' }).getByRole('menuitem', { name: 'Duplicate' }).click()
  await expect.poll(() => existsSync(path.join(served.dir, 'content/notes/one-copy.md'))).toBe(true)
  expect(await readFile(path.join(served.dir, 'content/notes/one-copy.md'), 'utf8')).toBe(await readFile(path.join(served.dir, 'content/notes/one.md'), 'utf8'))
  await expect(list.getByRole('option', { name: 'One' })).toHaveCount(2)
  await expect(page.getByRole('banner').getByText('content/notes/one-copy.md')).toBeVisible()
  await page.getByRole('tab', { name: 'One' }).first().click({ button: 'right' })
  await page.getByRole('menuitem', { name: 'Rename…' }).click()
  const rename = page.getByRole('dialog', { name: /Rename content\/notes\/one\.md/ })
  await rename.getByLabel('New name').fill('first')
  await expect(rename.getByLabel('New path')).toHaveText('content/notes/first.md')
  await expect(rename.getByRole('button', { name: 'Rename' })).toBeEnabled()
  await rename.getByRole('button', { name: 'Rename' }).click()
  await expect.poll(() => existsSync(path.join(served.dir, 'content/notes/first.md'))).toBe(true)
  await expect(list.getByRole('option', { name: 'One' })).toHaveCount(2)

  // A bundle's Files section: sizes, the unreferenced file marked; Insert image… through the file picker.
  await writeFile(path.join(served.dir, 'content/posts/album/cover.png'), Buffer.from(png, 'base64'))
  await writeFile(path.join(served.dir, 'content/posts/album/unused.jpg'), 'not really a jpeg')
  await list.getByRole('option', { name: 'Album' }).click()
  const files = page.getByRole('list', { name: 'Bundle files' })
  await expect(files.getByRole('listitem', { name: 'unused.jpg (unreferenced)' })).toContainText('17 B')
  await expect(files.getByRole('listitem', { name: 'cover.png', exact: true })).toBeVisible()
  const editor = page.getByRole('textbox', { name: 'Markdown editor' })
  await editor.click()
  await page.keyboard.press('Control+End')
  const small = page.waitForEvent('filechooser')
  await banner.getByRole('button', { name: 'Insert image…' }).click()
  await (await small).setFiles({ name: 'dot.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') })
  await expect(editor).toContainText('![](dot.png)')
  await expect(files.getByRole('listitem', { name: 'dot.png', exact: true })).toBeVisible()
  // The preview shows the new image at once (loaded from the bundle, not a placeholder).
  await expect(page.frameLocator('iframe.preview-frame').locator('img[src*="dot.png"]')).toHaveJSProperty('complete', true)
  await expect.poll(() => page.frameLocator('iframe.preview-frame').locator('img[src*="dot.png"]').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1)

  // A large image asks: original or a resized copy; the copy is made in the page and saved, the original untouched.
  const large = page.waitForEvent('filechooser')
  await banner.getByRole('button', { name: 'Insert image…' }).click()
  await (await large).setFiles({ name: 'wide.png', mimeType: 'image/png', buffer: makePng(3000, 40) })
  const ask = page.getByRole('alertdialog', { name: 'wide.png is large' })
  await expect(ask).toContainText('3000×40 pixels')
  await page.screenshot({ path: path.join(shots, 'resize-1400.png') })
  await ask.getByRole('button', { name: 'Save a resized copy (2048×27)' }).click()
  await expect(editor).toContainText('![](wide.png)')
  expect(pngSize(await readFile(path.join(served.dir, 'content/posts/album/wide.png')))).toEqual([2048, 27])
  const original = page.waitForEvent('filechooser')
  await page.getByRole('tab', { name: 'Album' }).click({ button: 'right' })
  await page.getByRole('menuitem', { name: 'Insert image…' }).click()
  await (await original).setFiles({ name: 'wide.png', mimeType: 'image/png', buffer: makePng(3000, 40) })
  await page.getByRole('alertdialog', { name: 'wide.png is large' }).getByRole('button', { name: 'Keep the original' }).click()
  await expect(editor).toContainText('![](wide-2.png)')
  await expect(editor).not.toContainText('![![')
  expect(pngSize(await readFile(path.join(served.dir, 'content/posts/album/wide-2.png')))).toEqual([3000, 40])
  await page.screenshot({ path: path.join(shots, 'files-1400.png') })
  await page.setViewportSize({ width: 900, height: 600 })
  await page.screenshot({ path: path.join(shots, 'files-900.png') })
  await page.setViewportSize({ width: 1400, height: 900 })

  // Delete the unreferenced file from the Files section: to the trash.
  await files.getByRole('button', { name: 'Delete unused.jpg' }).click()
  await page.getByRole('alertdialog', { name: 'Move unused.jpg to the trash?' }).getByRole('button', { name: 'Move to Trash' }).click()
  await expect(files.getByRole('listitem', { name: 'unused.jpg (unreferenced)' })).toBeHidden()
  expect(existsSync(path.join(served.dir, 'content/posts/album/unused.jpg'))).toBe(false)
  expect(await trashed(served.trash)).toContain('not really a jpeg')
})

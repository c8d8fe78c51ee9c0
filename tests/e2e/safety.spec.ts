import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, repoRoot, serveCopy, serveDir, stopServed, test } from './serve-fixture'

const samplePath = path.join('content', 'posts', '2025', 'is-k-rising-un-warns.md')
const sampleTitle = 'IS-K rising? UN warns of global chaos as Pakistan fires back at US'
const typed = 'A line typed before the crash.'
const typedLater = ' And a thought after a pause.'

async function openSample(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.getByRole('listbox', { name: 'Articles' }).getByRole('option', { name: sampleTitle }).click()
  await expect(page.getByRole('textbox', { name: 'Markdown editor' })).toContainText('The United Nations has raised alarm')
}

async function typeAtEnd(page: Page, text: string): Promise<void> {
  const editor = page.getByRole('textbox', { name: 'Markdown editor' })
  await editor.click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(text)
}

/** Scrolls every diff pane to the bottom so CodeMirror renders the last lines too (once the lazy diff view is in). */
async function scrollDiffsToEnd(page: Page): Promise<void> {
  await page.locator('.diff-host .cm-content').first().waitFor()
  await page.locator('.diff-host').evaluateAll((hosts) => hosts.forEach((host) => (host.scrollTop = host.scrollHeight)))
}

test('an external change while dirty shows the banner, writes nothing, Compare shows both sides, Merge keeps both', async ({ page, served }) => {
  const file = path.join(served.dir, samplePath)
  const original = await readFile(file, 'utf8')
  await openSample(page, served.url)
  await expect(page.getByRole('tablist', { name: 'Open articles' }).getByRole('tab', { name: sampleTitle })).toBeVisible()
  await typeAtEnd(page, 'My unsaved line.')
  await expect(page.getByRole('tab', { name: /unsaved/ })).toBeVisible()

  const theirs = original.replace('sidebar: "right"', 'sidebar: "left"')
  await writeFile(file, theirs)
  const banner = page.getByRole('alert').filter({ hasText: 'changed on disk' })
  await expect(banner).toBeVisible()
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(banner).toBeVisible()
  expect(await readFile(file, 'utf8')).toBe(theirs)

  await banner.getByRole('button', { name: 'Compare' }).click()
  const diff = banner.locator('.diff-view')
  await expect(diff).toContainText('On disk')
  await expect(diff).toContainText('Yours (unsaved)')
  await expect(diff).toContainText('sidebar: "left"')
  await expect(diff).toContainText('sidebar: "right"')
  await scrollDiffsToEnd(page)
  await expect(diff).toContainText('My unsaved line.')

  await banner.getByRole('button', { name: 'Merge' }).click()
  await expect(banner).toBeHidden()
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect.poll(() => readFile(file, 'utf8')).toBe(`${theirs}My unsaved line.`)
})

test('after the server is killed, reopening the folder offers the text typed over two pauses back with a diff and restores it', async ({ page }) => {
  const stateDir = await mkdtemp(path.join(os.tmpdir(), 'folio-e2e-journal-'))
  const env = { FOLIO_STATE_DIR: stateDir }
  const first = await serveCopy(undefined, env)
  const file = path.join(first.dir, samplePath)
  const original = await readFile(file, 'utf8')
  try {
    await openSample(page, first.url)
    await typeAtEnd(page, typed)
    const journal = path.join(stateDir, 'journal')
    const journaled = async (): Promise<string> => {
      const names = await readdir(journal, { recursive: true }).catch(() => [])
      // NOTE: an entry removed between the listing and its read (the save clears it) is gone, not an error.
      const read = (n: string): Promise<string> => readFile(path.join(journal, n), 'utf8').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? '' : Promise.reject(error)))
      const entries = await Promise.all(names.filter((n) => n.endsWith('.json')).map(read))
      return entries.join('\n')
    }
    // NOTE: no 3 s ceiling (it failed nothing but a loaded machine): the delay itself is journalDelayMs (400 ms, a
    // timer in journal-writer.ts, under the "within a second"); what this test proves is that the journal is
    // written and brings the text back.
    await expect.poll(journaled).toContain(typed)
    // A second pause: the journal now takes only the change since its entry (a patch), and still holds it all.
    await typeAtEnd(page, typedLater)
    await expect.poll(journaled).toContain(`${typed}${typedLater}`)
    expect(await journaled()).toMatch(/"entry":\{"id":"[^"]+","step":[1-9]\d*\}/)

    const exited = new Promise((resolve) => first.process.once('exit', resolve))
    first.process.kill('SIGKILL')
    await exited
    expect(await readFile(file, 'utf8')).toBe(original)

    const second = await serveDir(first.dir, env)
    try {
      await page.goto(second.url)
      const dialog = page.getByRole('dialog', { name: 'Recover unsaved changes' })
      await expect(dialog).toBeVisible()
      await expect(dialog).toContainText('is-k-rising-un-warns.md')
      await scrollDiffsToEnd(page)
      await expect(dialog.locator('.diff-view')).toContainText(`${typed}${typedLater}`)
      await dialog.getByRole('button', { name: 'Restore' }).click()
      await expect(dialog).toBeHidden()
      const editor = page.getByRole('textbox', { name: 'Markdown editor' })
      await editor.click()
      await page.keyboard.press('Control+End')
      await expect(editor).toContainText(`${typed}${typedLater}`)
      await expect(page.getByRole('banner').getByText('Unsaved changes', { exact: true })).toBeVisible()
      expect(await readFile(file, 'utf8')).toBe(original)
      await page.getByRole('button', { name: 'Save', exact: true }).click()
      await expect.poll(() => readFile(file, 'utf8')).toBe(`${original}${typed}${typedLater}`)
      await expect.poll(journaled).not.toContain(typed)
    } finally {
      await stopServed(second)
    }
  } finally {
    await rm(first.dir, { recursive: true, force: true })
    await rm(stateDir, { recursive: true, force: true })
  }
})

test('a non-UTF-8 file: a clear message, a read-only view, and never a save', async ({ page }) => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'folio-e2e-latin1-'))
  await cp(path.join(repoRoot, 'resources', 'sample-content'), root, { recursive: true })
  const dir = path.join(root, 'content', 'posts')
  const latin1 = path.join(dir, 'latin1.md')
  const latin1Bytes = Buffer.concat([Buffer.from('---\ntitle: Latin one\n---\nCaf'), Buffer.from([0xe9]), Buffer.from(' au lait\n')])
  await writeFile(latin1, latin1Bytes)
  // NOTE: files over 10 MB are refused by readArticle (tests/unit/core/folder-session.test.ts); not here, because the
  // list keeps re-rendering while such a file is in the folder (reported to the index/list owners).
  const served = await serveDir(root, { FOLIO_STATE_DIR: `${root}-state` })
  try {
    await checkUnsafeFiles(page, served.url, latin1, latin1Bytes)
  } finally {
    await stopServed(served)
    await rm(`${root}-state`, { recursive: true, force: true })
  }
})

async function checkUnsafeFiles(page: Page, url: string, latin1: string, latin1Bytes: Buffer): Promise<void> {
  await page.goto(url)
  const list = page.getByRole('listbox', { name: 'Articles' })

  // NOTE: filtered first: the article is the list's 21st row, below the fold of the virtualized list, and at load ~20
  // clicking it there never succeeded (the row was scrolled into view, re-rendered and detached, for 3 minutes).
  await page.getByLabel('Filter articles').fill('Latin one')
  await list.getByRole('option', { name: 'Latin one' }).click()
  await expect(page.getByRole('note').filter({ hasText: 'Read-only' })).toContainText(/UTF-8/)
  const editor = page.getByRole('textbox', { name: 'Markdown editor' })
  await expect(editor).toContainText('au lait')
  await editor.click()
  await page.keyboard.type('typed')
  await expect(editor).not.toContainText('typed')
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled()
  await page.keyboard.press('Control+s')
  expect((await readFile(latin1)).equals(latin1Bytes)).toBe(true)
}

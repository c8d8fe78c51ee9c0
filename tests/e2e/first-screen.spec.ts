import { expect, type Page, type Route } from '@playwright/test'
import { test } from './serve-fixture'

// NOTE: `folio serve` writes the first screen into the page as HTML (src/shared/first-screen.ts): these tests hold the
// app's script and look at what the browser painted without it, then let it run and check that React took the rows
// over where they were, with no moment without rows.
const shotDir = process.env.FOLIO_SCREENSHOT_DIR

interface Marks {
  rowCounts: number[]
  cspViolations: string[]
  /** Where the first row and the toolbar were right after React's first commit, before anything else changed. */
  takenOver: { row: DOMRect; toolbar: DOMRect } | null
}

async function watchRows(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const marks: Marks = { rowCounts: [], cspViolations: [], takenOver: null }
    ;(window as unknown as { marks: Marks }).marks = marks
    document.addEventListener('securitypolicyviolation', (event) => marks.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`))
    // NOTE: a callback runs after each task that changed the DOM, where the browser may paint next: a 0 after the
    // first rows would be a frame without rows.
    new MutationObserver(() => {
      const root = document.getElementById('root')
      if (root === null) return
      marks.rowCounts.push(root.querySelectorAll('.article-item').length)
      const row = root.querySelector('.article-item')
      const toolbar = root.querySelector('header.toolbar')
      if (marks.takenOver === null && root.querySelector('.first-screen') === null && row !== null && toolbar !== null) {
        marks.takenOver = { row: row.getBoundingClientRect().toJSON() as DOMRect, toolbar: toolbar.getBoundingClientRect().toJSON() as DOMRect }
      }
    }).observe(document, { childList: true, subtree: true })
  })
}

/** Opens the served page with the app's first script chunk held; resolves with the held request. */
async function openHeld(page: Page, url: string): Promise<Route> {
  let release: (route: Route) => void = () => undefined
  const held = new Promise<Route>((resolve) => (release = resolve))
  await page.route(/\/assets\/index-[^/]+\.js$/, (route) => release(route), { times: 1 })
  await page.goto(url, { waitUntil: 'commit' })
  return held
}

for (const viewport of [
  { width: 1400, height: 900 },
  { width: 900, height: 600 },
]) {
  test(`rows are painted before any script runs and React takes them over in place (${viewport.width}×${viewport.height})`, async ({ page, served }) => {
    await page.setViewportSize(viewport)
    await watchRows(page)
    const chunk = await openHeld(page, served.url)
    const served0 = page.locator('.first-screen .article-item').first()
    await expect(served0).toBeVisible()
    await expect(page.locator('.first-screen .article-item', { hasText: 'Welcome to Folio' })).toHaveCount(1)
    await expect(page.locator('.first-screen .toolbar-folder')).toBeVisible()
    // NOTE: nothing of the app has run (its chunk is held; the page data it takes out is still there), and the screen
    // is inert: a click is not taken.
    expect(await page.evaluate(() => document.getElementById('folio-early') !== null)).toBe(true)
    expect(await page.evaluate(() => document.querySelector('#root > .first-screen')?.hasAttribute('inert'))).toBe(true)
    const before = await served0.boundingBox()
    const toolbarBefore = await page.locator('header.toolbar').boundingBox()
    if (shotDir) await page.screenshot({ path: `${shotDir}/first-screen-static-${viewport.width}.png` })
    if (before !== null) await page.mouse.click(before.x + 20, before.y + 20)

    await chunk.continue()
    const live = page.getByRole('listbox', { name: 'Articles' }).getByRole('option', { name: /Welcome to Folio/ })
    await expect(live).toBeVisible()
    await expect(page.locator('.first-screen')).toHaveCount(0)
    const marks = await page.evaluate(() => (window as unknown as { marks: Marks }).marks)
    // NOTE: React's first commit put the first row and the toolbar exactly where the served screen had them.
    const box = (r: DOMRect | undefined) => r && { x: r.x, y: r.y, width: r.width, height: r.height }
    expect(box(marks.takenOver?.row)).toEqual(before)
    expect(box(marks.takenOver?.toolbar)).toEqual(toolbarBefore)
    const fromFirstRows = marks.rowCounts.slice(marks.rowCounts.findIndex((n) => n > 0))
    expect(fromFirstRows.length).toBeGreaterThan(1)
    expect(Math.min(...fromFirstRows)).toBeGreaterThan(0)
    expect(marks.cspViolations).toEqual([])
    // NOTE: the click on the inert row was not taken: no article opened.
    await expect(page.getByRole('banner').locator('.toolbar-path')).toHaveText('')
    if (shotDir) await page.screenshot({ path: `${shotDir}/first-screen-live-${viewport.width}.png` })
  })
}

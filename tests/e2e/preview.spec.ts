import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Locator, Page, Route } from '@playwright/test'
import { expect, repoRoot, test } from './serve-fixture'

interface XssVector {
  name: string
  markdown: string
}

const frameSelector = 'iframe[title="Article preview"]'

/** Opens an article from the list by its title and waits for the editor. */
async function openByTitle(page: Page, url: string, title: string): Promise<void> {
  await page.goto(url)
  await page.getByRole('listbox', { name: 'Articles' }).getByRole('option', { name: title }).click()
  await expect(page.getByRole('textbox', { name: 'Markdown editor' })).toBeVisible()
}

/**
 * Puts the cursor at the end of the document and pastes `text` (a paste event carrying it, as the author test pastes
 * an image). NOTE: not keyboard.insertText: Chromium inserts that into the editable DOM one line break at a time
 * before the editor reads it back; the 300 sections of the scroll-sync test took 28 s of CPU that way, 0.25 s pasted.
 */
async function appendText(page: Page, text: string): Promise<void> {
  const editor = page.getByRole('textbox', { name: 'Markdown editor' })
  await editor.click()
  await page.keyboard.press('Control+End')
  await editor.evaluate((element, pasted) => {
    const transfer = new DataTransfer()
    transfer.setData('text/plain', pasted)
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }))
  }, text)
}

/**
 * Resolves after `count` animation frames of the page. NOTE: instead of a fixed sleep: scroll sync, a dialog or a
 * navigation started by a click acts within a frame or two, so what has not happened after many frames does not.
 */
const afterFrames = (page: Page, count: number) =>
  page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        let left = n
        const step = (): void => {
          left -= 1
          if (left <= 0) resolve()
          else requestAnimationFrame(step)
        }
        requestAnimationFrame(step)
      }),
    count,
  )

const editorScrollTop = (page: Page) => page.locator('.cm-scroller').evaluate((element) => element.scrollTop)
const previewScrollTop = (page: Page) =>
  page.locator(frameSelector).evaluate((frame) => (frame as HTMLIFrameElement).contentDocument?.scrollingElement?.scrollTop ?? -1)

test('typing updates the preview after a short pause', async ({ page, served }) => {
  await openByTitle(page, served.url, 'Welcome to Folio')
  const preview = page.frameLocator(frameSelector).locator('body')
  await expect(page.getByRole('region', { name: 'Preview' })).toBeVisible()
  await appendText(page, '\n\n## A heading typed just now\n\nWith *emphasis*.\n')
  await expect(preview.getByRole('heading', { name: 'A heading typed just now' })).toBeVisible()
  await expect(preview.locator('em', { hasText: 'emphasis' })).toBeVisible()
  // NOTE: the content sits in the srcdoc document (not a fallback about:blank), under its own no-script CSP.
  expect(page.frames().map((frame) => frame.url())).toContain('about:srcdoc')
  const csp = page.frameLocator(frameSelector).locator('meta[http-equiv="Content-Security-Policy"]')
  await expect(csp).toHaveAttribute('content', /^default-src 'none'; img-src http:\/\/127\.0\.0\.1:\d+ data:;/)
  await expect(page.locator(frameSelector)).toHaveAttribute('sandbox', 'allow-same-origin')
})

test('page-bundle and static/ images load through the asset route', async ({ page, served }) => {
  await openByTitle(page, served.url, 'A weekend in the mountains')
  const preview = page.frameLocator(frameSelector).locator('body')
  const width = (alt: string) => preview.getByRole('img', { name: alt }).evaluate((img) => (img as HTMLImageElement).naturalWidth)
  await expect(preview.getByRole('img', { name: 'Cover photo' })).toHaveAttribute('src', /^\/asset\/[0-9a-f]{64}\/content\/posts\/2024\/mountain-trip\/cover\.png$/)
  await expect.poll(() => width('Cover photo')).toBeGreaterThan(0)
  await expect(preview.getByRole('img', { name: 'Logo' })).toHaveAttribute('src', /^\/asset\/[0-9a-f]{64}\/static\/img\/logo\.png$/)
  await expect.poll(() => width('Logo')).toBeGreaterThan(0)
  await expect(page.getByRole('checkbox', { name: 'Load remote images' })).not.toBeChecked()
})

test('remote images stay out until "Load remote images" is on, then load', async ({ page, context, served }) => {
  const logo = await readFile(path.join(repoRoot, 'resources', 'sample-content', 'static', 'img', 'logo.png'))
  const remote: string[] = []
  // NOTE: the remote host is a local stand-in; nothing leaves the machine.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => {
    remote.push(route.request().url())
    return route.fulfill({ status: 200, contentType: 'image/png', body: logo })
  })
  await openByTitle(page, served.url, 'Welcome to Folio')
  await appendText(page, '\n\n![Far away](https://images.example/far.png)\n')
  const preview = page.frameLocator(frameSelector).locator('body')
  await expect(preview).toContainText('Far away')
  await expect(preview.getByRole('img', { name: 'Far away' })).toHaveCount(0)
  expect(remote).toEqual([])
  await page.getByRole('checkbox', { name: 'Load remote images' }).check()
  const image = preview.getByRole('img', { name: 'Far away' })
  await expect(image).toHaveAttribute('src', 'https://images.example/far.png')
  await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0)
  await page.getByRole('checkbox', { name: 'Load remote images' }).uncheck()
  await expect(preview.getByRole('img', { name: 'Far away' })).toHaveCount(0)
})

test('editor and preview scroll in step both ways', async ({ page, served }) => {
  await openByTitle(page, served.url, 'Welcome to Folio')
  const sections = Array.from({ length: 80 }, (_, i) => `## Section ${i + 1}\n\nParagraph ${i + 1} of a long article.\n`).join('\n')
  await appendText(page, `\n\n${sections}`)
  const preview = page.frameLocator(frameSelector).locator('body')
  await expect(preview.getByRole('heading', { name: 'Section 80' })).toBeAttached()
  await page.keyboard.press('Control+Home')
  await expect.poll(() => editorScrollTop(page)).toBeLessThan(40)

  await page.locator('.cm-scroller').hover()
  await page.mouse.wheel(0, 1500)
  await expect.poll(() => previewScrollTop(page)).toBeGreaterThan(300)

  const editorBefore = await editorScrollTop(page)
  await page.locator(frameSelector).hover()
  await page.mouse.wheel(0, 1500)
  await expect.poll(() => editorScrollTop(page)).toBeGreaterThan(editorBefore + 300)

  await page.mouse.wheel(0, -100_000)
  await expect.poll(() => previewScrollTop(page)).toBe(0)
  await expect.poll(() => editorScrollTop(page)).toBeLessThan(40)
  // NOTE: no feedback loop: once settled, neither pane keeps moving the other (a loop moves them every frame).
  const settled = [await editorScrollTop(page), await previewScrollTop(page)]
  await afterFrames(page, 20)
  expect([await editorScrollTop(page), await previewScrollTop(page)]).toEqual(settled)
})

test('scroll sync lands on the right block of a long article both ways', async ({ page, served }) => {
  await openByTitle(page, served.url, 'Welcome to Folio')
  // NOTE: paragraphs of varied length, so a block's place is not a multiple of a fixed height.
  const sections = Array.from({ length: 300 }, (_, i) => `## Part ${i + 1}\n\n${'Words of a paragraph. '.repeat(1 + ((i * 37) % 40))}\n\n- a point\n- another point\n`).join('\n')
  await appendText(page, `\n\n${sections}`)
  const preview = page.frameLocator(frameSelector)
  await expect(preview.getByRole('heading', { name: 'Part 300' })).toBeAttached()
  await page.keyboard.press('Control+Home')
  await expect.poll(() => previewScrollTop(page)).toBeLessThan(40)
  // An outline jump puts its heading at the top of the preview, and it stays there...
  await page.keyboard.press('Control+Shift+O')
  await page.getByRole('navigation', { name: 'Outline' }).getByRole('button', { name: 'Part 250' }).click()
  const heading = preview.getByRole('heading', { name: 'Part 250' })
  await expect.poll(() => heading.evaluate((element) => Math.abs(Math.round(element.getBoundingClientRect().top)))).toBe(0)
  await afterFrames(page, 10)
  expect(await heading.evaluate((element) => Math.abs(Math.round(element.getBoundingClientRect().top)))).toBe(0)
  // ...and the editor follows the preview to the section at its top.
  const previewSection = () =>
    page.locator(frameSelector).evaluate((frame) => {
      const headings = [...((frame as HTMLIFrameElement).contentDocument?.querySelectorAll('h2') ?? [])]
      // NOTE: only headings the browser shows: a heading in a chunk it skips (content-visibility) is measured where
      // its chunk's estimated height puts it, which may be anywhere, even above the viewport's top.
      return headings.filter((element) => element.checkVisibility({ contentVisibilityAuto: true }) && element.getBoundingClientRect().top <= 1).pop()?.textContent ?? ''
    })
  // NOTE: the editor draws only the lines in view: the section of its top line is its own heading's, or the one
  // before the next heading drawn.
  const editorSection = () =>
    page.locator('.cm-scroller').evaluate((scroller) => {
      const top = scroller.getBoundingClientRect().top + 1
      const lines = [...scroller.querySelectorAll('.cm-line')]
      // NOTE: a blank line at the top (the line before a heading, seen by a pixel) belongs to no section's text.
      const first = lines.findIndex((line) => line.getBoundingClientRect().bottom > top && (line.textContent ?? '') !== '')
      const heading = lines.slice(Math.max(0, first)).find((line) => /^## Part \d+$/.test(line.textContent ?? ''))
      const part = Number(heading?.textContent?.slice('## Part '.length))
      return heading === lines[first] ? `Part ${part}` : `Part ${part - 1}`
    })
  for (const delta of [-9000, 15000]) {
    await page.locator(frameSelector).hover()
    await page.mouse.wheel(0, delta)
    await afterFrames(page, 10)
    const section = await previewSection()
    expect(section).toMatch(/^Part \d+$/)
    await expect.poll(editorSection).toBe(section)
  }
})

test('a missing image whose 404 comes while its chunk is off screen shows as a broken image with its alt text', async ({ page, served }) => {
  // NOTE: the answer is held until the image's chunk was laid out with it loading and then scrolled far away.
  const held: Route[] = []
  await page.route('**/missing-picture.png', (route) => void held.push(route))
  await openByTitle(page, served.url, 'Welcome to Folio')
  const sections = Array.from({ length: 200 }, (_, i) => `## Part ${i + 1}\n\n${'Words of a paragraph. '.repeat(8)}\n`).join('\n')
  await appendText(page, `\n\n![Missing picture](missing-picture.png)\n\n${sections}`)
  const preview = page.frameLocator(frameSelector)
  await expect(preview.getByRole('heading', { name: 'Part 200' })).toBeAttached()
  await expect.poll(() => held.length).toBeGreaterThan(0)
  const image = preview.locator('img[alt="Missing picture"]')
  const scrollPreview = (to: 'image' | 'end') =>
    page.locator(frameSelector).evaluate((frame, to) => {
      const doc = (frame as HTMLIFrameElement).contentDocument
      if (to === 'end') doc?.scrollingElement?.scrollTo(0, doc.scrollingElement.scrollHeight)
      else doc?.querySelector('img[alt="Missing picture"]')?.closest('p')?.scrollIntoView({ block: 'center' })
    }, to)
  await scrollPreview('image')
  await afterFrames(page, 5)
  await scrollPreview('end')
  await afterFrames(page, 5)
  expect(await image.evaluate((img) => img.checkVisibility({ contentVisibilityAuto: true }))).toBe(false)
  for (const route of held.splice(0)) await route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' })
  await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).complete)).toBe(true)
  await afterFrames(page, 5)
  await scrollPreview('image')
  await expect(preview.getByRole('img', { name: 'Missing picture' })).toBeVisible()
  await expect.poll(() => image.evaluate((img) => img.getBoundingClientRect().height)).toBeGreaterThan(10)
})

/**
 * True when the element is shown where it is, in reach of the reader: inside the frame's width, and what is at the
 * middle of its box is the element itself (or its text), not clipped away or covered.
 */
function isInReach(target: Locator): Promise<boolean> {
  return target.evaluate((element) => {
    const box = element.getBoundingClientRect()
    const view = element.ownerDocument.documentElement
    const hit = element.ownerDocument.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
    return box.right <= view.clientWidth + 1 && box.left >= 0 && hit !== null && element.contains(hit)
  })
}

test('raw HTML wider than the preview can be scrolled to, not cut off at its chunk', async ({ page, served }) => {
  await openByTitle(page, served.url, 'Welcome to Folio')
  const paragraphs = Array.from({ length: 150 }, (_, i) => `Paragraph ${i + 1} of words.`).join('\n\n')
  await appendText(page, `\n\n${paragraphs}\n\n<div style="width: 1500px">A wide block <span style="float: right">Far right end</span></div>\n\n${paragraphs}\n`)
  const preview = page.frameLocator(frameSelector)
  const end = preview.getByText('Far right end')
  await end.scrollIntoViewIfNeeded()
  await expect.poll(() => isInReach(end)).toBe(true)
})

test('a table wider than the preview keeps its words whole and scrolls sideways under itself', async ({ page, served }) => {
  await openByTitle(page, served.url, 'Welcome to Folio')
  const columns = Array.from({ length: 12 }, (_, c) => c)
  const rows = [0, 1, 2].map((r) => `| ${columns.map((c) => `cell ${r}-${c} with some longer text`).join(' | ')} |`).join('\n')
  await appendText(page, `\n\n| ${columns.map((c) => `Column ${c}`).join(' | ')} |\n|${'---|'.repeat(12)}\n${rows}\n`)
  const preview = page.frameLocator(frameSelector)
  // NOTE: the roles too: a table laid out as a block keeps its table, row and cell roles in Chromium.
  const table = preview.getByRole('table')
  const last = table.getByRole('cell', { name: 'cell 2-11 with some longer text' })
  await expect(last).toBeAttached()
  // NOTE: squeezed to the pane, each column was one letter wide: "Column 10" took five lines. Its words whole, two.
  const headerLines = await table.getByRole('columnheader', { name: 'Column 10' }).evaluate((cell) => {
    const style = getComputedStyle(cell)
    return (cell.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)) / parseFloat(style.lineHeight)
  })
  expect(headerLines).toBeLessThan(2.5)
  const box = await table.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth, right: element.getBoundingClientRect().right, view: element.ownerDocument.documentElement.clientWidth }))
  expect(box.scroll).toBeGreaterThan(box.client)
  expect(box.right).toBeLessThanOrEqual(box.view)
  // NOTE: the far end is in reach by scrolling the table itself: the element at the middle of the last cell is that cell.
  await table.evaluate((element) => element.scrollTo({ left: element.scrollWidth }))
  await last.scrollIntoViewIfNeeded()
  await expect.poll(() => isInReach(last)).toBe(true)
})

test('links in the preview never navigate the app: http(s) opens a new tab, #anchors scroll the preview', async ({ page, context, served }) => {
  // NOTE: nothing leaves the machine; the new tab gets a local stand-in page and keeps its URL.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: 'stand-in' }))
  await openByTitle(page, served.url, 'Welcome to Folio')
  const filler = Array.from({ length: 60 }, (_, i) => `Filler paragraph ${i + 1}.\n`).join('\n')
  await appendText(page, `\n\n[Hugo site](https://gohugo.io/) [Jump down](#the-target) [Local](other.md)\n\n${filler}\n## The target\n`)
  const preview = page.frameLocator(frameSelector).locator('body')
  const appUrl = page.url()

  await preview.getByRole('link', { name: 'Local' }).click()
  await preview.getByRole('link', { name: 'Jump down' }).click()
  await expect.poll(() => previewScrollTop(page)).toBeGreaterThan(200)
  expect(page.url()).toBe(appUrl)
  expect(page.frames().map((frame) => frame.url())).not.toContain(expect.stringContaining('other.md'))

  const popup = context.waitForEvent('page')
  await preview.getByRole('link', { name: 'Hugo site' }).click()
  const opened = await popup
  await expect.poll(() => opened.url()).toContain('gohugo.io')
  expect(page.url()).toBe(appUrl)
  await expect(page.getByRole('textbox', { name: 'Markdown editor' })).toBeVisible()
})

// NOTE: the vectors are split over a few tests, each with its own page and listeners, so the workers share them:
// in one run they were a single 36 s test, the last one running, while the other worker had finished. Two since
// several vectors share a document: a part's fixed cost (serve, open the app, the control) is ~5 s of its ~11 s.
const xssParts = 2
const xssVectors = JSON.parse(readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'xss-vectors.json'), 'utf8')) as XssVector[]

/**
 * True when a vector may have others before it in one document: its raw HTML closes every element it opens, and it
 * holds nothing whose reach is the whole document or the rest of it. NOTE: conservative on purpose (a vector in
 * doubt goes last in its document, as alone): raw-text and comment openers swallow what follows; a reference or
 * footnote definition applies to the whole document (the first of two with one label wins); a shortcode may be
 * paired. Each document is also checked in the page (every marker a paragraph of its own at the top level).
 */
function isSelfContained(markdown: string): boolean {
  if (/<(?:script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|template|plaintext|base|meta|link|body|html|head)\b|<!|<\?|\{\{/i.test(markdown)) return false
  if (/^ {0,3}\[[^\]]+\]:/m.test(markdown)) return false
  const open = new Map<string, number>()
  // NOTE: the parser's void elements only: an element it no longer knows (isindex, keygen) stays open.
  const voids = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'source', 'track', 'wbr'])
  for (const [, close = '', name = '', rest = ''] of markdown.matchAll(/<(\/?)([A-Za-z][\w:-]*)([^>]*)>/g)) {
    const tag = name.toLowerCase()
    if (voids.has(tag) || rest.endsWith('/')) continue
    open.set(tag, (open.get(tag) ?? 0) + (close === '/' ? -1 : 1))
  }
  return [...open.values()].every((count) => count === 0)
}

/**
 * The vectors as documents: self-contained vectors one after another, each after its own marker paragraph, and at
 * most one other vector, last. NOTE: a document costs a render pause (the preview's debounce) and a few browser
 * round trips, ~0.3 s; one per vector was ~30 s of the three parts' 51 s (idle). 106 vectors make 49 documents.
 */
function xssDocuments(vectors: readonly XssVector[], perDocument: number): { index: number; vector: XssVector }[][] {
  const documents: { index: number; vector: XssVector }[][] = []
  let current: { index: number; vector: XssVector }[] = []
  vectors.forEach((vector, index) => {
    current.push({ index, vector })
    if (!isSelfContained(vector.markdown) || current.length >= perDocument) {
      documents.push(current)
      current = []
    }
  })
  if (current.length > 0) documents.push(current)
  return documents
}

const xssMarker = (index: number) => `vector-${index}-rendered`

for (let part = 0; part < xssParts; part += 1) {
  test(`no XSS vector executes (part ${part + 1} of ${xssParts}): no dialog, no request leaves 127.0.0.1, no script errors`, async ({ page, served }) => {
    test.setTimeout(240_000)
    expect(xssVectors.length).toBeGreaterThan(100)
    // NOTE: every vector lands in exactly one document, every document in exactly one part (its index modulo the part count).
    const documents = xssDocuments(xssVectors, 12)
    expect(documents.flat().map(({ index }) => index)).toEqual(xssVectors.map((_vector, index) => index))
    const dialogs: string[] = []
    const outside: string[] = []
    const scriptErrors: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    page.on('request', (request) => {
      const url = request.url()
      if (!url.startsWith(`http://127.0.0.1:`) && !url.startsWith('data:') && !url.startsWith('about:')) outside.push(url)
    })
    page.on('pageerror', (error) => scriptErrors.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error' && !/Content Security Policy|Failed to load resource/.test(message.text())) scriptErrors.push(message.text())
    })
    await page.context().route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort())

    await openByTitle(page, served.url, 'Welcome to Folio')
    const preview = page.frameLocator(frameSelector).locator('body')
    const editor = page.getByRole('textbox', { name: 'Markdown editor' })
    const clickable = preview.locator('a, area, button')
    for (const batch of documents.filter((_document, index) => index % xssParts === part)) {
      const names = batch.map(({ vector }) => vector.name).join(', ')
      // NOTE: focus (a click in the preview took it), select all, and paste over it (see appendText).
      await editor.focus()
      await page.keyboard.press('Control+A')
      await editor.evaluate((element, pasted) => {
        const transfer = new DataTransfer()
        transfer.setData('text/plain', pasted)
        element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }))
      }, batch.map(({ vector, index }) => `${xssMarker(index)}\n\n${vector.markdown}\n`).join('\n'))
      await expect(preview.getByText(xssMarker(batch.at(-1)?.index ?? -1), { exact: true }), names).toBeAttached()
      // NOTE: in one call (the frame's document is readable from the app page, same origin; Playwright cannot run
      // script inside it, it is sandboxed without scripts): the markers that are paragraphs at the top level of the
      // page's chunks (a vector that swallows what follows as text, or keeps it inside an element, hides the next
      // marker), and which links and buttons to click. Real clicks on what is left of them must not run anything
      // either; http(s) links are skipped (they would open a tab); the others are clicked when visible by Playwright's
      // test (a box, checkVisibility and visibility: visible; under display: contents, a visible child).
      const found = await page.locator(frameSelector).evaluate((element) => {
        const doc = (element as HTMLIFrameElement).contentDocument
        const view = doc?.defaultView
        if (!doc || !view) return null
        const isVisible = (target: Element): boolean => {
          const style = view.getComputedStyle(target)
          if (style.display === 'contents') return [...target.children].some(isVisible) || [...target.childNodes].some((node) => node.nodeType === 3 && (node.textContent ?? '').trim() !== '')
          const box = target.getBoundingClientRect()
          return target.checkVisibility() && style.visibility === 'visible' && box.width > 0 && box.height > 0
        }
        return {
          markers: [...doc.querySelectorAll('folio-chunk > p')].map((p) => p.textContent ?? '').filter((text) => /^vector-\d+-rendered$/.test(text)),
          targets: [...doc.querySelectorAll('a, area, button')].map((target, at) => (/^https?:/i.test(target.getAttribute('href') ?? '') || !isVisible(target) ? -1 : at)).filter((at) => at !== -1),
        }
      })
      expect(found?.markers, names).toEqual(batch.map(({ index }) => xssMarker(index)))
      for (const at of found?.targets ?? []) await clickable.nth(at).click({ force: true, timeout: 2000 })
    }
    await afterFrames(page, 20)
    expect(dialogs).toEqual([])
    expect(outside).toEqual([])
    expect(scriptErrors).toEqual([])
    await expect(preview.locator('script')).toHaveCount(0)

    // NOTE: the control: a remote image with "Load remote images" on does make a request, so the listener works.
    await page.getByRole('checkbox', { name: 'Load remote images' }).check()
    await editor.click()
    await page.keyboard.press('Control+A')
    await page.keyboard.insertText('![remote](https://images.example/control.png)\n')
    await expect.poll(() => outside).toContain('https://images.example/control.png')
  })
}

test('a ref link in the preview opens the article it names in the editor', async ({ page, served }) => {
  await openByTitle(page, served.url, 'Markdown showcase')
  const preview = page.frameLocator(frameSelector).locator('body')
  await preview.getByRole('link', { name: 'the welcome article' }).click()
  await expect(page.getByRole('option', { name: 'Welcome to Folio' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('form', { name: 'Front matter' }).getByLabel('title', { exact: true })).toHaveValue('Welcome to Folio')
})

test('the preview follows the system switching between light and dark', async ({ page, served }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await openByTitle(page, served.url, 'Welcome to Folio')
  // NOTE: null while the frame has no body: the frame's document is written after the article opens, and a read in
  // between threw (getComputedStyle of null), which expect.poll does not retry. The light colour is read once the
  // article is in the frame.
  const frameBackground = () =>
    page.locator(frameSelector).evaluate((frame) => {
      const body = (frame as HTMLIFrameElement).contentDocument?.body
      return body ? getComputedStyle(body).backgroundColor : null
    })
  await expect(page.frameLocator(frameSelector).locator('body')).toContainText('Welcome')
  const light = await frameBackground()
  expect(light).not.toBeNull()
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect.poll(async () => { const dark = await frameBackground(); return dark !== null && dark !== light }).toBe(true)
  await expect(page.frameLocator(frameSelector).locator('body')).toContainText('Welcome')
})

// The whole app in browser mode (issue 7): `folio serve` on a make-corpus folder (50,000 articles unless
// BENCH_ARTICLES says otherwise), driven by Chromium in a 1400x900 window. Reports when the first rows are painted
// (after the list appears, and after navigation) and when all rows are listed, the page's JS heap once settled, and
// the peak RSS of the serve process (host, index workers, watcher) and of the page's renderer process, sampled every
// 100 ms while the list fills, an article opens (the form builds the folder schema) and a folder search runs; then the
// same folder opened again with the summary cache the first run left (first rows and all rows). Every step waits for
// its condition (the row, the schema's answer, the search count), never a fixed time. Linux only (reads /proc);
// skipped without Chromium.
// "First rows" is navigation start (the page's time origin) to the first frame painted after a row is in the list:
// the row's insertion is seen by a MutationObserver, then a requestAnimationFrame callback and a message after it
// mark the frame that shows it. `folio serve` writes the first screen into the page as HTML (first-screen.ts), so
// those rows need no script; "React's rows" is the same mark for the rows of React's list (the list takes input
// from then on). Floors, from the same `folio serve` just started on the same folder in the same state (cold, then
// with the cache): a page with no script and one line of text (the floor of first rows), and an empty page whose one
// tiny script adds the line (the floor of React's rows); and the no-script page again from a plain server with no
// headers, the browser's own floor (the difference is the headers' cost: see floorOf). Folio's part is a figure minus
// its floor. Each is the median
// of BENCH_APP_REPEATS runs (default 5), each on a freshly started server (cold: a fresh cache folder each time).
// The page's main-thread task time (CDP Performance.getMetrics TaskDuration) is its CPU until React's rows.
// The first byte (navigation timing responseStart) of the page and of the floor page splits first rows into the
// server's part (until the first byte) and the browser's (the rest).
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright'
import { hostNodeFlags } from '../scripts/host-flags.mjs'
import { record } from './report.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const articles = Number(process.env.BENCH_ARTICLES ?? 50000)
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (process.platform !== 'linux' || !fs.existsSync(executablePath)) {
  console.log(`skipped: needs Linux and Chromium at ${executablePath}`)
  process.exit(0)
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-bench-app-'))
const rssMb = (pid) => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024
  } catch {
    return 0
  }
}
const rendererPids = () =>
  fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name)).filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')
    } catch {
      return false
    }
  })

let server = null
let browser = null
// NOTE: the no-script floor page from a plain HTTP server in this process (no headers but its type): see floorOf.
const plainFloor = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
  res.end(fs.readFileSync(path.join(floorBuild, 'out', 'renderer', 'floor-html.html')))
})
const plainFloorUrl = await new Promise((resolve) => plainFloor.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${plainFloor.address().port}/floor-html.html`)))

// NOTE: the floor page is served from a copy of the build (out/cli and out/renderer, with the page added), so the
// build itself is left as it is; the copy finds its npm packages through a node_modules link.
const floorBuild = path.join(work, 'build')
fs.cpSync(path.join(root, 'out', 'cli'), path.join(floorBuild, 'out', 'cli'), { recursive: true })
fs.cpSync(path.join(root, 'out', 'renderer'), path.join(floorBuild, 'out', 'renderer'), { recursive: true })
fs.symlinkSync(path.join(root, 'node_modules'), path.join(floorBuild, 'node_modules'), 'dir')
fs.writeFileSync(path.join(floorBuild, 'out', 'renderer', 'floor.html'), '<!doctype html><html><head><meta charset="UTF-8"><script type="module" src="./floor.js"></script></head><body></body></html>')
fs.writeFileSync(path.join(floorBuild, 'out', 'renderer', 'floor.js'), "document.body.append('Folio')\nrequestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => { window.floorAt = performance.now() }; c.port2.postMessage(0) })\n")
// NOTE: the floor of a page with no script at all (what the served first screen needs now): one line of text, marked
// by the same frame mark from an init script.
fs.writeFileSync(path.join(floorBuild, 'out', 'renderer', 'floor-html.html'), '<!doctype html><html><head><meta charset="UTF-8"></head><body>Folio</body></html>')
const viewport = { width: 1400, height: 900 }
// NOTE: five, not three: on an idle machine three runs gave 289-502 ms cold and 239-400 ms with the cache, so
// two of three could be the slow kind; a median of five holds against two.
const repeats = Math.max(1, Number(process.env.BENCH_APP_REPEATS ?? 5))
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]

/** Starts `folio serve` on `corpus` with the summary cache in `cacheDir` ('off': none); resolves to its URL. */
async function startServe(corpus, cacheDir, build = root) {
  // NOTE: started as `npm start` starts it in browser mode, with the host's V8 flags.
  server = spawn(process.execPath, [...hostNodeFlags, path.join(build, 'out/cli/folio.mjs'), 'serve', corpus], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, FOLIO_CACHE_DIR: cacheDir, FOLIO_STATE_DIR: path.join(work, 'state') } })
  return new Promise((resolve, reject) => {
    let out = ''
    server.stdout.on('data', (chunk) => {
      out += chunk
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out)
      if (match) resolve(match[1])
    })
    server.on('exit', (code) => reject(new Error(`folio serve exited with ${code}`)))
  })
}

async function stopServe() {
  const stopping = server
  server = null
  if (stopping === null || stopping.exitCode !== null) return
  await new Promise((resolve) => {
    stopping.on('exit', resolve)
    stopping.kill()
  })
}

/**
 * The page start-up floors on a server just started on `corpus`: navigation to the first line painted (ms) of a page
 * with no script (`html`), then of an empty page whose one tiny script adds the line (`script`).
 */
async function floorOf(corpus, cacheDir) {
  const url = await startServe(corpus, cacheDir, floorBuild)
  const { at: htmlMs, firstByte: htmlFirstByteMs } = await noScriptFloorAt(url.replace('/?token=', '/floor-html.html?token='))
  const page = await browser.newPage({ viewport })
  await page.goto(url.replace('/?token=', '/floor.html?token='))
  await page.waitForFunction(() => window.floorAt !== undefined, undefined, { polling: 10, timeout: 120_000 })
  const scriptMs = await page.evaluate(() => window.floorAt)
  await page.close()
  await stopServe()
  // NOTE: the same no-script page from a plain server with no headers, in this process: the browser's own floor. What
  // the floor page from `folio serve` takes beyond it is mostly its headers' doing: Cross-Origin-Opener-Policy makes
  // Chromium swap the new tab's renderer process at navigation (see src/server/security.ts).
  const { at: plainMs } = await noScriptFloorAt(plainFloorUrl)
  return { html: htmlMs, script: scriptMs, htmlFirstByte: htmlFirstByteMs, plain: plainMs }
}

/** Navigation to the first frame painted with its one line of text, and the first byte, of a no-script floor page. */
async function noScriptFloorAt(url) {
  const html = await browser.newPage({ viewport })
  await html.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.body?.textContent?.includes('Folio')) return
      observer.disconnect()
      requestAnimationFrame(() => {
        const c = new MessageChannel()
        c.port1.onmessage = () => {
          window.floorAt = performance.now()
        }
        c.port2.postMessage(0)
      })
    }).observe(document, { childList: true, subtree: true })
  })
  await html.goto(url)
  await html.waitForFunction(() => window.floorAt !== undefined, undefined, { polling: 10, timeout: 120_000 })
  const at = await html.evaluate(() => window.floorAt)
  const firstByte = await html.evaluate(() => performance.getEntriesByType('navigation')[0]?.responseStart ?? null)
  await html.close()
  return { at, firstByte }
}

/**
 * Opens the folder in a fresh page: first rows painted (after the list appeared and after navigation), all rows
 * (when `waitsForAll`), then (when `isFull`) an article opened with its form and folder schema, and a folder search
 * answered, sampling peak RSS.
 */
async function openFolder(corpus, cacheDir, isFull, waitsForAll = true) {
  const url = await startServe(corpus, cacheDir)
  const page = await browser.newPage({ viewport })
  // NOTE: the page's main-thread task time (CPU the renderer spent on this page) by the time React's rows were seen.
  const metrics = await page.context().newCDPSession(page)
  await metrics.send('Performance.enable')
  let peakServe = 0
  let peakRenderer = 0
  const sampler = setInterval(() => {
    if (server !== null) peakServe = Math.max(peakServe, rssMb(server.pid))
    for (const pid of rendererPids()) peakRenderer = Math.max(peakRenderer, rssMb(pid))
  }, 100)
  const total = articles.toLocaleString('en-US')
  // NOTE: marks taken in the page as the DOM changes: when the list appears (the page has the folder open: in browser
  // mode the server opened it before the page loaded) and when the frame showing its first row is painted.
  await page.addInitScript(() => {
    const marks = {}
    window.folioMarks = marks
    // NOTE: the mark of the frame after the current one is painted: a requestAnimationFrame callback runs just before
    // it is drawn, a message posted there runs after.
    const afterPaint = (name) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => {
          marks[name] = performance.now()
        }
        channel.port2.postMessage(0)
      })
    new MutationObserver((_, observer) => {
      marks.listAt ??= document.querySelector('.article-list') ? performance.now() : undefined
      if (marks.rowsSeen === undefined && document.querySelector('[role=listbox][aria-label=Articles] .article-item')) {
        marks.rowsSeen = performance.now()
        afterPaint('rowsAt')
      }
      // NOTE: rows of React's list, not of the first screen `folio serve` wrote into the page (see first-screen.ts).
      if (document.querySelector('#root > .workbench:not(.first-screen) [role=listbox] [role=option]')) {
        observer.disconnect()
        afterPaint('liveAt')
      }
    }).observe(document, { childList: true, subtree: true })
  })
  await page.goto(url)
  await page.waitForFunction(() => window.folioMarks.rowsAt !== undefined && window.folioMarks.liveAt !== undefined, undefined, { polling: 10, timeout: 120_000 })
  const { listAt, rowsAt: firstRowsMs, liveAt: liveRowsMs } = await page.evaluate(() => window.folioMarks)
  const paintMs = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null)
  // NOTE: the server's part of first rows: navigation start to the page's first byte (the browser's part is the rest).
  const firstByteMs = await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.responseStart ?? null)
  const taskMs = 1000 * ((await metrics.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0)
  if (waitsForAll) await page.waitForFunction((t) => document.body.innerText.includes(`${t} of ${t} articles`), total, { polling: 100, timeout: 300_000 })
  const allRowsMs = waitsForAll ? await page.evaluate(() => performance.now()) : null
  const result = { listAt, firstRowsMs, liveRowsMs, paintMs, firstByteMs, taskMs, allRowsMs, listedHeap: null, openHeap: null, peakServe: 0, peakRenderer: 0 }
  if (isFull) {
    const cdp = await page.context().newCDPSession(page)
    const heapMb = async () => {
      await cdp.send('HeapProfiler.collectGarbage')
      return (await cdp.send('Runtime.getHeapUsage')).usedSize / 1048576
    }
    result.listedHeap = await heapMb()
    // NOTE: the form asks for the folder schema, which reads every article once in an index worker: waited for by
    // its answer, not by a fixed sleep.
    const schema = page.waitForResponse((response) => response.url().includes('/api/getFolderSchema'), { timeout: 300_000 })
    await page.getByRole('listbox', { name: 'Articles' }).getByRole('option').first().click()
    await schema
    await page.getByRole('form', { name: 'Front matter' }).waitFor({ timeout: 60_000 })
    result.openHeap = await heapMb()
    await page.keyboard.press('Control+Shift+F')
    await page.keyboard.type('council')
    await page.waitForFunction(() => /\d[\d,]* matching articles(?! so far)/.test(document.body.innerText), undefined, { polling: 100, timeout: 300_000 })
  }
  clearInterval(sampler)
  result.peakServe = peakServe
  result.peakRenderer = peakRenderer
  await page.close()
  await stopServe()
  return result
}

try {
  // NOTE: BENCH_APP_CORPUS names an existing make-corpus folder to use instead of generating one (it is not changed).
  const corpus = process.env.BENCH_APP_CORPUS ?? path.join(work, 'site')
  if (process.env.BENCH_APP_CORPUS === undefined) execFileSync(process.execPath, [[path.join(root, '../shared/tools/make-corpus.mjs'), path.join(root, 'tests/support/make-corpus.mjs')].find((p) => fs.existsSync(p)), corpus, '--articles', String(articles)], { stdio: 'ignore' })
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] })
  // NOTE: cold: no summary cache yet (this run fills it), a fresh state folder; then the same folder again with it.
  const cacheDir = path.join(work, 'cache')
  // NOTE: BENCH_APP_FIRST_ROWS_ONLY=1 skips the article, schema and search steps (and so the RSS figure): on a machine
  // loaded past 20 the schema's answer alone can take minutes.
  const isFullRun = process.env.BENCH_APP_FIRST_ROWS_ONLY !== '1'
  const runs = { coldFloor: [], cold: [], cachedFloor: [], cached: [] }
  let cold = null
  let cached = null
  for (let i = 0; i < repeats; i++) {
    // NOTE: the first cold run fills `cacheDir` and waits for every row; later cold runs get a fresh cache folder each
    // and stop at the first rows. Floor and app alternate so that a change in the machine's load hits both.
    const coldCache = i === 0 ? cacheDir : path.join(work, `cache-cold-${i}`)
    runs.coldFloor.push(await floorOf(corpus, path.join(work, `floor-cache-${i}`)))
    const coldRun = await openFolder(corpus, coldCache, isFullRun && i === 0, i === 0)
    runs.cold.push(coldRun)
    cold ??= coldRun
    runs.cachedFloor.push(await floorOf(corpus, cacheDir))
    const cachedRun = await openFolder(corpus, cacheDir, false, i === 0)
    runs.cached.push(cachedRun)
    cached ??= cachedRun
  }
  const total = articles.toLocaleString('en-US')
  const load = os.loadavg()[0].toFixed(1)
  const figures = {}
  for (const [name, key] of [['cold (no summary cache)', 'cold'], ['with the summary cache', 'cached']]) {
    const rows = runs[key]
    const floors = runs[`${key}Floor`]
    const f = {
      firstRows: median(rows.map((r) => r.firstRowsMs)),
      liveRows: median(rows.map((r) => r.liveRowsMs)),
      paint: median(rows.map((r) => r.paintMs ?? NaN)),
      firstByte: median(rows.map((r) => r.firstByteMs ?? NaN)),
      floorFirstByte: median(floors.map((x) => x.htmlFirstByte ?? NaN)),
      task: median(rows.map((r) => r.taskMs)),
      afterList: median(rows.map((r) => r.firstRowsMs - r.listAt)),
      floor: median(floors.map((x) => x.html)),
      scriptFloor: median(floors.map((x) => x.script)),
      plainFloor: median(floors.map((x) => x.plain)),
      folioPart: median(rows.map((r, i) => r.firstRowsMs - floors[i].html)),
      livePart: median(rows.map((r, i) => r.liveRowsMs - floors[i].script)),
      allRows: rows[0].allRowsMs,
    }
    figures[key] = f
    const list = (xs) => xs.map((x) => x.toFixed(0)).join(', ')
    console.log(
      `${name} (median of ${rows.length}, load ${load}): first rows painted ${f.firstRows.toFixed(0)} ms after navigation (${list(rows.map((r) => r.firstRowsMs))}; first contentful paint ${f.paint.toFixed(0)} ms; the page's first byte ${f.firstByte.toFixed(0)} ms, the floor page's ${f.floorFirstByte.toFixed(0)} ms) = ` +
        `no-script page floor ${f.floor.toFixed(0)} ms (${list(floors.map((x) => x.html))}; from a plain server with no headers ${f.plainFloor.toFixed(0)} ms: ${list(floors.map((x) => x.plain))}) + Folio ${f.folioPart.toFixed(0)} ms; ` +
        `React's rows painted ${f.liveRows.toFixed(0)} ms (${list(rows.map((r) => r.liveRowsMs))}) = one-script page floor ${f.scriptFloor.toFixed(0)} ms (${list(floors.map((x) => x.script))}) + Folio ${f.livePart.toFixed(0)} ms; ` +
        `page main-thread task time by then ${f.task.toFixed(0)} ms; all ${total} rows ${f.allRows.toFixed(0)} ms after navigation`,
    )
  }
  if (isFullRun) console.log(`page JS heap once settled: ${cold.listedHeap.toFixed(1)} MB listed, ${cold.openHeap.toFixed(1)} MB with an article open`)
  if (isFullRun) console.log(`peak RSS (cold run, article open, schema built, search answered): serve process (host, index workers, watcher) ${cold.peakServe.toFixed(0)} MB; page renderer process ${cold.peakRenderer.toFixed(0)} MB`)
  const bench = `app ${articles}`
  const { cold: c, cached: w } = figures
  for (const [f, how] of [
    [c, 'cold'],
    [w, 'summary cache'],
  ]) {
    record({ bench, figure: `first rows painted after navigation, ${how}`, value: f.firstRows, unit: 'ms', max: how === 'cold' ? 300 : 150 })
    record({ bench, figure: `first rows painted after navigation, ${how}, over the no-script page floor`, value: f.firstRows, unit: 'ms', baseline: `page with no script served by folio serve, ${how}`, baselineValue: f.floor })
    record({ bench, figure: `Folio's part of first rows (after navigation minus the floor), ${how}`, value: f.folioPart, unit: 'ms' })
    record({ bench, figure: `no-script floor page from folio serve (its headers) over the same from a plain server, ${how}`, value: f.floor, unit: 'ms', baseline: 'no-script page from a plain server, no headers', baselineValue: f.plainFloor })
    record({ bench, figure: `React's rows painted (the list takes input), ${how}, over the one-script page floor`, value: f.liveRows, unit: 'ms', baseline: `page with one tiny script served by folio serve, ${how}`, baselineValue: f.scriptFloor })
    record({ bench, figure: `page main-thread task time until React's rows, ${how}`, value: f.task, unit: 'ms' })
  }
  record({ bench, figure: 'all rows listed after navigation, cold', value: c.allRows, unit: 'ms' })
  record({ bench, figure: 'all rows listed after navigation, summary cache', value: w.allRows, unit: 'ms' })
  if (isFullRun) record({ bench, figure: 'peak RSS of folio serve (index, schema and search built)', value: cold.peakServe, unit: 'MB', max: 300 })
} finally {
  await browser?.close()
  await stopServe()
  plainFloor.close()
  fs.rmSync(work, { recursive: true, force: true })
}

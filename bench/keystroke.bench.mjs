// A keystroke in a 1 MB article (issue 22): `folio serve` on a folder holding one article of about 1 MB (front matter,
// headings, lists, links, emphasis, code), opened in Chromium; the cursor goes to the middle and 200 characters are
// typed one key at a time. For each key the page measures, from the keydown (capture phase, before CodeMirror) to the
// next animation frame, how long the main thread was busy (the editor's update, Folio's extensions, layout and paint
// of that frame), and a long-task observer counts tasks over 50 ms. Reports the median, p95 and max against the 16 ms
// frame budget. Linux only; skipped without Chromium. Nothing passes or fails on time.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright'
import { hostNodeFlags } from '../scripts/host-flags.mjs'
import { record } from './report.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (process.platform !== 'linux' || !fs.existsSync(executablePath)) {
  console.log(`skipped: needs Linux and Chromium at ${executablePath}`)
  process.exit(0)
}

/** About `bytes` of varied Markdown, in sections, after a YAML front matter. */
function bigArticle(bytes) {
  const parts = ['---\ntitle: "A very long article"\ndate: 2024-05-01T10:00:00Z\ntags: [long, bench]\ndraft: false\n---\n\n']
  let size = parts[0].length
  for (let n = 1; size < bytes; n++) {
    const section = [
      `## Section ${n}: on councils and *quixotic* plans`,
      '',
      `Paragraph ${n} speaks of the **council** and its [minutes](https://example.org/minutes/${n}), of \`inline code\`, and of a footnote.[^${n}]`,
      'It goes on for a while, as long articles do, with words enough to wrap across the editor more than once on a narrow window.',
      '',
      `- first point of ${n}`,
      `- second point, with _emphasis_ and a [ref link][r${n}]`,
      '  - a nested point',
      '',
      '```js',
      `const section = ${n}`,
      'console.log(section * 2)',
      '```',
      '',
      `> A quotation in section ${n}.`,
      '',
      `[r${n}]: https://example.org/ref/${n}`,
      `[^${n}]: The footnote of section ${n}.`,
      '',
    ].join('\n')
    parts.push(section)
    size += section.length
  }
  return parts.join('')
}

/** The 25 functions with the most self time in a CDP profile. */
function printProfile(profile) {
  const self = new Map()
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id).callFrame
    const key = `${frame.functionName || "(anonymous)"} ${frame.url.split("/").pop()}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  })
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${key}`)
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-bench-keys-'))
let server = null
let browser = null
try {
  const folder = path.join(work, 'site')
  fs.mkdirSync(folder)
  const text = bigArticle(1024 * 1024)
  fs.writeFileSync(path.join(folder, 'long.md'), text)
  server = spawn(process.execPath, [...hostNodeFlags, path.join(root, 'out/cli/folio.mjs'), 'serve', folder], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, FOLIO_CACHE_DIR: 'off', FOLIO_STATE_DIR: path.join(work, 'state') } })
  const url = await new Promise((resolve, reject) => {
    let out = ''
    server.stdout.on('data', (chunk) => {
      out += chunk
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out)
      if (match) resolve(match[1])
    })
    server.on('exit', (code) => reject(new Error(`folio serve exited with ${code}`)))
  })
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] })
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  await page.goto(url)
  await page.getByRole('listbox', { name: 'Articles' }).getByRole('option', { name: 'A very long article' }).click()
  const editor = page.getByRole('textbox', { name: 'Markdown editor' })
  await editor.waitFor({ timeout: 120_000 })
  // NOTE: the cursor in the middle of the document, on an empty line, then time for the first parse to settle.
  await page.evaluate((at) => {
    const content = document.querySelector('.cm-content')
    const view = content?.cmView?.view ?? null
    window.folioKeys = { durations: [], longTasks: [] }
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.folioKeys.longTasks.push(entry.duration)
    }).observe({ type: 'longtask', buffered: false })
    document.addEventListener(
      'keydown',
      () => {
        const start = performance.now()
        requestAnimationFrame(() => setTimeout(() => window.folioKeys.durations.push(performance.now() - start), 0))
      },
      { capture: true },
    )
    if (view) view.dispatch({ selection: { anchor: at }, scrollIntoView: true })
  }, text.indexOf('\n\n', text.length >> 1) + 1)
  await editor.click({ position: { x: 200, y: 300 } })
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  await page.evaluate(() => {
    window.folioKeys.durations.length = 0
    window.folioKeys.longTasks.length = 0
  })
  // NOTE: FOLIO_KEYS_PROFILE=1 prints the functions the typing spent its time in (a CDP CPU profile of the page).
  const cdp = process.env.FOLIO_KEYS_PROFILE === '1' ? await page.context().newCDPSession(page) : null
  if (cdp !== null) {
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await cdp.send('Profiler.start')
  }
  const typed = 'The council met again; quixotic plans were made. '.repeat(4).slice(0, 200)
  for (const key of typed) {
    await page.keyboard.type(key)
    // NOTE: one key per frame, as a fast typist gives: the next key waits for the frame the last one caused.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))))
  }
  if (cdp !== null) printProfile((await cdp.send('Profiler.stop')).profile)
  const { durations, longTasks } = await page.evaluate(() => window.folioKeys)
  const sorted = [...durations].sort((a, b) => a - b)
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  const over = sorted.filter((d) => d > 16).length
  console.log(`1 MB article (${text.length} characters), ${durations.length} keys typed; load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`)
  console.log(`keydown to the next frame: median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms; ${over} key(s) over 16 ms; long tasks (> 50 ms): ${longTasks.length}`)
  const bench = 'keystroke 1 MB'
  record({ bench, figure: 'keydown to next frame, median', value: at(0.5), unit: 'ms', max: 16 })
  record({ bench, figure: 'keydown to next frame, p95', value: at(0.95), unit: 'ms', max: 16 })
  record({ bench, figure: 'keydown to next frame, max', value: sorted.at(-1), unit: 'ms', max: 16 })
  record({ bench, figure: 'long tasks (> 50 ms) while typing 200 keys', value: longTasks.length, unit: 'tasks', max: 0 })
} finally {
  await browser?.close()
  server?.kill()
  fs.rmSync(work, { recursive: true, force: true })
}

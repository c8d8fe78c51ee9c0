// A keystroke in a 1 MB article (issue 22): `folio serve` on a folder holding one article of about 1 MB (front matter,
// headings, lists, links, emphasis, code), opened in Chromium. Two runs, each under a Chrome performance trace (the
// CPU profiler on): 200 characters typed one key per frame in the middle of the body, then 60 in the front matter's
// title (the form's re-parse path). After the last key the trace runs on for 3 s, so work Folio defers to a pause
// (preview, counts, outline, journal) is measured too. bench/trace-tasks.mjs reads the renderer main thread's tasks
// and whose code each ran (Folio's own, through the hidden source maps, or CodeMirror's, React's, the browser's).
// Reports per key the main thread's busy time (median, p95, max), the tasks over the 16 ms frame budget and those
// that are Folio's, by wall time and by CPU time (the thread's own time in each task, from the trace): on a shared
// machine wall time counts the waits for a core, so the CPU figures are the ones to compare between runs. Linux only; skipped without Chromium.
// FOLIO_KEYS_TRACE=<prefix> keeps each run's trace (<prefix>.body.json, <prefix>.front-matter.json). Nothing passes or fails on time.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright'
import { hostNodeFlags } from '../scripts/host-flags.mjs'
import { record } from './report.mjs'
import { keyFigures, readTrace, sourceMapper } from './trace-tasks.mjs'

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
  const opened = performance.now()
  await page.getByRole('listbox', { name: 'Articles' }).getByRole('option', { name: 'A very long article' }).click()
  // NOTE: the preview's first render joins the page when its last unit (the footnote list) is built; the typing
  // below starts 3 s after opening whether or not it is done, as a writer would, and this says how long it took.
  let firstRenderMs = null
  const firstRender = page.frameLocator('iframe.preview-frame').locator('section.footnotes').waitFor({ state: 'attached', timeout: 600_000 }).then(() => (firstRenderMs = performance.now() - opened), () => null)
  const editor = page.getByRole('textbox', { name: 'Markdown editor' })
  await editor.waitFor({ timeout: 120_000 })
  await page.evaluate(() => {
    // NOTE: a user-timing mark at each keydown (capture phase, before CodeMirror) cuts the trace into keys.
    document.addEventListener('keydown', () => performance.mark('folio-key'), { capture: true })
  })
  const mapSource = sourceMapper(path.join(root, 'out/renderer/assets'))
  const runs = [
    { name: 'body', at: text.indexOf('\n\n', text.length >> 1) + 1, keys: 'The council met again; quixotic plans were made. '.repeat(4).slice(0, 200) },
    { name: 'front matter', at: text.indexOf('article"'), keys: ' about councils and their quixotic plans, at length'.padEnd(60, '.') },
  ]
  const lines = []
  for (const run of runs) {
    const isPlaced = await page.evaluate((at) => {
      const view = document.querySelector('.cm-content')?.cmTile?.root?.view ?? null
      view?.dispatch({ selection: { anchor: at }, scrollIntoView: true })
      view?.focus()
      return view !== null
    }, run.at)
    if (!isPlaced) throw new Error('could not reach the CodeMirror view to place the cursor')
    // NOTE: time for the first parse and the first preview to settle before the trace starts.
    await page.waitForTimeout(3000)
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute', 'blink.user_timing', 'disabled-by-default-v8.cpu_profiler'] })
    for (const key of run.keys) {
      await page.keyboard.type(key)
      // NOTE: one key per frame, as a fast typist gives: the next key waits for the frame the last one caused.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))))
    }
    // NOTE: deferred work (preview, counts, journal) runs in the pause; a task still running when tracing stops is
    // lost from the trace, so wait for the main thread to go idle, then for anything scheduled after it.
    await page.waitForTimeout(3000)
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 20_000 })))
    await page.waitForTimeout(1000)
    const buffer = await browser.stopTracing()
    if (process.env.FOLIO_KEYS_TRACE) fs.writeFileSync(`${process.env.FOLIO_KEYS_TRACE}.${run.name.replace(' ', '-')}.json`, buffer)
    const figures = keyFigures(readTrace(JSON.parse(buffer.toString('utf8')), { marker: 'folio-key', mapSource }))
    const { busy, longTasks, folioLongTasks, totals } = figures
    const fmt = (ms) => `${ms.toFixed(1)} ms`
    lines.push(`${run.name}: ${figures.keys} keys; main-thread busy per key: median ${fmt(busy.median)}, p95 ${fmt(busy.p95)}, max ${fmt(busy.max)}; ${figures.keysOverBudget} key(s) over 16 ms`)
    lines.push(`  tasks over 16 ms: ${longTasks.length}, Folio's: ${folioLongTasks.length}; most Folio code in one task: ${fmt(figures.maxFolioMs)}`)
    lines.push(`  by CPU time (the thread's own time, not waiting for a core): tasks over 16 ms ${figures.cpuLongTasks.length}, with over 16 ms of Folio's code ${figures.folioCpuLongTasks.length}; most Folio CPU in one task ${fmt(figures.maxFolioCpuMs)}`)
    lines.push(`  baseline, same trace: tasks with over 16 ms of CodeMirror's CPU ${figures.editorCpuLongTasks.length}; most CodeMirror CPU in one task ${fmt(figures.maxEditorCpuMs)}`)
    for (const t of figures.folioCpuLongTasks) lines.push(`    Folio CPU-long: ${fmt(t.ms)} (CPU ${fmt(t.cpuMs)}) in ${figures.top(t).map(([where, ms]) => `${where} ${fmt(ms)}`).join('; ')}`)
    lines.push(`  time by owner: ${Object.entries(totals).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`)
    for (const t of longTasks.sort((a, b) => b.ms - a.ms).slice(0, 10)) {
      lines.push(`    ${fmt(t.ms)} (CPU ${fmt(t.cpuMs)}): ${Object.entries(t.by).filter(([, v]) => v >= 0.5).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`)
      lines.push(`      in ${figures.top(t).map(([where, ms]) => `${where} ${fmt(ms)}`).join('; ')}`)
    }
    const bench = `keystroke 1 MB, ${run.name}`
    record({ bench, figure: 'main-thread busy per key, median', value: busy.median, unit: 'ms', max: 16 })
    record({ bench, figure: 'main-thread busy per key, p95', value: busy.p95, unit: 'ms', max: 16 })
    record({ bench, figure: 'main-thread busy per key, max', value: busy.max, unit: 'ms' })
    record({ bench, figure: 'tasks over 16 ms', value: longTasks.length, unit: 'tasks' })
    record({ bench, figure: "tasks over 16 ms that are Folio's", value: folioLongTasks.length, unit: 'tasks', max: 0 })
    record({ bench, figure: "most of Folio's own code in one task", value: figures.maxFolioMs, unit: 'ms', max: 16 })
    record({ bench, figure: 'tasks over 16 ms of CPU time', value: figures.cpuLongTasks.length, unit: 'tasks' })
    record({ bench, figure: "tasks with over 16 ms of Folio's CPU time", value: figures.folioCpuLongTasks.length, unit: 'tasks', max: 0 })
    record({ bench, figure: "most of Folio's CPU time in one task", value: figures.maxFolioCpuMs, unit: 'ms', max: 16, baseline: "most of CodeMirror's CPU time in one task", baselineValue: figures.maxEditorCpuMs })
  }
  await firstRender
  console.log(`1 MB article (${text.length} characters); load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`)
  console.log(`preview's first render, from opening to the whole article on the page: ${firstRenderMs === null ? 'not seen' : `${Math.round(firstRenderMs)} ms`}`)
  if (firstRenderMs !== null) record({ bench: 'keystroke 1 MB', figure: "preview's first render (open to whole page)", value: firstRenderMs, unit: 'ms' })
  for (const line of lines) console.log(line)
} finally {
  await browser?.close()
  server?.kill()
  fs.rmSync(work, { recursive: true, force: true })
}

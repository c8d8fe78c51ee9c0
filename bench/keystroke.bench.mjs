// A keystroke in a 1 MB article (issue 22): `folio serve` on a folder holding one article of about 1 MB (front matter,
// headings, lists, links, emphasis, code), opened in Chromium. Two runs, each under a Chrome performance trace (the
// CPU profiler on): 200 characters typed one key per frame in the middle of the body, then 60 in the front matter's
// title (the form's re-parse path). After the last key the trace runs on for 3 s, so work Folio defers to a pause
// (preview, counts, outline, journal) is measured too. bench/trace-tasks.mjs reads the renderer main thread's tasks
// and whose code each ran (Folio's own, through the hidden source maps, or CodeMirror's, React's, the browser's).
// Reports per key the main thread's busy time (median, p95, max), the tasks over the 16 ms frame budget and those
// that are Folio's, by wall time and by CPU time (the thread's own time in each task, from the trace): on a shared
// machine wall time counts the waits for a core, so the CPU figures are the ones to compare between runs. The same
// keys are then typed at the same places in a bare CodeMirror 6 editor (bench/bare-editor.mjs: same version, the
// Markdown language, same text, editor box and font, none of Folio's extensions) in the same browser: what Folio's
// long frames are beyond the editor's own. Last, each page with its editor focused and nothing typed: the CPU of the
// browser's processes per second, Folio's page against the bare editor's. Linux only; skipped without Chromium.
// FOLIO_KEYS_RUNS=body (or front-matter) types only that run. FOLIO_KEYS_PAUSE_EVERY=<n> pauses after every n keys. FOLIO_KEYS_SIZING=1 also sizes Folio's editor extensions
// one by one (see below). FOLIO_KEYS_TRACE=<prefix> keeps each run's trace (<prefix>.folio.body.json, <prefix>.bare.front-matter.json...). FOLIO_KEYS_CATEGORIES=<a,b> adds trace categories, e.g.
// disabled-by-default-devtools.timeline.invalidationTracking,disabled-by-default-devtools.timeline.stack: which node and which script made each style and layout invalidation. Nothing passes or fails on time.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { chromium } from 'playwright'
import { hostNodeFlags } from '../scripts/host-flags.mjs'
import { record } from './report.mjs'
import { keyFigures, readTrace, sourceMapper } from './trace-tasks.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// NOTE: FOLIO_KEYS_BUILD=<dir> types into another build (<dir>/out, with a node_modules beside it), e.g. a copy of
// the build before a change, for a back-to-back comparison on the same machine.
const built = process.env.FOLIO_KEYS_BUILD ?? root
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

/**
 * Types `run.keys` at `run.at` of the CodeMirror view in `page` (Folio's or the bare one) under a performance trace,
 * one key per frame, and answers the trace's figures (bench/trace-tasks.mjs).
 */
async function typeUnderTrace(page, run, mapSource, tag) {
  const isPlaced = await page.evaluate((at) => {
    const view = document.querySelector('.cm-content')?.cmTile?.root?.view ?? null
    view?.dispatch({ selection: { anchor: at }, scrollIntoView: true })
    view?.focus()
    return view !== null
  }, run.at)
  if (!isPlaced) throw new Error('could not reach the CodeMirror view to place the cursor')
  // NOTE: time for the first parse and the first preview to settle before the trace starts.
  await page.waitForTimeout(3000)
  await page.context().browser().startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute', 'blink.user_timing', 'disabled-by-default-v8.cpu_profiler', ...(process.env.FOLIO_KEYS_CATEGORIES?.split(',').filter(Boolean) ?? [])] })
  const pauseEvery = Number(process.env.FOLIO_KEYS_PAUSE_EVERY ?? 0)
  for (const [i, key] of [...run.keys].entries()) {
    await page.keyboard.type(key)
    // NOTE: one key per frame, as a fast typist gives: the next key waits for the frame the last one caused.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))))
    // NOTE: FOLIO_KEYS_PAUSE_EVERY=<n> pauses FOLIO_KEYS_PAUSE_MS (default 800) after every n keys, as a writer who
    // stops to think: the work Folio does at a pause in typing (journal, counts, preview) then runs between keys.
    if (pauseEvery > 0 && (i + 1) % pauseEvery === 0) await page.waitForTimeout(Number(process.env.FOLIO_KEYS_PAUSE_MS ?? 800))
  }
  // NOTE: deferred work (preview, counts, journal) runs in the pause; a task still running when tracing stops is
  // lost from the trace, so wait for the main thread to go idle, then for anything scheduled after it.
  await page.waitForTimeout(3000)
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 20_000 })))
  await page.waitForTimeout(1000)
  const buffer = await page.context().browser().stopTracing()
  if (process.env.FOLIO_KEYS_TRACE) fs.writeFileSync(`${process.env.FOLIO_KEYS_TRACE}.${tag}.${run.name.replace(' ', '-')}.json`, buffer)
  return keyFigures(readTrace(JSON.parse(buffer.toString('utf8')), { marker: 'folio-key', mapSource }))
}

/** Where Folio's editor sits in `page` and how it sets its text: box, font, line height, text column. */
function editorBox(page) {
  return page.evaluate(() => {
    const editor = document.querySelector('.cm-editor')
    const scroller = document.querySelector('.cm-scroller')
    const content = document.querySelector('.cm-content')
    if (editor === null || scroller === null || content === null) throw new Error('no editor on the page')
    const { left, top, width, height } = editor.getBoundingClientRect()
    const s = getComputedStyle(scroller)
    const c = getComputedStyle(content)
    return { left, top, width, height, fontSize: getComputedStyle(editor).fontSize, fontFamily: s.fontFamily, lineHeight: s.lineHeight, scrollerPadding: s.padding, maxWidth: c.maxWidth, contentPadding: c.padding, color: getComputedStyle(editor).color, background: getComputedStyle(editor).backgroundColor }
  })
}

/**
 * A page of the same size holding a standalone editor, sized as `box`, with `text`: `entry` (bench/bare-editor.mjs,
 * bench/folio-editor.mjs) bundled with esbuild, started by calling `start` with the text and `args`.
 */
async function editorPage(browser, box, text, work, { entry, start, args = [] }) {
  const name = path.basename(entry, '.mjs')
  const dir = path.join(work, name)
  if (!fs.existsSync(path.join(dir, 'editor.js'))) {
    await build({ entryPoints: [path.join(root, entry)], bundle: true, format: 'iife', minify: true, sourcemap: true, outfile: path.join(dir, 'editor.js'), logLevel: 'warning', tsconfig: path.join(root, 'tsconfig.json') })
    const css = `html, body { margin: 0; height: 100%; }
#editor { position: absolute; left: ${box.left}px; top: ${box.top}px; width: ${box.width}px; height: ${box.height}px; }
#editor .cm-editor { height: 100%; font-size: ${box.fontSize}; color: ${box.color}; background: ${box.background}; }
#editor .cm-scroller { font-family: ${box.fontFamily}; line-height: ${box.lineHeight}; padding: ${box.scrollerPadding}; }
#editor .cm-content { max-width: ${box.maxWidth}; padding: ${box.contentPadding}; }`
    fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title><style>${css}</style></head><body><div id="editor"></div><script src="editor.js"></script></body></html>`)
  }
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  // NOTE: served from memory under a made-up origin, so the script has a URL its source map is found by.
  await page.route(`http://${name}.localhost/**`, (route) => route.fulfill({ path: path.join(dir, new URL(route.request().url()).pathname.slice(1) || 'index.html') }))
  await page.goto(`http://${name}.localhost/index.html`)
  await page.evaluate(([fn, doc, rest]) => globalThis[fn](doc, ...rest), [start, text, args])
  await page.evaluate(() => document.addEventListener('keydown', () => performance.mark('folio-key'), { capture: true }))
  return { page, mapSource: sourceMapper(dir) }
}

/** A page of the same size holding the bare editor (bench/bare-editor.mjs) with `text`, sized as `box`. */
function bareEditorPage(browser, box, text, work) {
  return editorPage(browser, box, text, work, { entry: 'bench/bare-editor.mjs', start: 'startBareEditor' })
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-bench-keys-'))
let server = null
let browser = null

/** CPU seconds (user + system) of this process's Chromium descendants so far (Linux /proc; 0 elsewhere). */
function browserCpuSeconds() {
  const stats = new Map()
  try {
    for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
        stats.set(Number(pid), { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / 100 })
      } catch {
        // NOTE: the process ended while the list was read.
      }
    }
  } catch {
    return 0
  }
  const isOurs = (pid) => {
    for (let at = stats.get(pid)?.ppid; at !== undefined && at > 1; at = stats.get(at)?.ppid) if (at === process.pid) return true
    return false
  }
  return [...stats].filter(([pid]) => isOurs(pid)).reduce((sum, [, { cpu }]) => sum + cpu, 0)
}

/**
 * CPU of the browser's processes per second while `page` shows its editor focused and nothing happens (the writer
 * reading): 10 s to settle after the keys, then 5 s measured. The only page open then is `page`. NOTE: 3 s was not
 * enough: Folio's page was still at its pause work on the 1 MB article (the preview) and used ~0.2 s of CPU a second.
 */
async function idleCpuPerSecond(page) {
  await page.locator('.cm-content').focus()
  await page.waitForTimeout(10_000)
  const before = browserCpuSeconds()
  const started = performance.now()
  await page.waitForTimeout(5000)
  return (browserCpuSeconds() - before) / ((performance.now() - started) / 1000)
}
try {
  const folder = path.join(work, 'site')
  fs.mkdirSync(folder)
  const text = bigArticle(1024 * 1024)
  fs.writeFileSync(path.join(folder, 'long.md'), text)
  server = spawn(process.execPath, [...hostNodeFlags, path.join(built, 'out/cli/folio.mjs'), 'serve', folder], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, FOLIO_CACHE_DIR: 'off', FOLIO_STATE_DIR: path.join(work, 'state') } })
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
  // NOTE: the preview's first render joins the page when its last unit (the footnote list) is built; this says how
  // long it took. The typing waits for it: on a loaded machine (load 28: 76 s) the keys were otherwise traced over
  // the first render's slices, and over this wait's own polling of the frame (Playwright's selector engine in the
  // page's main thread: 4.3 s of the body trace), neither of which a keystroke costs.
  let firstRenderMs = null
  const firstRender = page.frameLocator('iframe.preview-frame').locator('section.footnotes').waitFor({ state: 'attached', timeout: 600_000 }).then(() => (firstRenderMs = performance.now() - opened), () => null)
  const editor = page.getByRole('textbox', { name: 'Markdown editor' })
  await editor.waitFor({ timeout: 120_000 })
  await page.evaluate(() => {
    // NOTE: a user-timing mark at each keydown (capture phase, before CodeMirror) cuts the trace into keys.
    document.addEventListener('keydown', () => performance.mark('folio-key'), { capture: true })
  })
  await firstRender
  const mapSource = sourceMapper(path.join(built, 'out/renderer/assets'))
  const runs = [
    { name: 'body', at: text.indexOf('\n\n', text.length >> 1) + 1, keys: 'The council met again; quixotic plans were made. '.repeat(4).slice(0, 200) },
    { name: 'front matter', at: text.indexOf('article"'), keys: ' about councils and their quixotic plans, at length'.padEnd(60, '.') },
  ].filter((run) => process.env.FOLIO_KEYS_RUNS === undefined || process.env.FOLIO_KEYS_RUNS.split(',').includes(run.name.replace(' ', '-')))
  const lines = []
  const folio = new Map()
  for (const run of runs) folio.set(run.name, await typeUnderTrace(page, run, mapSource, 'folio'))
  // NOTE: a page that does nothing must cost nothing: an idle, focused editor used to keep Chromium drawing at the
  // display's rate for the caret's blink (see src/renderer/editor/extensions/caret-blink.ts).
  const idleFolio = await idleCpuPerSecond(page)
  // NOTE: FOLIO_KEYS_PAGE_STYLE=<css> tries a style on Folio's page (a containment, a pane hidden) against the same
  // build in the same page: the body's keys typed without it and with it in turn, FOLIO_KEYS_PAGE_STYLE_ROUNDS times.
  const styleTrial = []
  if (process.env.FOLIO_KEYS_PAGE_STYLE) {
    const body = runs.find((run) => run.name === 'body') ?? runs[0]
    const without = []
    const withStyle = []
    for (let r = 0; r < Math.max(1, Number(process.env.FOLIO_KEYS_PAGE_STYLE_ROUNDS ?? 2)); r++) {
      without.push(await typeUnderTrace(page, body, mapSource, `folio-unstyled-${r}`))
      const tag = await page.addStyleTag({ content: process.env.FOLIO_KEYS_PAGE_STYLE })
      withStyle.push(await typeUnderTrace(page, body, mapSource, `folio-styled-${r}`))
      await tag.evaluate((element) => element.remove())
    }
    const show = (fs) => fs.map((f) => `CPU median ${f.cpu.median.toFixed(1)} p95 ${f.cpu.p95.toFixed(1)}, busy median ${f.busy.median.toFixed(1)}; ${Object.entries(f.phasesPerKey).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`).join(' | ')
    styleTrial.push(`page style trial (${process.env.FOLIO_KEYS_PAGE_STYLE}):`, `  without: ${show(without)}`, `  with:    ${show(withStyle)}`)
  }
  // NOTE: the baseline of the same run: the same keys at the same places in a bare CodeMirror 6 editor of Folio's
  // editor's size, font and text column, in a page of its own in the same browser (bench/bare-editor.mjs).
  const box = await editorBox(page)
  await page.close()
  const bare = await bareEditorPage(browser, box, text, work)
  const baseline = new Map()
  for (const run of runs) baseline.set(run.name, await typeUnderTrace(bare.page, run, bare.mapSource, 'bare'))
  const idleBare = await idleCpuPerSecond(bare.page)
  // NOTE: FOLIO_KEYS_SIZING=1 sizes Folio's editor extensions: the body's keys typed in Folio's editor configuration
  // alone (bench/folio-editor.mjs: setup.ts's list, no React, list, form, preview or status bar), then with one
  // extension left out at a time, beside the bare editor, FOLIO_KEYS_SIZING_ROUNDS times in turn (default 2) so that
  // a change in the machine's load hits every variant. What a key costs Folio's page beyond its editor is the rest.
  const sizing = []
  if (process.env.FOLIO_KEYS_SIZING === '1') {
    const leaveOuts = (process.env.FOLIO_KEYS_SIZING_LEAVE ?? 'frontMatterFold,highlightActiveLine,bracketMatching,spellCheck,caretBlink,search,writerTheme,history,indentOnInput,dropCursor,frontMatterState').split(',').filter(Boolean)
    const variants = [{ name: 'bare CodeMirror 6', bare: true }, { name: "Folio's editor (setup.ts)", leaveOut: [] }, ...leaveOuts.map((x) => ({ name: `  without ${x}`, leaveOut: x.split('+') }))]
    const rounds = Math.max(1, Number(process.env.FOLIO_KEYS_SIZING_ROUNDS ?? 2))
    const body = runs[0]
    for (const v of variants) v.figures = []
    for (let r = 0; r < rounds; r++) {
      for (const v of variants) {
        const p = v.bare ? await bareEditorPage(browser, box, text, work) : await editorPage(browser, box, text, work, { entry: 'bench/folio-editor.mjs', start: 'startFolioEditor', args: [v.leaveOut] })
        v.figures.push(await typeUnderTrace(p.page, body, p.mapSource, `sizing-${r}`))
        await p.page.close()
      }
    }
    const mid = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]
    for (const v of variants) {
      const cpu = mid(v.figures.map((f) => f.cpu.median))
      const busy = mid(v.figures.map((f) => f.busy.median))
      const phases = Object.keys(v.figures[0].phasesPerKey).map((k) => `${k} ${mid(v.figures.map((f) => f.phasesPerKey[k] ?? 0)).toFixed(2)}`).join(', ')
      const js = ['folio', 'editor', 'state', 'react', 'library', 'gc'].map((k) => `${k} ${mid(v.figures.map((f) => (f.totals[k] ?? 0) / f.keys)).toFixed(2)}`).join(', ')
      sizing.push(`${v.name.padEnd(34)} CPU per key median ${cpu.toFixed(1)} ms (${v.figures.map((f) => f.cpu.median.toFixed(1)).join(', ')}), busy median ${busy.toFixed(1)} ms; per key, ms: ${phases}; JS ${js}`)
    }
  }
  for (const run of runs) {
    const figures = folio.get(run.name)
    const base = baseline.get(run.name)
    const { busy, longTasks, folioLongTasks, totals } = figures
    const fmt = (ms) => `${ms.toFixed(1)} ms`
    lines.push(`${run.name}: ${figures.keys} keys; main-thread busy per key: median ${fmt(busy.median)}, p95 ${fmt(busy.p95)}, max ${fmt(busy.max)}; ${figures.keysOverBudget} key(s) over 16 ms`)
    lines.push(`  tasks over 16 ms: ${longTasks.length}, Folio's: ${folioLongTasks.length}; most Folio code in one task: ${fmt(figures.maxFolioMs)}`)
    lines.push(`  by CPU time (the thread's own time, not waiting for a core): tasks over 16 ms ${figures.cpuLongTasks.length}, with over 16 ms of Folio's code ${figures.folioCpuLongTasks.length}; most Folio CPU in one task ${fmt(figures.maxFolioCpuMs)}`)
    lines.push(`  baseline, same trace: tasks with over 16 ms of CodeMirror's CPU ${figures.editorCpuLongTasks.length}; most CodeMirror CPU in one task ${fmt(figures.maxEditorCpuMs)}`)
    lines.push(`  baseline, bare CodeMirror 6 (same keys, same editor box and font, no Folio extensions): busy per key median ${fmt(base.busy.median)}, p95 ${fmt(base.busy.p95)}, max ${fmt(base.busy.max)}; ${base.keysOverBudget} key(s) over 16 ms; tasks over 16 ms ${base.longTasks.length} (by CPU ${base.cpuLongTasks.length}); most CodeMirror CPU in one task ${fmt(base.maxEditorCpuMs)}`)
    lines.push(`  Folio against bare: tasks over 16 ms ${longTasks.length} vs ${base.longTasks.length}, by CPU ${figures.cpuLongTasks.length} vs ${base.cpuLongTasks.length}; busy per key median ${(busy.median / Math.max(base.busy.median, 1e-9)).toFixed(2)}x, p95 ${(busy.p95 / Math.max(base.busy.p95, 1e-9)).toFixed(2)}x`)
    for (const t of figures.folioCpuLongTasks) lines.push(`    Folio CPU-long: ${fmt(t.ms)} (CPU ${fmt(t.cpuMs)}) in ${figures.top(t).map(([where, ms]) => `${where} ${fmt(ms)}`).join('; ')}`)
    lines.push(`  main-thread CPU per key: Folio median ${fmt(figures.cpu.median)}, p95 ${fmt(figures.cpu.p95)}; bare median ${fmt(base.cpu.median)}, p95 ${fmt(base.cpu.p95)} (${(figures.cpu.median / Math.max(base.cpu.median, 1e-9)).toFixed(2)}x)`)
    lines.push(`  browser phases per key (ms, mean): Folio ${Object.entries(figures.phasesPerKey).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}; bare ${Object.entries(base.phasesPerKey).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`)
    lines.push(`  time by owner: ${Object.entries(totals).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`)
    lines.push(`  bare's time by owner: ${Object.entries(base.totals).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`)
    for (const t of longTasks.sort((a, b) => b.ms - a.ms).slice(0, 10)) {
      lines.push(`    ${fmt(t.ms)} (CPU ${fmt(t.cpuMs)}): ${Object.entries(t.by).filter(([, v]) => v >= 0.5).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`)
      lines.push(`      in ${figures.top(t).map(([where, ms]) => `${where} ${fmt(ms)}`).join('; ')}`)
    }
    const bench = `keystroke 1 MB, ${run.name}`
    const vsBare = { baseline: 'bare CodeMirror 6, same keys, same run' }
    record({ bench, figure: 'main-thread busy per key, median', value: busy.median, unit: 'ms', max: 16, ...vsBare, baselineValue: base.busy.median })
    record({ bench, figure: 'main-thread busy per key, p95', value: busy.p95, unit: 'ms', max: 16, ...vsBare, baselineValue: base.busy.p95 })
    record({ bench, figure: 'main-thread busy per key, max', value: busy.max, unit: 'ms' })
    record({ bench, figure: 'main-thread CPU per key, median', value: figures.cpu.median, unit: 'ms', ...vsBare, baselineValue: base.cpu.median })
    record({ bench, figure: 'main-thread CPU per key, p95', value: figures.cpu.p95, unit: 'ms', ...vsBare, baselineValue: base.cpu.p95 })
    record({ bench, figure: 'tasks over 16 ms', value: longTasks.length, unit: 'tasks', ...vsBare, baselineValue: base.longTasks.length })
    record({ bench, figure: "tasks over 16 ms that are Folio's", value: folioLongTasks.length, unit: 'tasks', max: 0 })
    record({ bench, figure: "most of Folio's own code in one task", value: figures.maxFolioMs, unit: 'ms', max: 16 })
    record({ bench, figure: 'tasks over 16 ms of CPU time', value: figures.cpuLongTasks.length, unit: 'tasks', ...vsBare, baselineValue: base.cpuLongTasks.length })
    record({ bench, figure: "tasks with over 16 ms of Folio's CPU time", value: figures.folioCpuLongTasks.length, unit: 'tasks', max: 0 })
    record({ bench, figure: "most of Folio's CPU time in one task", value: figures.maxFolioCpuMs, unit: 'ms', max: 16, baseline: "most of CodeMirror's CPU time in one task", baselineValue: figures.maxEditorCpuMs })
  }
  console.log(`1 MB article (${text.length} characters); load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`)
  console.log(`preview's first render, from opening to the whole article on the page: ${firstRenderMs === null ? 'not seen' : `${Math.round(firstRenderMs)} ms`}`)
  if (firstRenderMs !== null) record({ bench: 'keystroke 1 MB', figure: "preview's first render (open to whole page)", value: firstRenderMs, unit: 'ms' })
  for (const line of lines) console.log(line)
  console.log(`idle with the editor focused (the 1 MB article, nothing typed for 10 s, then 5 s measured): the browser's processes used ${(idleFolio * 1000).toFixed(0)} ms of CPU a second; bare CodeMirror 6 ${(idleBare * 1000).toFixed(0)} ms`)
  record({ bench: 'keystroke 1 MB', figure: "idle, editor focused: CPU of the browser's processes per second", value: idleFolio * 1000, unit: 'ms', baseline: 'bare CodeMirror 6, same run', baselineValue: idleBare * 1000 })
  for (const line of styleTrial) console.log(line)
  if (sizing.length > 0) console.log(`sizing of Folio's editor extensions (body keys; median of rounds; load ${os.loadavg()[0].toFixed(1)}):`)
  for (const line of sizing) console.log(line)
} finally {
  await browser?.close()
  server?.kill()
  fs.rmSync(work, { recursive: true, force: true })
}

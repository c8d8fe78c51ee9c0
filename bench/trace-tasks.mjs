// Reads a Chrome performance trace (Playwright's browser.startTracing with the CPU profiler on) into the renderer
// main thread's tasks, and says whose code each task ran: Folio's own (src/ of this repository, through the
// renderer's hidden source maps), CodeMirror's and React's, libraries, garbage collection, or the browser's own work
// (style, layout, paint: the task's time outside JavaScript). Used by bench/keystroke.bench.mjs.
import fs from 'node:fs'
import path from 'node:path'
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping'

const taskNames = new Set(['RunTask', 'ThreadControllerImpl::RunTask'])
/** The browser's own phases of a frame on the main thread, by trace event name (devtools.timeline). */
const phaseNames = { UpdateLayoutTree: 'style', Layout: 'layout', PrePaint: 'prepaint', Paint: 'paint', Layerize: 'layerize', Commit: 'commit', HitTest: 'hit test', ParseHTML: 'parse HTML' }

/**
 * Who a source file belongs to: `folio` (src/), `editor` (CodeMirror's view and language, Lezer), `react`, `state`
 * (@codemirror/state: text and change utilities Folio's code calls too), `library` (markdown-it, DOMPurify, yaml…).
 */
export function ownerOf(source) {
  if (/(^|\/)src\/(renderer|shared)\//.test(source)) return 'folio'
  if (/node_modules\/@codemirror\/state\//.test(source)) return 'state'
  if (/node_modules\/(@codemirror|@lezer)\//.test(source)) return 'editor'
  if (/node_modules\/(react|react-dom|scheduler|react-resizable-panels|@tanstack)\//.test(source)) return 'react'
  if (/node_modules\//.test(source)) return 'library'
  return 'unknown'
}

/** Maps a script URL and 0-based position to its original source file, through `assetsDir`'s `.map` files. */
export function sourceMapper(assetsDir) {
  const maps = new Map()
  return (url, line, column) => {
    const name = url.split('?')[0].split('/').pop() ?? ''
    if (!maps.has(name)) {
      const file = path.join(assetsDir, `${name}.map`)
      maps.set(name, name !== '' && fs.existsSync(file) ? new TraceMap(fs.readFileSync(file, 'utf8')) : null)
    }
    const map = maps.get(name)
    if (map === null) return url === '' ? '' : `script:${name}`
    return originalPositionFor(map, { line: line + 1, column }).source ?? `script:${name}`
  }
}

/**
 * Whose time a sample is, from its stack (leaf first): the innermost frame of Folio's or of a framework (CodeMirror's
 * view and language, React) decides; @codemirror/state and libraries are walked past, as they run for their caller
 * (markdown-it and DOMPurify under the preview are Folio's; a StateField's update is Folio's, though it calls Text).
 */
function attribute(stack, mapSource) {
  if (stack.length === 0) return { owner: 'idle', where: '' }
  const leaf = stack[0].callFrame.functionName
  if (leaf === '(garbage collector)') return { owner: 'gc', where: 'garbage collector' }
  if (leaf === '(program)' || leaf === '(idle)' || leaf === '(root)') return { owner: 'native', where: leaf }
  let library = null
  for (const node of stack) {
    const { url = '', lineNumber = 0, columnNumber = 0, functionName } = node.callFrame
    if (url === '') continue
    const source = mapSource(url, lineNumber, columnNumber)
    const owner = ownerOf(source)
    const where = `${functionName || '(anonymous)'} ${source.replace(/^.*node_modules\//, '').replace(/^.*?src\//, 'src/')}`
    if (owner === 'folio' || owner === 'editor' || owner === 'react') return { owner, where }
    if (owner === 'library') library ??= where
  }
  return library === null ? { owner: 'state', where: 'codemirror state' } : { owner: 'library', where: library }
}

/** The main-thread tasks of the renderer that made the `marker` user-timing marks, with per-owner sampled time. */
export function readTrace(trace, { marker, mapSource }) {
  const events = trace.traceEvents ?? trace
  const marks = events.filter((e) => e.name === marker && e.cat?.includes('user_timing')).sort((a, b) => a.ts - b.ts)
  if (marks.length === 0) throw new Error(`no "${marker}" marks in the trace`)
  const { pid } = marks[0]
  const threadNames = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid).map((e) => [e.tid, e.args.name]))
  const mainTid = [...threadNames].find(([, name]) => name === 'CrRendererMain')?.[0] ?? marks[0].tid
  const workerTids = new Set([...threadNames].filter(([, name]) => /Worker/.test(name) && name !== 'CrRendererMain').map(([tid]) => tid))

  const topLevel = (tid) => {
    const all = events.filter((e) => e.ph === 'X' && e.pid === pid && e.tid === tid && taskNames.has(e.name) && e.dur > 0).sort((a, b) => a.ts - b.ts || b.dur - a.dur)
    const kept = []
    for (const e of all) if (kept.length === 0 || e.ts >= kept.at(-1).ts + kept.at(-1).dur) kept.push(e)
    // NOTE: `cpuMs` is the thread's own time in the task (tdur): on a shared machine a task's wall time includes the
    // time the thread waited for a core, which inflates every figure by the load.
    return kept.map((e) => ({ start: e.ts, end: e.ts + e.dur, ms: e.dur / 1000, cpuMs: (e.tdur ?? e.dur) / 1000, where: new Map(), by: { folio: 0, editor: 0, react: 0, state: 0, library: 0, gc: 0, native: 0, idle: 0 } }))
  }
  const tasks = topLevel(mainTid)
  const workerBusyMs = [...workerTids].reduce((sum, tid) => sum + topLevel(tid).reduce((s, t) => s + t.ms, 0), 0)

  // CPU profile of the main thread: nodes and samples arrive in chunks under one profile id.
  const profiles = new Map()
  for (const e of events) {
    if (e.pid !== pid || (e.name !== 'Profile' && e.name !== 'ProfileChunk')) continue
    const p = profiles.get(e.id) ?? { tid: null, startTime: 0, nodes: new Map(), samples: [], deltas: [] }
    profiles.set(e.id, p)
    if (e.name === 'Profile') {
      p.tid = e.tid
      p.startTime = e.args.data.startTime
      continue
    }
    const data = e.args.data
    for (const node of data.cpuProfile?.nodes ?? []) p.nodes.set(node.id, node)
    p.samples.push(...(data.cpuProfile?.samples ?? []))
    p.deltas.push(...(data.timeDeltas ?? []))
  }
  const profile = [...profiles.values()].find((p) => p.tid === mainTid) ?? [...profiles.values()][0]
  const stackCache = new Map()
  const ownerOfNode = (id) => {
    if (!stackCache.has(id)) {
      const stack = []
      for (let node = profile.nodes.get(id); node !== undefined; node = profile.nodes.get(node.parent)) stack.push(node)
      stackCache.set(id, attribute(stack, mapSource))
    }
    return stackCache.get(id)
  }
  if (profile !== undefined) {
    let t = profile.startTime
    let at = 0
    for (let i = 0; i < profile.samples.length; i++) {
      const next = t + (profile.deltas[i] ?? 0)
      const ms = (profile.deltas[i + 1] ?? 0) / 1000
      t = next
      while (at < tasks.length && tasks[at].end < t) at++
      const task = tasks[at]
      if (task === undefined || t < task.start) continue
      const { owner, where } = ownerOfNode(profile.samples[i])
      task.by[owner] += ms
      if (owner === 'folio' || owner === 'editor' || owner === 'react' || owner === 'library') task.where.set(where, (task.where.get(where) ?? 0) + ms)
    }
  }
  // NOTE: the browser's phases (style, layout, paint...) on the main thread, each its own time (wall), to split the
  // time outside JavaScript.
  const phases = events.filter((e) => e.ph === 'X' && e.pid === pid && e.tid === mainTid && phaseNames[e.name] !== undefined).map((e) => ({ phase: phaseNames[e.name], start: e.ts, ms: e.dur / 1000 }))
  return { tasks, marks: marks.map((m) => m.ts), workerBusyMs, phases }
}

/** Median, p95 and max of `values` (0 for none). */
export function spread(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
  return { median: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0 }
}

/**
 * Per key (from its mark to the next key's, the last one to the end of the trace, so work deferred after typing
 * counts too), the main thread's busy time; and every task over `budgetMs` with its owners' time.
 */
export function keyFigures({ tasks, marks, phases = [] }, budgetMs = 16) {
  const perKey = marks.map((from, i) => {
    const to = marks[i + 1] ?? Infinity
    return tasks.reduce((sum, t) => sum + Math.max(0, Math.min(t.end, to) - Math.max(t.start, from)) / 1000, 0)
  })
  // NOTE: a task's CPU time shared out by the part of its wall time inside the key's range.
  const perKeyCpu = marks.map((from, i) => {
    const to = marks[i + 1] ?? Infinity
    return tasks.reduce((sum, t) => sum + (t.cpuMs * Math.max(0, Math.min(t.end, to) - Math.max(t.start, from))) / Math.max(t.end - t.start, 1e-9), 0)
  })
  const phaseTotals = {}
  for (const p of phases) if (p.start >= marks[0]) phaseTotals[p.phase] = (phaseTotals[p.phase] ?? 0) + p.ms
  const inRange = tasks.filter((t) => t.end >= marks[0])
  const long = inRange.filter((t) => t.ms > budgetMs)
  // NOTE: a sample is wall time; scaled by the task's CPU share it estimates the CPU time of each owner's code, never
  // more than the task's own CPU time (a sample taken after the thread waited for a core can outlast its task).
  const cpuOf = (t, owner) => Math.min(t.cpuMs, t.by[owner] * Math.min(1, t.cpuMs / Math.max(t.ms, 1e-9)))
  const js = (t) => t.by.folio + t.by.editor + t.by.react + t.by.state + t.by.library
  // NOTE: a long task is Folio's when Folio's own code is over the budget in it, or holds most of its JavaScript.
  const isFolios = (t) => t.by.folio > budgetMs || (js(t) > 0 && t.by.folio >= js(t) / 2)
  const top = (t, n = 3) => [...t.where].sort((a, b) => b[1] - a[1]).slice(0, n)
  return {
    top,
    busy: spread(perKey),
    /** The main thread's CPU time per key (its own time in the key's tasks, not waiting for a core). */
    cpu: spread(perKeyCpu),
    /** The browser's phases (style, layout, paint...), their wall time per key on average. */
    phasesPerKey: Object.fromEntries(Object.entries(phaseTotals).map(([k, v]) => [k, v / Math.max(perKey.length, 1)])),
    keys: perKey.length,
    keysOverBudget: perKey.filter((ms) => ms > budgetMs).length,
    longTasks: long,
    folioLongTasks: long.filter(isFolios),
    /** Tasks whose CPU time (not wall) is over the budget, and those of them with over the budget of Folio's CPU time. */
    cpuLongTasks: inRange.filter((t) => t.cpuMs > budgetMs),
    folioCpuLongTasks: inRange.filter((t) => cpuOf(t, 'folio') > budgetMs),
    maxFolioCpuMs: Math.max(0, ...inRange.map((t) => cpuOf(t, 'folio'))),
    /** The baseline in the same trace: the most CPU time of CodeMirror's own code (view, language, Lezer) in one task. */
    maxEditorCpuMs: Math.max(0, ...inRange.map((t) => cpuOf(t, 'editor'))),
    editorCpuLongTasks: inRange.filter((t) => cpuOf(t, 'editor') > budgetMs),
    maxFolioMs: Math.max(0, ...inRange.map((t) => t.by.folio)),
    totals: inRange.reduce((sum, t) => {
      for (const [k, v] of Object.entries(t.by)) sum[k] = (sum[k] ?? 0) + v
      sum.browser = (sum.browser ?? 0) + Math.max(0, t.ms - js(t) - t.by.gc - t.by.native)
      return sum
    }, {}),
  }
}

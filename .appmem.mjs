// Serve a folder, drive it with Chromium: wait for all rows, open an article (form => schema), search; sample RSS.
import { chromium } from 'playwright'
import { spawn, execSync } from 'node:child_process'
import fs from 'node:fs'
const dir = process.argv[2]
const cacheDir = process.argv[3] ?? 'off'
const t0 = Date.now()
const child = spawn(process.execPath, ['/work/main/out/cli/folio.mjs', 'serve', dir], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, FOLIO_CACHE_DIR: cacheDir, FOLIO_STATE_DIR: '/tmp/prof/state' } })
const url = await new Promise((res) => { let out = ''; child.stdout.on('data', (c) => { out += c; const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out); if (m) res(m[1]) }) })
const rssOf = (pid) => { try { return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024 } catch { return 0 } }
let peakServe = 0, peakRenderer = 0, peakChrome = 0
const timeline = []
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
const chromePids = () => execSync(`ps -eo pid,args | grep -i chrom | grep -v grep | awk '{print $1}'`).toString().split('\n').filter(Boolean).map(Number)
const rendererPids = () => execSync(`ps -eo pid,args | grep -i chrom | grep -- '--type=renderer' | grep -v grep | awk '{print $1}'`).toString().split('\n').filter(Boolean).map(Number)
const iv = setInterval(() => {
  const r = rssOf(child.pid); timeline.push(`${((Date.now() - t0) / 1000).toFixed(1)}:${r.toFixed(0)}`)
  peakServe = Math.max(peakServe, r)
  peakRenderer = Math.max(peakRenderer, ...rendererPids().map(rssOf), 0)
  peakChrome = Math.max(peakChrome, chromePids().map(rssOf).reduce((a, b) => a + b, 0))
}, 100)
const page = await browser.newPage()
await page.goto(url)
const status = page.getByRole('status').filter({ hasText: 'articles' })
await page.waitForFunction(() => /50,000 of 50,000 articles/.test(document.body.innerText), undefined, { timeout: 120000, polling: 200 })
const listed = Date.now() - t0
const heap = async (label) => { const c = await page.context().newCDPSession(page); await c.send('HeapProfiler.collectGarbage'); const m = await c.send('Runtime.getHeapUsage'); console.log(label, 'JS heap used', (m.usedSize / 1048576).toFixed(1), 'total', (m.totalSize / 1048576).toFixed(1), 'renderer RSS now', Math.max(...rendererPids().map(rssOf)).toFixed(0)) }
await heap('listed:')
await page.getByRole('listbox', { name: 'Articles' }).getByRole('option').first().click()
await page.waitForTimeout(15000)
const afterSchema = [peakServe, peakRenderer]
await heap('article open:')
console.log('search at', ((Date.now() - t0) / 1000).toFixed(1))
await page.keyboard.press('Control+Shift+F')
await page.keyboard.type('council')
await page.waitForTimeout(3000)
clearInterval(iv)
console.log(`all listed after ${listed} ms; peak RSS: serve (index + workers) ${peakServe.toFixed(0)} MB (${afterSchema[0].toFixed(0)} after opening an article), page renderer ${peakRenderer.toFixed(0)} MB, all Chromium processes ${peakChrome.toFixed(0)} MB`)
console.log(timeline.filter((_, i) => i % 5 === 0).join(' '))
await browser.close(); child.kill()

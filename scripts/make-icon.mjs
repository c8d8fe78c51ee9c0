// Draws Folio's app icon (resources/icon.svg) and renders it with Chromium to resources/icon.png (1024x1024, the
// source electron-builder makes the .icns and .ico from) and src/renderer/public/favicon.png (256x256, the browser
// mode's favicon). Run: node scripts/make-icon.mjs [path to chromium]. The PNGs are committed; rerun after editing.
import { chromium } from 'playwright-core'
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const svg = await readFile(path.join(root, 'resources', 'icon.svg'), 'utf8')
const browser = await chromium.launch({ executablePath: process.argv[2] ?? '/usr/bin/chromium' })
try {
  for (const [size, out] of [
    [1024, path.join(root, 'resources', 'icon.png')],
    [256, path.join(root, 'src', 'renderer', 'public', 'favicon.png')],
  ]) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 })
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`)
    await mkdir(path.dirname(out), { recursive: true })
    await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } })
    await page.close()
    console.log(`wrote ${path.relative(root, out)} (${size}x${size})`)
  }
} finally {
  await browser.close()
}

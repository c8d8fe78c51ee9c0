// npm run dist: builds the app (electron-vite), then installers for this platform with electron-builder
// (electron-builder.yml). `npm run dist -- --dir`: an unpacked app only. `--skip-build`: reuse out/.
// Where Electron cannot be downloaded it fails with one line (scripts/dist-errors.mjs).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { checkElectronReachable, electronCacheDir, explainDistFailure } from './dist-errors.mjs'

const args = process.argv.slice(2)
const isDir = args.includes('--dir')
const unknown = args.filter((arg) => arg !== '--dir' && arg !== '--skip-build')
if (unknown.length > 0) {
  console.error(`dist: unknown argument ${unknown.join(' ')} (use --dir and/or --skip-build)`)
  process.exit(2)
}
const require = createRequire(import.meta.url)
const electronVersion = require('electron/package.json').version
const zipName = `electron-v${electronVersion}-${process.platform}-${process.arch}.zip`
const cache = electronCacheDir(process.env, process.platform, os.homedir())
const isCached = (dir, depth) => existsSync(path.join(dir, zipName)) || (depth > 0 && existsSync(dir) && readdirSync(dir, { withFileTypes: true }).some((entry) => entry.isDirectory() && isCached(path.join(dir, entry.name), depth - 1)))
const unreachable = await checkElectronReachable({
  version: electronVersion,
  platform: process.platform,
  arch: process.arch,
  env: process.env,
  hasZip: isCached(cache, 1),
  hasHeaders: existsSync(path.join(os.homedir(), '.electron-gyp', electronVersion)),
  head: async (url) => {
    const response = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(15000) })
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
  },
})
if (unreachable !== null) {
  console.error(unreachable)
  process.exit(1)
}
if (!args.includes('--skip-build')) {
  const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' })
  if (built.status !== 0) process.exit(built.status ?? 1)
}

const { build, Platform } = await import('electron-builder')
const platform = Platform.current()
const localElectron = process.env.ELECTRON_OVERRIDE_DIST_PATH
try {
  const files = await build({
    targets: platform.createTarget(isDir ? ['dir'] : null),
    config: {
      extends: null,
      ...(localElectron ? { electronDist: localElectron } : {}),
    },
    publish: 'never',
  })
  console.log(`dist: built ${files.length === 0 ? 'an unpacked app in dist/' : files.join(', ')}`)
} catch (error) {
  const line = explainDistFailure(error, { electronVersion, platform: process.platform, arch: process.arch })
  if (line === null) throw error
  console.error(line)
  process.exit(1)
}

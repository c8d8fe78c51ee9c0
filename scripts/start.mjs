// `npm start [-- <dir>]`: opens the desktop app on <dir> (default: resources/sample-content).
// Where Electron cannot start (no binary, no display), says so in one line and serves the same UI in browser mode.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { hostNodeFlags } from './host-flags.mjs'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const require = createRequire(import.meta.url)
const dir = path.resolve(process.argv[2] ?? path.join(root, 'resources', 'sample-content'))

/** The Electron executable, downloading it once if the install skipped it; null when there is none. */
function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const name = process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron'
    const candidate = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, name)
    return existsSync(candidate) ? candidate : null
  }
  const pkg = path.dirname(require.resolve('electron/package.json'))
  const pathFile = path.join(pkg, 'path.txt')
  if (!existsSync(pathFile)) {
    // NOTE: installs run with ignore-scripts (see .npmrc), so the binary is fetched here, once, when it can be.
    spawnSync(process.execPath, [path.join(pkg, 'install.js')], { stdio: 'ignore', timeout: 180_000 })
  }
  if (!existsSync(pathFile)) return null
  const binary = path.join(pkg, 'dist', readFileSync(pathFile, 'utf8'))
  return existsSync(binary) ? binary : null
}

function hasDisplay() {
  if (process.platform !== 'linux') return true
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)
}

const binary = electronBinary()
const reason = !binary ? 'no Electron binary is installed' : !hasDisplay() ? 'there is no display' : null
let child
if (reason === null) {
  // NOTE: --js-flags on the command line is how Electron's main process gets V8 flags (see host-flags.mjs).
  child = spawn(binary, [`--js-flags=${hostNodeFlags.join(' ')}`, root, dir], { stdio: 'inherit' })
} else {
  console.log(`Folio: Electron cannot start here (${reason}); serving the same UI in browser mode instead.`)
  child = spawn(process.execPath, [...hostNodeFlags, path.join(root, 'out', 'cli', 'folio.mjs'), 'serve', dir], { stdio: 'inherit' })
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))

import { readFile } from 'node:fs/promises'
import path from 'node:path'
import Ajv from 'ajv'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain .mjs build script without type declarations.
import { checkElectronReachable, explainDistFailure } from '../../../scripts/dist-errors.mjs'

const root = path.resolve(import.meta.dirname, '..', '..', '..')
const read = (file: string) => readFile(path.join(root, file), 'utf8')
type Config = Record<string, unknown> & { electronFuses: Record<string, boolean>; mac: Record<string, unknown>; win: Record<string, unknown>; nsis: Record<string, unknown>; linux: Record<string, unknown> }
const config = parse(await read('electron-builder.yml')) as Config

async function pngSize(file: string): Promise<{ width: number; height: number }> {
  const bytes = await readFile(path.join(root, file))
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

const dist = { explain: explainDistFailure as (error: unknown, target: object) => string | null, check: checkElectronReachable as (deps: object) => Promise<string | null> }

describe('electron-builder configuration', () => {
  it('is valid against electron-builder’s own JSON schema (app-builder-lib/scheme.json)', async () => {
    const schema = JSON.parse(await read('node_modules/app-builder-lib/scheme.json')) as object
    const ajv = new Ajv({ allErrors: true, strict: false })
    const validate = ajv.compile(schema)
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true)
    expect(validate({ ...config, nsis: { ...config.nsis, perMachine: 'yes' } })).toBe(false)
  })

  it('builds per-user NSIS, a notarized hardened-runtime DMG for arm64 and x64, AppImage and deb', () => {
    expect(config.win).toEqual({ target: [{ target: 'nsis', arch: ['x64', 'arm64'] }] })
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false })
    expect(config.mac).toMatchObject({ target: [{ target: 'dmg', arch: ['arm64', 'x64'] }], hardenedRuntime: true, notarize: true })
    expect(config.mac).not.toHaveProperty('identity')
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'] })
  })

  it('sets the fuses: no RunAsNode, NODE_OPTIONS or inspect arguments; cookie encryption, asar integrity, app only from asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    })
  })

  it('packs into asar with the native watcher unpacked and rebuilt, and opens .md and .markdown files', () => {
    expect(config.asar).toBe(true)
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/@parcel/watcher/**']))
    expect(config.npmRebuild).toBe(true)
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: ['md', 'markdown'], role: 'Editor' })])
    expect(config.files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'resources/icon.png']))
  })

  it('has Folio’s icon: a 1024x1024 PNG for the installers and window, and the browser mode’s favicon', async () => {
    expect(config.icon).toBe('resources/icon.png')
    expect(await pngSize('resources/icon.png')).toEqual({ width: 1024, height: 1024 })
    expect(await pngSize('src/renderer/public/favicon.png')).toEqual({ width: 256, height: 256 })
    expect(await read('src/renderer/index.html')).toContain('<link rel="icon" type="image/png" href="./favicon.png" />')
    expect(await read('src/main/index.ts')).toContain("'resources', 'icon.png'")
  })

  it('installs electron-builder at an exact version and offers npm run dist', async () => {
    const pkg = JSON.parse(await read('package.json')) as { devDependencies: Record<string, string>; scripts: Record<string, string> }
    expect(pkg.devDependencies['electron-builder']).toMatch(/^\d+\.\d+\.\d+$/)
    expect(pkg.scripts.dist).toBe('node scripts/dist.mjs')
  })
})

describe('npm run dist without network', () => {
  const target = { electronVersion: '39.8.10', platform: 'linux', arch: 'x64' }
  const offline = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('getaddrinfo ENOTFOUND github.com'), { code: 'ENOTFOUND' }) })

  it('says in one line that Electron could not be downloaded, before electron-builder runs', async () => {
    const line = await dist.check({ version: '39.8.10', platform: 'linux', arch: 'x64', env: {}, hasZip: false, hasHeaders: false, head: () => Promise.reject(offline) })
    expect(line).toMatch(/^dist: could not download electron-v39\.8\.10-linux-x64\.zip \(ENOTFOUND\); .*ELECTRON_OVERRIDE_DIST_PATH/)
    expect(line).not.toContain('\n')
    const headers = await dist.check({ version: '39.8.10', platform: 'win32', arch: 'arm64', env: {}, hasZip: true, hasHeaders: false, head: () => Promise.reject(new Error('HTTP 404')) })
    expect(headers).toMatch(/^dist: could not download Electron 39\.8\.10 headers \(HTTP 404\)/)
  })

  it('checks nothing when Electron is cached or given locally, or behind a proxy', async () => {
    const head = () => Promise.reject(offline)
    expect(await dist.check({ version: '1.0.0', platform: 'linux', arch: 'x64', env: {}, hasZip: true, hasHeaders: true, head })).toBeNull()
    expect(await dist.check({ version: '1.0.0', platform: 'linux', arch: 'x64', env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }, hasZip: false, hasHeaders: true, head })).toBeNull()
    expect(await dist.check({ version: '1.0.0', platform: 'linux', arch: 'x64', env: { HTTPS_PROXY: 'http://proxy:3128' }, hasZip: false, hasHeaders: false, head })).toBeNull()
  })

  it('maps electron-builder’s own download failure to the same kind of line, and leaves other failures alone', () => {
    const wrapped = Object.assign(new Error('Cannot download "https://github.com/electron/electron/releases/download/v39.8.10/electron-v39.8.10-linux-x64.zip"'), { cause: offline })
    expect(dist.explain(wrapped, target)).toMatch(/^dist: could not download Electron 39\.8\.10 \(electron-v39\.8\.10-linux-x64\.zip: ENOTFOUND\)/)
    expect(dist.explain(new Error('Application entry file "out/main/index.js" does not exist'), target)).toBeNull()
    expect(dist.explain(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }), target)).toBeNull()
  })
})

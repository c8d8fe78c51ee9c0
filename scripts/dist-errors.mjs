// Turns a failed electron-builder run into one clear line when the cause is that Electron could not be downloaded
// (no network, a proxy, GitHub refusing); any other failure is left to electron-builder's own report.

const networkCodes = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH', 'EPROTO', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'SELF_SIGNED_CERT_IN_CHAIN', 'CERT_HAS_EXPIRED'])
const networkText = /getaddrinfo|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|socket hang up|proxy|network|status code:? ?(403|404|407|5\d\d)|HttpError|unable to get local issuer|self[- ]signed certificate/i
const electronText = /electron-v\d[^\s]*\.zip|github\.com\/electron|electron\/electron\/releases|downloading.*electron|ElectronDownload|@electron\/get|electron[^\s]*zip/i

/** The messages and codes of an error and its causes (electron-builder wraps the download's error). */
function chain(error) {
  const parts = []
  for (let current = error, depth = 0; current != null && depth < 8; current = current.cause, depth++) {
    if (typeof current === 'object') parts.push(String(current.code ?? ''), String(current.message ?? ''), String(current.stack ?? '').split('\n').slice(0, 3).join(' '))
    else parts.push(String(current))
  }
  return parts
}

/**
 * One line explaining a failed Electron download, or null when `error` is something else.
 * @param {unknown} error
 * @param {{ electronVersion: string, platform: string, arch: string }} target
 */
export function explainDistFailure(error, target) {
  const parts = chain(error)
  const text = parts.join(' ')
  const isNetwork = parts.some((part) => networkCodes.has(part)) || networkText.test(text)
  if (!isNetwork || !electronText.test(text)) return null
  const cause = parts.find((part) => networkCodes.has(part)) ?? text.match(networkText)?.[0] ?? 'download failed'
  const zip = `electron-v${target.electronVersion}-${target.platform}-${target.arch}.zip`
  return `dist: could not download Electron ${target.electronVersion} (${zip}: ${cause}); build where github.com is reachable, or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding ${zip} or an unpacked Electron ${target.electronVersion}.`
}

/** Where @electron/get keeps downloaded Electron zips on each OS (ELECTRON_CACHE overrides). */
export function electronCacheDir(env, platform, home) {
  if (env.ELECTRON_CACHE) return env.ELECTRON_CACHE
  if (platform === 'darwin') return `${home}/Library/Caches/electron`
  if (platform === 'win32') return `${env.LOCALAPPDATA ?? `${home}\\AppData\\Local`}\\electron\\Cache`
  return `${env.XDG_CACHE_HOME ?? `${home}/.cache`}/electron`
}

/**
 * Before electron-builder starts (whose own failure would be pages of node-gyp and download output): checks that
 * what it must fetch can be fetched: the Electron zip (unless cached or ELECTRON_OVERRIDE_DIST_PATH names a local
 * copy) and Electron's headers for rebuilding @parcel/watcher (unless in ~/.electron-gyp). Resolves to one line
 * saying what cannot be reached, or null. Behind a proxy (HTTPS_PROXY set) it does not guess and resolves to null.
 * @param {{ version: string, platform: string, arch: string, env: Record<string, string | undefined>, hasZip: boolean, hasHeaders: boolean, head: (url: string) => Promise<unknown> }} deps
 */
export async function checkElectronReachable(deps) {
  const { version, platform, arch, env } = deps
  if (env.HTTPS_PROXY || env.https_proxy || env.ELECTRON_GET_USE_PROXY) return null
  const zip = `electron-v${version}-${platform}-${arch}.zip`
  const needs = []
  if (!deps.hasZip && !env.ELECTRON_OVERRIDE_DIST_PATH) needs.push([zip, `${env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/download/'}v${version}/${zip}`])
  if (!deps.hasHeaders) needs.push([`Electron ${version} headers`, `${env.npm_config_disturl ?? 'https://www.electronjs.org/headers'}/v${version}/node-v${version}-headers.tar.gz`])
  for (const [what, url] of needs) {
    try {
      await deps.head(url)
    } catch (error) {
      const cause = chain(error).find((part) => networkCodes.has(part)) ?? (error instanceof Error ? error.message : String(error))
      return `dist: could not download ${what} (${cause}); build where github.com and electronjs.org are reachable, or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding ${zip} or an unpacked Electron ${version} (and its headers in ~/.electron-gyp).`
    }
  }
  return null
}

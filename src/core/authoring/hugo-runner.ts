import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { hugoConfigNames } from '@shared/hugo/site-config'
import { fail, ok, type Result } from '@shared/result'
import type { SiteReader } from './site-reader'
import type { SiteLayout } from './site-layout'

/** A file `hugo new` produced, relative to the content folder. */
export interface HugoFile {
  contentPath: string
  bytes: Uint8Array
}

/** Runs `hugo new` for a content path (and kind); resolves to the files it made, or why it could not. */
export type HugoNew = (reader: SiteReader, layout: SiteLayout, contentPath: string, kind: string | undefined) => Promise<Result<HugoFile[]>>

function run(file: string, args: string[], cwd: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, timeout: 20_000, windowsHide: true }, (error, _stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1
      resolve({ code, stderr: String(stderr) })
    })
  })
}

let onPath: Promise<string | null> | null = null

/** The `hugo` binary when one runs on PATH (`FOLIO_HUGO` names another, `off` disables it); checked once. */
export function findHugo(): Promise<string | null> {
  const named = process.env.FOLIO_HUGO
  if (named === 'off') return Promise.resolve(null)
  onPath ??= run(named ?? 'hugo', ['version'], os.tmpdir()).then((r) => (r.code === 0 ? (named ?? 'hugo') : null))
  return onPath
}

async function copyOut(reader: SiteReader, from: string, to: string): Promise<Result<void>> {
  const bytes = await reader.readBytes(from)
  if (!bytes.ok) return bytes
  if (bytes.value === null) return ok(undefined)
  await mkdir(path.dirname(to), { recursive: true })
  await writeFile(to, bytes.value)
  return ok(undefined)
}

async function copyTree(reader: SiteReader, from: string, to: string): Promise<Result<void>> {
  const files = await reader.filesUnder(from)
  if (!files.ok) return files
  for (const f of files.value) {
    const copied = await copyOut(reader, `${from}/${f}`, path.join(to, ...f.split('/')))
    if (!copied.ok) return copied
  }
  return ok(undefined)
}

async function collect(dir: string, prefix = ''): Promise<HugoFile[]> {
  const out: HugoFile[] = []
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) out.push(...(await collect(full, `${prefix}${e.name}/`)))
    else out.push({ contentPath: `${prefix}${e.name}`, bytes: await readFile(full) })
  }
  return out
}

/**
 * `hugo new` in a scratch copy of what it reads (the config, archetypes, the theme's archetypes and config), with the
 * content folder in a temp folder too: Hugo itself never writes into the writer's folder (it would leave
 * `.hugo_build.lock`), and the store alone creates the files. `hugo new <path>` as in 0.111 (`hugo new content` came later).
 */
export const runHugoNew: HugoNew = async (reader, layout, contentPath, kind) => {
  const hugo = await findHugo()
  if (hugo === null) return fail('UNSUPPORTED', 'Hugo is not installed (no `hugo` on PATH).')
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'folio-hugo-new-'))
  try {
    const site = path.join(scratch, 'site')
    const content = path.join(scratch, 'content')
    await mkdir(content, { recursive: true })
    await mkdir(site, { recursive: true })
    const steps: [string, string][] = [[layout.configFile, layout.configFile]]
    const theme = layout.config.theme
    if (theme !== null && !/[/\\]|^\.\.?$/.test(theme)) for (const n of [...hugoConfigNames, 'theme.toml']) steps.push([`themes/${theme}/${n}`, `themes/${theme}/${n}`])
    for (const [from, to] of steps) {
      if (from === '') continue
      const copied = await copyOut(reader, from, path.join(site, ...to.split('/')))
      if (!copied.ok) return copied
    }
    for (const dir of ['archetypes', ...(theme !== null && !/[/\\]|^\.\.?$/.test(theme) ? [`themes/${theme}/archetypes`] : [])]) {
      const copied = await copyTree(reader, dir, path.join(site, ...dir.split('/')))
      if (!copied.ok) return copied
    }
    if (layout.configFile === '') await writeFile(path.join(site, 'hugo.toml'), '')
    const args = ['new', '--source', site, '--contentDir', content, ...(kind ? ['--kind', kind] : []), contentPath]
    const result = await run(hugo, args, site)
    if (result.code !== 0) {
      const line = result.stderr.trim().split('\n')[0]?.replace(/^Error: /, '') ?? ''
      return fail('INVALID_ARGUMENT', `hugo new failed: ${line.split(scratch).join('')}`)
    }
    return ok(await collect(content))
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

/** runHugoNew when Hugo is installed, else null (Folio's renderer is used then). */
export async function hugoIfInstalled(): Promise<HugoNew | null> {
  return (await findHugo()) === null ? null : runHugoNew
}

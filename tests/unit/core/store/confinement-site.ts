import fs from 'node:fs'
import path from 'node:path'
import { makeTempDir } from '../corpus'

// The folder both confinement suites attack (the racing one and the step-by-step one): a site with `real.md` and
// `sub/a.md` (INSIDE), and beside it an outside folder with `a.md` and `secret.md` (SECRET) that no store operation may
// ever read or change.

/** A fresh temp folder holding the site and the outside folder; remove `dir` after the test. */
export function makeConfinementSite(prefix: string): { dir: string; site: string; outside: string } {
  const dir = makeTempDir(prefix)
  const site = path.join(dir, 'site')
  const outside = path.join(dir, 'outside')
  fs.mkdirSync(path.join(site, 'sub'), { recursive: true })
  fs.mkdirSync(outside)
  fs.writeFileSync(path.join(outside, 'a.md'), 'SECRET')
  fs.writeFileSync(path.join(outside, 'secret.md'), 'SECRET')
  fs.writeFileSync(path.join(site, 'real.md'), 'INSIDE')
  fs.writeFileSync(path.join(site, 'sub', 'a.md'), 'INSIDE')
  return { dir, site, outside }
}

/** Every file of a folder with its text: compared before and after, so a change outside shows. */
export const snapshot = (folder: string): Record<string, string> =>
  Object.fromEntries(fs.readdirSync(folder).map((name) => [name, fs.readFileSync(path.join(folder, name), 'utf8')]))

export const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)
export const textOf = (data: Uint8Array): string => new TextDecoder().decode(data)

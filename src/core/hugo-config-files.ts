import fs from 'node:fs'
import path from 'node:path'
import { hugoConfigNames } from '@shared/hugo/config-names'

// Where a Hugo config may sit for an opened folder, without reading one: a leaf module, so a caller that only needs
// to know whether there is a config (the one-off search) loads the config parsers (hugo-site) only when there is.

/** Where Hugo's config may sit for an opened folder: the folder itself, or its parent when it is a site's `content/`. */
export function siteDirs(root: string): { dir: string; shownPrefix: string }[] {
  return path.basename(root) === 'content' ? [{ dir: root, shownPrefix: '' }, { dir: path.dirname(root), shownPrefix: '../' }] : [{ dir: root, shownPrefix: '' }]
}

/** The config names looked for in each of siteDirs, in Hugo's order. */
export const configNames = [...hugoConfigNames, ...hugoConfigNames.map((name) => `config/_default/${name}`)]

/** True when any entry (of any kind) sits where siteRulesForFolderSync would look for a config of `root`. */
export function mayHaveHugoConfig(root: string): boolean {
  for (const { dir } of siteDirs(root)) {
    for (const name of configNames) {
      // NOTE: lstat, not stat: a link, a FIFO or a folder there is still something hugo-site must judge; so is an
      // entry that cannot be looked at (EACCES).
      try {
        if (fs.lstatSync(path.join(dir, ...name.split('/')), { throwIfNoEntry: false }) !== undefined) return true
      } catch (error) {
        if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error
        return true
      }
    }
  }
  return false
}

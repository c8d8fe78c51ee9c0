import fs from 'node:fs'
import path from 'node:path'
import { defaultSiteRules, siteRulesFromConfig, type HugoSiteRules } from '@shared/hugo'
import { configNames, siteDirs } from './hugo-config-files'
import type { Result } from '@shared/result'
import { ReadOnlyStore } from './store/read-only-store'

/** The site rules of an opened folder and where they came from (null: no config, Hugo's defaults). */
export interface FolderSiteRules {
  rules: HugoSiteRules
  /** The config file's absolute path, or null when none was found. */
  configFile: string | null
  /** The config file as the writer sees it, relative to the opened folder (`../hugo.toml` above a `content/` folder). */
  shownFile: string | null
  /** Why the config could not be used (unreadable, not a regular file, a link outside, too large, not UTF-8, not parsing); the rules are then Hugo's defaults (UTC). */
  problem: string | null
  /**
   * The folders (relative, `/` separators) that hold the site's pages when the opened folder is a Hugo site root
   * (its config's contentDir, and each language's), or null when every article of the folder is a page: no config,
   * the opened folder is itself `content/`, or none of those folders exists. Everything else at a site root
   * (archetypes, layouts, themes and their example sites, README.md) is not a page, so no listing shows it.
   */
  articleScope: readonly string[] | null
}

const noConfig: FolderSiteRules = { rules: defaultSiteRules, configFile: null, shownFile: null, problem: null, articleScope: null }

/** The rules of the first config found (as Hugo picks it), or the defaults with the reason it could not be read. */
function fromRead(store: ReadOnlyStore, name: string, shown: string, read: Result<string | null>): FolderSiteRules | null {
  const configFile = path.join(store.root, ...name.split('/'))
  const isSiteRoot = shown === name
  if (!read.ok) return { rules: defaultSiteRules, configFile, shownFile: shown, problem: `${read.error.message} Dates are read in UTC (Hugo's default).`, articleScope: isSiteRoot ? scopeOf(store.root, ['content']) : null }
  if (read.value === null) return null
  const { rules, problem, contentDirs } = siteRulesFromConfig(path.basename(name), read.value)
  return { rules, configFile, shownFile: shown, problem, articleScope: isSiteRoot ? scopeOf(store.root, contentDirs) : null }
}

/** The content folders that exist under the site root, or null (the whole folder) when `.` is one or none exists. */
function scopeOf(root: string, contentDirs: readonly string[]): readonly string[] | null {
  if (contentDirs.includes('')) return null
  // NOTE: an lstat of a folder name, nothing read: a site whose content folder is missing (or a link) shows every article rather than none.
  const present = contentDirs.filter((dir) => isFolder(path.join(root, ...dir.split('/'))))
  return present.length > 0 ? present : null
}

function isFolder(abs: string): boolean {
  try {
    return fs.lstatSync(abs).isDirectory()
  } catch {
    return false // NOTE: missing or unreadable: not a content folder to keep to.
  }
}

/**
 * The rulebook's settings for a folder (its Hugo config's `timeZone` and `[frontmatter]`), read synchronously through
 * a confined read-only store rooted at the site (see ReadOnlyStore): a config that is a FIFO, a link leading outside,
 * too large or not UTF-8 gives Hugo's defaults and a problem saying why, never a hang or an outside read.
 */
export function siteRulesForFolderSync(root: string): FolderSiteRules {
  for (const { dir, shownPrefix } of siteDirs(root)) {
    const store = ReadOnlyStore.openSync(dir)
    if (!store.ok) continue
    for (const name of configNames) {
      const found = fromRead(store.value, name, shownPrefix + name, store.value.readTextSync(name, shownPrefix + name))
      if (found !== null) return found
    }
  }
  return noConfig
}

/** siteRulesForFolderSync, without blocking. */
export async function siteRulesForFolder(root: string): Promise<FolderSiteRules> {
  for (const { dir, shownPrefix } of siteDirs(root)) {
    const store = await ReadOnlyStore.open(dir)
    if (!store.ok) continue
    for (const name of configNames) {
      const found = fromRead(store.value, name, shownPrefix + name, await store.value.readText(name, shownPrefix + name))
      if (found !== null) return found
    }
  }
  return noConfig
}

import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { defaultSiteRules, hugoConfigNames, siteRulesFromConfig, type HugoSiteRules } from '@shared/hugo'
import { errnoCode } from './errno'

/** The site rules of an opened folder and where they came from (null: no config, Hugo's defaults). */
export interface FolderSiteRules {
  rules: HugoSiteRules
  configFile: string | null
  problem: string | null
}

/** Where Hugo's config may sit for an opened folder: the folder itself, or its parent when it is a site's `content/`. */
function candidates(root: string): string[] {
  const dirs = path.basename(root) === 'content' ? [root, path.dirname(root)] : [root]
  const out: string[] = []
  for (const dir of dirs) {
    for (const name of hugoConfigNames) out.push(path.join(dir, name))
    for (const name of hugoConfigNames) out.push(path.join(dir, 'config', '_default', name))
  }
  return out
}

function fromText(file: string, text: string | null): FolderSiteRules | null {
  if (text === null) return null
  const { rules, problem } = siteRulesFromConfig(path.basename(file), text)
  return { rules, configFile: file, problem }
}

function missing(error: unknown): null {
  // NOTE: a config that cannot be read counts as absent (the next candidate is tried); anything else is a bug.
  if (errnoCode(error) === undefined) throw error
  return null
}

/** The rulebook's settings for a folder (its Hugo config's `timeZone` and `[frontmatter]`), read synchronously. */
export function siteRulesForFolderSync(root: string): FolderSiteRules {
  for (const file of candidates(root)) {
    let text: string | null
    try {
      text = readFileSync(file, 'utf8')
    } catch (error) {
      text = missing(error)
    }
    const found = fromText(file, text)
    if (found !== null) return found
  }
  return { rules: defaultSiteRules, configFile: null, problem: null }
}

/** siteRulesForFolderSync, without blocking. */
export async function siteRulesForFolder(root: string): Promise<FolderSiteRules> {
  for (const file of candidates(root)) {
    const found = fromText(file, await readFile(file, 'utf8').catch(missing))
    if (found !== null) return found
  }
  return { rules: defaultSiteRules, configFile: null, problem: null }
}

import type { BuildStatus } from '@shared/api'
import { parseFrontMatter } from '@shared/front-matter'
import type { HugoSiteRules } from '@shared/hugo'
import type { Result } from '@shared/result'
import path from 'node:path'
import { decodeText } from '../file-codec'
import { siteRulesForFolderSync } from '../hugo-site'
import { buildStatusOf, summaryValuesOfParsed } from '../index/article-record'
import { readIndexedText } from '../index/shard-files'
import { NodeArticleStore } from '../store/node-store'

/** One problem `folio check` reports: a front-matter diagnostic, or the file itself (unreadable, binary…) at 1:1. */
export interface CheckProblem {
  line: number
  column: number
  severity: 'error' | 'warning'
  message: string
}

/**
 * What checking one file found: its path (as given), its problems in text order, and Hugo's build verdict for it
 * now in the site's time zone, worked out as the folder index does (the rulebook; `published` for a file that
 * cannot be read, as the index lists it).
 */
export interface FileCheck {
  rel: string
  problems: CheckProblem[]
  build: BuildStatus
}

/**
 * Checks articles of one folder: every front-matter error and warning, or the read failure, per file, and its
 * build verdict. Files are read as the folder index reads them (one open proven inside `root`, links not
 * followed); one that is not plain UTF-8 text, or cannot be read, is read again through the article store for its
 * exact message. `rels` are relative to `root` with `/` separators; store messages name the file by that path.
 */
export async function checkFiles(root: string, rels: readonly string[], nowMs = Date.now()): Promise<Result<FileCheck[]>> {
  let store: NodeArticleStore | null = null
  const rules = siteRulesForFolderSync(root).rules
  const out: FileCheck[] = []
  for (const rel of rels) {
    const read = readIndexedText(path.sep === '/' ? `${root}/${rel}` : path.join(root, ...rel.split('/')), root)
    if (read.kind === 'text' && read.problem === null) {
      out.push({ rel, ...checkText(read.text, rules, nowMs) })
      continue
    }
    if (store === null) {
      const opened = await NodeArticleStore.open(root, { policy: 'any' })
      if (!opened.ok) return opened
      store = opened.value
    }
    out.push({ rel, ...(await checkThroughStore(store, rel, rules, nowMs)) })
  }
  return { ok: true, value: out }
}

/** The problems and build verdict of one article's LF text: one parse serves both. */
export function checkText(text: string, rules: HugoSiteRules, nowMs: number): Omit<FileCheck, 'rel'> {
  const parsed = parseFrontMatter(text)
  const problems = [...parsed.errors, ...parsed.warnings].sort((a, b) => a.offset - b.offset).map(({ line, column, severity, message }) => ({ line, column, severity, message }))
  return { problems, build: buildStatusOf(summaryValuesOfParsed(text, parsed, rules).values, nowMs) }
}

async function checkThroughStore(store: NodeArticleStore, rel: string, rules: HugoSiteRules, nowMs: number): Promise<Omit<FileCheck, 'rel'>> {
  const read = await store.read(rel, { followLinks: false })
  if (!read.ok) return { problems: [{ line: 1, column: 1, severity: 'error', message: read.error.message }], build: 'published' }
  const decoded = decodeText(read.value.bytes)
  if (!decoded.ok) return { problems: [{ line: 1, column: 1, severity: 'error', message: decoded.error.message }], build: 'published' }
  return checkText(decoded.value.text, rules, nowMs)
}

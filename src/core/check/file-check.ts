import type { BuildStatus } from '@shared/api'
import type { HugoSiteRules } from '@shared/hugo'
import { decodeText } from '../file-codec'
import { checkedSummaryOf } from '../index/article-record'
import type { CheckProblem } from '../index/check-problem'
import type { NodeArticleStore } from '../store/node-store'

export type { CheckProblem } from '../index/check-problem'

/**
 * What checking one file found: its path (as given), its problems in text order, and Hugo's build verdict for it
 * now in the site's time zone, worked out as the folder index does (the rulebook; `published` for a file that
 * cannot be read, as the index lists it).
 */
export interface FileCheck {
  rel: string
  problems: readonly CheckProblem[]
  build: BuildStatus
}

/** The problems and build verdict of one article's LF text: one parse serves both (see checkedSummaryOf). */
export function checkText(text: string, rules: HugoSiteRules, nowMs: number): Omit<FileCheck, 'rel'> {
  const { dated, problems } = checkedSummaryOf('', text, nowMs, rules)
  return { problems, build: dated.summary.buildStatus ?? 'published' }
}

/**
 * Checks one article read through the article store: its exact read or decoding failure at 1:1 (build `published`,
 * as the index lists it), else checkText. For the files the folder index could not read as UTF-8 text.
 */
export async function checkThroughStore(store: NodeArticleStore, rel: string, rules: HugoSiteRules, nowMs: number): Promise<Omit<FileCheck, 'rel'>> {
  const read = await store.read(rel, { followLinks: false })
  if (!read.ok) return { problems: [{ line: 1, column: 1, severity: 'error', message: read.error.message }], build: 'published' }
  const decoded = decodeText(read.value.bytes)
  if (!decoded.ok) return { problems: [{ line: 1, column: 1, severity: 'error', message: decoded.error.message }], build: 'published' }
  return checkText(decoded.value.text, rules, nowMs)
}

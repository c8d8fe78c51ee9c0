import path from 'node:path'
import type { SearchHit } from '@shared/api'
import { detectBlock } from '@shared/front-matter/detect'
import { makeSnippet } from './search-snippet'
import { compareRanked } from './ranking'
import { readIndexedText } from './shard-files'
import { TermScanner } from './term-scan'

/** A search hit with what the index ranks it by (title hits first, then by path). */
export interface RankedHit extends SearchHit {
  isTitleHit: boolean
}

/** What scanning some articles found: every match counted, the best `limit` of them as hits. */
export interface ScanResult {
  total: number
  hits: RankedHit[]
}

type ArticleRecord = typeof import('./article-record')

let articleRecord: Promise<ArticleRecord> | null = null

// NOTE: the front-matter parsers load (~100 ms) only once a file matches: a rare word's scan never needs them.
function loadArticleRecord(): Promise<ArticleRecord> {
  articleRecord ??= import('./article-record')
  return articleRecord
}

/** The regular expressions the index's ranking tests a title with (see ArticleShard.search). */
function titlePatterns(terms: readonly string[]): RegExp[] {
  return terms.map((term) => new RegExp(term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'iu'))
}

/**
 * False when the article's title cannot hold every pattern: its front matter does not, and has no backslash (an
 * escape could spell a word the raw text does not). Spares parsing the front matter of most matches of a common word.
 */
function couldTitleHold(text: string, patterns: readonly RegExp[]): boolean {
  const found = detectBlock(text)
  if (found.kind === 'none') return false
  if (found.kind !== 'block') return true
  const block = text.slice(0, found.block.to)
  return block.includes('\\') || patterns.every((p) => p.test(block))
}

/** The better `limit` of two lists ranked by compareRanked. */
export function bestHits(a: RankedHit[], b: RankedHit[], limit: number): RankedHit[] {
  return [...a, ...b].sort(compareRanked).slice(0, limit)
}

/**
 * Reads each article (`rels`, relative to `root`) once and finds those whose path and text hold every term, as the
 * full-text index would (same words, same files left out: gone, unreadable or over 10 MB). Returns how many match and
 * the first `limit` in the index's order, each with its title and snippet. Builds no index.
 */
export async function scanArticles(root: string, rels: readonly string[], terms: readonly string[], limit: number): Promise<ScanResult> {
  const scanner = new TermScanner(terms)
  const patterns = titlePatterns(terms)
  let total = 0
  // NOTE: the best hits so far keep their text, so snippets are made for the shown hits only.
  let best: { hit: RankedHit; text: string }[] = []
  for (const rel of rels) {
    const read = readIndexedText(path.sep === '/' ? `${root}/${rel}` : path.join(root, ...rel.split('/')), root)
    if (read.kind !== 'text' || !scanner.matches(rel, read.text)) continue
    total++
    const mayBeTitleHit = couldTitleHold(read.text, patterns)
    if (!mayBeTitleHit && best.length >= limit && compareRanked({ path: rel, isTitleHit: false }, best[best.length - 1].hit) > 0) continue
    const record = await loadArticleRecord()
    const title = record.summarizeWithDates(rel, read.text, Date.now(), false).summary.title
    const hit: RankedHit = { path: rel, title, snippets: [], isTitleHit: mayBeTitleHit && title !== null && patterns.every((p) => p.test(title)) }
    best.push({ hit, text: read.text })
    best.sort((a, b) => compareRanked(a.hit, b.hit))
    if (best.length > limit) best = best.slice(0, limit)
  }
  const record = best.length > 0 ? await loadArticleRecord() : null
  const hits = best.map(({ hit, text }) => {
    const snippet = makeSnippet(text, terms, record?.bodyStart(text) ?? 0)
    return { ...hit, snippets: snippet === null ? [] : [snippet] }
  })
  return { total, hits }
}

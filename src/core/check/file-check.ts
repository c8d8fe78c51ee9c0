import { parseFrontMatter } from '@shared/front-matter'
import type { Result } from '@shared/result'
import path from 'node:path'
import { decodeText } from '../file-codec'
import { readIndexedText } from '../index/shard-files'
import { NodeArticleStore } from '../store/node-store'

/** One problem `folio check` reports: a front-matter diagnostic, or the file itself (unreadable, binary…) at 1:1. */
export interface CheckProblem {
  line: number
  column: number
  severity: 'error' | 'warning'
  message: string
}

/** What checking one file found: its path (as given) and its problems, in text order. */
export interface FileCheck {
  rel: string
  problems: CheckProblem[]
}

/**
 * Checks articles of one folder: every front-matter error and warning, or the read failure, per file. Files are read
 * as the folder index reads them (one open proven inside `root`, links not followed); one that is not plain UTF-8
 * text, or cannot be read, is read again through the article store for its exact message. `rels` are relative to
 * `root` with `/` separators; store messages name the file by that path.
 */
export async function checkFiles(root: string, rels: readonly string[]): Promise<Result<FileCheck[]>> {
  let store: NodeArticleStore | null = null
  const out: FileCheck[] = []
  for (const rel of rels) {
    const read = readIndexedText(path.sep === '/' ? `${root}/${rel}` : path.join(root, ...rel.split('/')), root)
    if (read.kind === 'text' && read.problem === null) {
      out.push({ rel, problems: problemsOf(read.text) })
      continue
    }
    if (store === null) {
      const opened = await NodeArticleStore.open(root, { policy: 'any' })
      if (!opened.ok) return opened
      store = opened.value
    }
    out.push({ rel, problems: await checkThroughStore(store, rel) })
  }
  return { ok: true, value: out }
}

function problemsOf(text: string): CheckProblem[] {
  const parsed = parseFrontMatter(text)
  return [...parsed.errors, ...parsed.warnings].sort((a, b) => a.offset - b.offset).map(({ line, column, severity, message }) => ({ line, column, severity, message }))
}

async function checkThroughStore(store: NodeArticleStore, rel: string): Promise<CheckProblem[]> {
  const read = await store.read(rel, { followLinks: false })
  if (!read.ok) return [{ line: 1, column: 1, severity: 'error', message: read.error.message }]
  const decoded = decodeText(read.value.bytes)
  if (!decoded.ok) return [{ line: 1, column: 1, severity: 'error', message: decoded.error.message }]
  return problemsOf(decoded.value.text)
}

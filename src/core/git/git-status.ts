import type { GitChangeKind, GitFileChange } from '@shared/git'

/** What `git status --porcelain=v2 --branch -z` says, paths still relative to the repository root. */
export interface ParsedStatus {
  branch: string | null
  upstream: string | null
  ahead: number
  behind: number
  hasCommits: boolean
  files: GitFileChange[]
}

function kindOf(xy: string): GitChangeKind {
  const [x, y] = [xy[0], xy[1]]
  if (x === 'A') return 'added'
  if (x === 'D' || y === 'D') return 'deleted'
  return 'modified'
}

/**
 * Parses porcelain v2 with `-z` (NUL-terminated records; a rename's original path is the next record). Ignored
 * (`!`) entries and unknown record types are skipped. Never throws on odd input; it drops what it cannot read.
 */
export function parsePorcelainV2(output: string): ParsedStatus {
  const status: ParsedStatus = { branch: null, upstream: null, ahead: 0, behind: 0, hasCommits: true, files: [] }
  const records = output.split('\0')
  for (let i = 0; i < records.length; i += 1) {
    const record = records[i]
    if (record.startsWith('# ')) {
      readHeader(status, record)
      continue
    }
    const type = record[0]
    if (type === '?') {
      status.files.push({ path: record.slice(2), kind: 'untracked', isStaged: false, hasUnstaged: true })
    } else if (type === '1') {
      const fields = splitFields(record, 8)
      if (fields === null) continue
      status.files.push({ path: fields.rest, kind: kindOf(fields.parts[1]), ...stagedOf(fields.parts[1]) })
    } else if (type === '2') {
      const fields = splitFields(record, 9)
      const oldPath = records[i + 1]
      i += 1
      if (fields === null || oldPath === undefined) continue
      status.files.push({ path: fields.rest, kind: 'renamed', oldPath, ...stagedOf(fields.parts[1]) })
    } else if (type === 'u') {
      const fields = splitFields(record, 10)
      if (fields !== null) status.files.push({ path: fields.rest, kind: 'conflicted', isStaged: false, hasUnstaged: true })
    }
  }
  return status
}

function stagedOf(xy: string): { isStaged: boolean; hasUnstaged: boolean } {
  return { isStaged: xy[0] !== '.', hasUnstaged: xy[1] !== '.' }
}

function readHeader(status: ParsedStatus, record: string): void {
  const [, key, ...values] = record.split(' ')
  const value = values.join(' ')
  if (key === 'branch.oid') status.hasCommits = value !== '(initial)'
  else if (key === 'branch.head') status.branch = value === '(detached)' ? null : value
  else if (key === 'branch.upstream') status.upstream = value
  else if (key === 'branch.ab') {
    const match = /^\+(\d+) -(\d+)$/.exec(value)
    if (match) {
      status.ahead = Number(match[1])
      status.behind = Number(match[2])
    }
  }
}

/** Splits off `count` space-separated fields; the rest (the path, which may hold spaces) stays whole. */
function splitFields(record: string, count: number): { parts: string[]; rest: string } | null {
  const parts: string[] = []
  let start = 0
  for (let n = 0; n < count; n += 1) {
    const space = record.indexOf(' ', start)
    if (space < 0) return null
    parts.push(record.slice(start, space))
    start = space + 1
  }
  return { parts, rest: record.slice(start) }
}

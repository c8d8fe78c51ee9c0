import type { GitCommitInfo, GitConflictSides, GitFileAtCommit } from '@shared/git'
import { fail, ok, type Result } from '@shared/result'
import type { GitRepo } from './git-repo'

const maxHistory = 200
const commitPattern = /^[0-9a-f]{7,64}$/

/** True for a commit id as git prints it (hex, 7 to 64 digits): the only revisions the API accepts. */
export function isCommitId(value: unknown): value is string {
  return typeof value === 'string' && commitPattern.test(value)
}

/** The commits that touched an article (following renames), newest first, at most 200. */
export async function articleHistory(repo: GitRepo, relPath: string): Promise<Result<GitCommitInfo[]>> {
  const layout = await repo.locate()
  if (!layout.ok) return layout
  if (!(await repo.hasHead())) return ok([])
  const out = await repo.git.run(['log', '--follow', `--max-count=${maxHistory}`, '-z', '--name-only', '--format=%x1e%H%x1f%an%x1f%aI%x1f%s', '--', relPath])
  if (!out.ok) return out
  const commits: GitCommitInfo[] = []
  for (const record of out.value.split('\x1e')) {
    // NOTE: with -z the format line and the name that follows it end in NUL (git 2.39) or a newline (older).
    const [head, ...names] = record.split(/[\n\0]/)
    const [commit, author, date, subject] = head.split('\x1f')
    if (commit === undefined || !isCommitId(commit) || author === undefined || date === undefined) continue
    const name = names.find((n) => n.trim() !== '') ?? ''
    const prefix = layout.value.prefix
    const path = name.startsWith(prefix) ? name.slice(prefix.length) : relPath
    commits.push({ commit, author, date, subject: (subject ?? '').trim(), path })
  }
  return ok(commits)
}

/** An article's text at a commit and at that commit's first parent (null where it did not exist). */
export async function articleAtCommit(repo: GitRepo, commit: string, relPath: string): Promise<Result<GitFileAtCommit>> {
  if (!isCommitId(commit)) return fail('INVALID_ARGUMENT', 'A commit id is 7 to 64 hex digits.')
  const text = await repo.fileAt(commit, relPath)
  if (!text.ok) return text
  const parent = await repo.fileAt(`${commit}^`, relPath)
  if (!parent.ok) return parent
  return ok({ text: text.value?.toString('utf8') ?? null, parentText: parent.value?.toString('utf8') ?? null })
}

/**
 * The three sides of a conflicted article from the index stages. NOTE: while rebasing, git replays your commits on
 * top of the remote's, so stage 2 ("ours") is the remote side and stage 3 is yours; in a merge it is the other way.
 */
export async function conflictSides(repo: GitRepo, relPath: string): Promise<Result<GitConflictSides>> {
  const operation = await repo.operation()
  const sides: (string | null)[] = []
  for (const stage of [':1', ':2', ':3']) {
    const bytes = await repo.fileAt(stage, relPath)
    if (!bytes.ok) return bytes
    sides.push(bytes.value?.toString('utf8') ?? null)
  }
  const [base, ours, theirs] = sides
  if (base === null && ours === null && theirs === null) return fail('NOT_FOUND', `"${relPath}" is not conflicted.`, { path: relPath })
  const isRebase = operation === 'rebase'
  return ok({ path: relPath, base: base ?? null, mine: (isRebase ? theirs : ours) ?? null, theirs: (isRebase ? ours : theirs) ?? null })
}

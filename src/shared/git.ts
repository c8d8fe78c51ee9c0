/** How a file differs from HEAD (the first matching kind: conflicted, untracked, renamed, added, deleted, modified). */
export type GitChangeKind = 'modified' | 'added' | 'deleted' | 'renamed' | 'untracked' | 'conflicted'

/** One changed file of the opened folder; paths relative to the folder, `/` separators. */
export interface GitFileChange {
  path: string
  kind: GitChangeKind
  /** The path before a rename. */
  oldPath?: string
  /** The change (or part of it) is in the index: it will be committed. */
  isStaged: boolean
  /** The working file differs from the index (or is untracked): part of the change is not staged. */
  hasUnstaged: boolean
}

/** A rebase or merge that stopped on conflicts and waits for Continue or Abort. */
export type GitOperation = 'none' | 'rebase' | 'merge'

/** The folder's repository as `git status` sees it, limited to the opened folder. */
export interface GitRepoStatus {
  kind: 'repo'
  /** The branch name, or null when HEAD is detached. */
  branch: string | null
  /** The upstream (e.g. `origin/main`), or null when none is set. */
  upstream: string | null
  ahead: number
  behind: number
  /** False before the first commit. */
  hasCommits: boolean
  operation: GitOperation
  files: GitFileChange[]
}

/** What the Changes view shows: the repository's status, a folder outside any repository, or git missing. */
export type GitStatus = GitRepoStatus | { kind: 'not-repo' } | { kind: 'no-git'; message: string }

/** The letter the article list shows beside a changed article. */
export function gitBadgeOf(kind: GitChangeKind): 'M' | 'A' | 'U' | 'C' | 'D' | 'R' {
  switch (kind) {
    case 'modified':
      return 'M'
    case 'added':
      return 'A'
    case 'untracked':
      return 'U'
    case 'conflicted':
      return 'C'
    case 'deleted':
      return 'D'
    case 'renamed':
      return 'R'
  }
}

/**
 * What Discard did, so the writer can undo it once: the text it replaced (null when the file was gone), whether the
 * file went to the system trash (a file new since HEAD, or a rename's new path), and the old path a rename restored.
 */
export interface GitDiscarded {
  path: string
  text: string | null
  /** True when `path` was moved to the system trash (never deleted for good); undo brings its text back as an unsaved edit. */
  isTrashed?: boolean
  /** A renamed file's old path, written back as it is at HEAD. */
  restoredPath?: string
}

/** The user's Git identity, written to the repository's own config (never the global one). */
export interface GitIdentity {
  name: string
  email: string
}

/** A commit request: the message; what is staged is committed (everything changed in the folder when nothing is). */
export interface GitCommitRequest {
  message: string
}

/** What Commit did: committed (its short id), or nothing because no identity is configured yet. */
export type GitCommitOutcome = { kind: 'committed'; commit: string; files: number } | { kind: 'needs-identity' }

/** How a Sync (or Continue) ended. */
export type GitSyncOutcome =
  /** Fetched, integrated and pushed (any of them may have had nothing to do). */
  | { kind: 'synced'; pulled: number; pushed: number }
  /** Integrating stopped on conflicts: resolve each path, then continue or abort. */
  | { kind: 'conflict'; operation: Exclude<GitOperation, 'none'>; paths: string[] }
  | { kind: 'cancelled' }

/** The phases of a Sync, pushed as `git-progress` events. */
export type GitSyncPhase = 'fetch' | 'integrate' | 'push'

/** The three sides of a conflicted file; null where a side does not have it (added on both sides, deleted on one). */
export interface GitConflictSides {
  path: string
  base: string | null
  /** The local side: your commits (stage 2 in a merge, stage 3 while rebasing them). */
  mine: string | null
  /** The remote side. */
  theirs: string | null
}

/** One commit touching an article, newest first. */
export interface GitCommitInfo {
  commit: string
  author: string
  /** ISO 8601 author date. */
  date: string
  subject: string
  /** The article's path in that commit (it may have been renamed since), relative to the folder. */
  path: string
}

/** An article at one commit and at that commit's parent (null where it did not exist). */
export interface GitFileAtCommit {
  text: string | null
  parentText: string | null
}

/** The text of a file at HEAD and in the working folder, for the Changes view's diff (null where absent). */
export interface GitFileDiff {
  path: string
  head: string | null
  working: string | null
}

import type { FolderEvent, FolioApi } from '@shared/api'
import type { GitCommitInfo, GitConflictSides, GitDiscarded, GitFileChange, GitIdentity, GitOperation, GitStatus, GitSyncOutcome } from '@shared/git'
import { fail, ok, type Result } from '@shared/result'

/** The Git methods of the contract (what FakeGit implements). */
export type GitApi = Pick<
  FolioApi,
  | 'gitStatus' | 'gitInit' | 'gitStage' | 'gitDiff' | 'gitDiscard' | 'gitCommit' | 'gitSetIdentity' | 'gitSync'
  | 'gitContinue' | 'gitCancelSync' | 'gitAbort' | 'gitConflict' | 'gitResolve' | 'gitHistory' | 'gitFileAtCommit'
>

interface FakeCommit {
  info: Omit<GitCommitInfo, 'path'>
  tree: Map<string, string>
}

/**
 * A scripted, in-memory Git over a map of working files (path → LF text), for renderer tests. It passes the same
 * contract suite as the real GitService (tests/unit/core/git/git-contract.test.ts): status kinds and staging, commit
 * with the identity rule, diff, discard, history. Sync is scripted: `syncOutcomes` answer in turn; `holdSync` keeps
 * a Sync running until Cancel or `releaseSync`; `startConflict` stops "a rebase" on a path. A staged rename is
 * detected when the new path's staged text equals the old path's text at HEAD (git also finds similar texts).
 * Discarded new files go to `trashed` (the fake's system trash).
 */
export class FakeGit implements GitApi {
  isRepo = false
  identity: GitIdentity | null = null
  operation: GitOperation = 'none'
  branch = 'main'
  upstream: string | null = null
  ahead = 0
  behind = 0
  readonly index = new Map<string, string>()
  readonly commits: FakeCommit[] = []
  readonly conflicts = new Map<string, GitConflictSides>()
  /** Outcomes of the next Sync calls, in order (default: synced, nothing in or out). */
  readonly syncOutcomes: Result<GitSyncOutcome>[] = []
  /** When true, a Sync waits (after its fetch progress event) until cancelled or releaseSync(). */
  holdSync = false
  /** Files Discard sent to the trash, with their text, in order. */
  readonly trashed: { path: string; text: string }[] = []
  /** Calls made, by method name, for assertions. */
  readonly calls: { method: string; args: unknown[] }[] = []
  private held: { jobId: string; resolve: (result: Result<GitSyncOutcome>) => void } | null = null

  constructor(
    readonly files: Map<string, string>,
    private readonly emit: (event: FolderEvent) => void = () => undefined,
  ) {}

  /** Makes the folder a repository whose HEAD holds the current files (committed by `author`). */
  commitAll(subject = 'Start', author = 'Teammate'): void {
    this.isRepo = true
    this.index.clear()
    for (const [path, text] of this.files) this.index.set(path, text)
    this.addCommit(subject, author)
  }

  /** Stops "a rebase" on a conflicted path with the given sides (mine becomes the working text, with markers). */
  startConflict(sides: GitConflictSides, operation: Exclude<GitOperation, 'none'> = 'rebase'): void {
    this.operation = operation
    this.conflicts.set(sides.path, sides)
    this.files.set(sides.path, `<<<<<<< mine\n${sides.mine ?? ''}=======\n${sides.theirs ?? ''}>>>>>>> theirs\n`)
  }

  /** Ends a held Sync with `result`. */
  releaseSync(result: Result<GitSyncOutcome> = ok({ kind: 'synced', pulled: 0, pushed: 0 })): void {
    this.held?.resolve(result)
    this.held = null
  }

  private get head(): Map<string, string> {
    return this.commits[0]?.tree ?? new Map()
  }

  private record(method: string, args: unknown[]): void {
    this.calls.push({ method, args })
  }

  private addCommit(subject: string, author: string): string {
    const commit = (this.commits.length + 1).toString(16).padStart(7, '0') + 'abcdef0'
    this.commits.unshift({ info: { commit, author, date: new Date(Date.UTC(2026, 0, 1 + this.commits.length)).toISOString(), subject }, tree: new Map(this.index) })
    return commit
  }

  private changes(): GitFileChange[] {
    const head = this.head
    const tracked: GitFileChange[] = []
    const untracked: GitFileChange[] = []
    const paths = [...new Set([...head.keys(), ...this.index.keys(), ...this.files.keys()])].sort()
    const renamedFrom = this.renames()
    const renamedOld = new Set(renamedFrom.values())
    for (const path of paths) {
      const [h, i, w] = [head.get(path), this.index.get(path), this.files.get(path)]
      const oldPath = renamedFrom.get(path)
      if (this.conflicts.has(path)) tracked.push({ path, kind: 'conflicted', isStaged: false, hasUnstaged: true })
      else if (oldPath !== undefined) tracked.push({ path, kind: 'renamed', oldPath, isStaged: true, hasUnstaged: w !== i })
      else if (renamedOld.has(path) && w === undefined) continue
      else if (i === undefined && h === undefined) untracked.push({ path, kind: 'untracked', isStaged: false, hasUnstaged: true })
      else if (h === undefined) tracked.push({ path, kind: 'added', isStaged: true, hasUnstaged: w !== i })
      else if (w === undefined || i === undefined) tracked.push({ path, kind: 'deleted', isStaged: i === undefined, hasUnstaged: w === undefined && i !== undefined })
      else if (h !== i || i !== w) tracked.push({ path, kind: 'modified', isStaged: h !== i, hasUnstaged: i !== w })
    }
    return [...tracked, ...untracked]
  }

  /** Staged renames (new path → old path): a path added to the index with the text of a path the index dropped. */
  private renames(): Map<string, string> {
    const head = this.head
    const dropped = [...head.keys()].filter((path) => !this.index.has(path))
    const found = new Map<string, string>()
    for (const [path, text] of this.index) {
      if (head.has(path)) continue
      const oldPath = dropped.find((old) => head.get(old) === text && ![...found.values()].includes(old))
      if (oldPath !== undefined) found.set(path, oldPath)
    }
    return found
  }

  gitStatus = (): Promise<Result<GitStatus>> => {
    this.record('gitStatus', [])
    if (!this.isRepo) return Promise.resolve(ok({ kind: 'not-repo' }))
    return Promise.resolve(ok({ kind: 'repo', branch: this.branch, upstream: this.upstream, ahead: this.ahead, behind: this.behind, hasCommits: this.commits.length > 0, operation: this.operation, files: this.changes() }))
  }

  gitInit = (): Promise<Result<void>> => {
    this.record('gitInit', [])
    if (this.isRepo) return Promise.resolve(fail('INVALID_ARGUMENT', 'This folder is already in a Git repository.'))
    this.isRepo = true
    return Promise.resolve(ok(undefined))
  }

  gitStage = (paths: string[], isStaged: boolean): Promise<Result<void>> => {
    this.record('gitStage', [paths, isStaged])
    for (const path of paths) {
      const from = isStaged ? this.files.get(path) : this.head.get(path)
      if (from === undefined) this.index.delete(path)
      else this.index.set(path, from)
      if (isStaged) this.conflicts.delete(path)
    }
    return Promise.resolve(ok(undefined))
  }

  gitDiff = (path: string) => {
    this.record('gitDiff', [path])
    return Promise.resolve(ok({ path, head: this.head.get(path) ?? null, working: this.files.get(path) ?? null }))
  }

  gitDiscard = (path: string): Promise<Result<GitDiscarded>> => {
    this.record('gitDiscard', [path])
    const change = this.changes().find((file) => file.path === path)
    if (change?.kind === 'conflicted') return Promise.resolve(fail('CONFLICT', `"${path}" is conflicted; resolve it instead of discarding.`, { path }))
    const previous = this.files.get(path) ?? null
    if (change?.kind === 'renamed' && change.oldPath !== undefined) {
      if (this.files.has(change.oldPath)) return Promise.resolve(fail('CONFLICT', `"${change.oldPath}" exists again; Folio does not replace it.`, { path: change.oldPath }))
      const oldText = this.head.get(change.oldPath) ?? ''
      this.files.set(change.oldPath, oldText)
      this.index.set(change.oldPath, oldText)
      this.index.delete(path)
      this.trash(path)
      return Promise.resolve(ok({ path, text: previous, isTrashed: true, restoredPath: change.oldPath }))
    }
    if (change?.kind === 'untracked' || change?.kind === 'added') {
      this.index.delete(path)
      this.trash(path)
      return Promise.resolve(ok({ path, text: previous, isTrashed: true }))
    }
    const head = this.head.get(path)
    if (head === undefined) return Promise.resolve(fail('INVALID_ARGUMENT', `"${path}" has no changes to discard.`, { path }))
    this.files.set(path, head)
    this.index.set(path, head)
    return Promise.resolve(ok({ path, text: previous }))
  }

  private trash(path: string): void {
    const text = this.files.get(path)
    if (text !== undefined) this.trashed.push({ path, text })
    this.files.delete(path)
  }

  gitCommit = ({ message }: { message: string }) => {
    this.record('gitCommit', [message])
    if (this.identity === null) return Promise.resolve(ok({ kind: 'needs-identity' as const }))
    const files = this.changes()
    if (files.some((f) => f.kind === 'conflicted')) return Promise.resolve(fail<never>('CONFLICT', 'Resolve the conflicted files first.'))
    let staged = files.filter((f) => f.isStaged).length
    if (staged === 0) {
      void this.gitStage(files.map((f) => f.path), true)
      staged = files.length
    }
    if (staged === 0) return Promise.resolve(fail<never>('INVALID_ARGUMENT', 'There is nothing to commit.'))
    const commit = this.addCommit(message, this.identity.name)
    if (this.upstream !== null) this.ahead += 1
    return Promise.resolve(ok({ kind: 'committed' as const, commit: commit.slice(0, 7), files: staged }))
  }

  gitSetIdentity = (identity: GitIdentity): Promise<Result<void>> => {
    this.record('gitSetIdentity', [identity])
    this.identity = identity
    return Promise.resolve(ok(undefined))
  }

  gitSync = (jobId: string): Promise<Result<GitSyncOutcome>> => {
    this.record('gitSync', [jobId])
    this.emit({ kind: 'git-progress', jobId, phase: 'fetch', percent: null })
    if (this.holdSync) return new Promise((resolve) => (this.held = { jobId, resolve }))
    return Promise.resolve(this.nextSync())
  }

  gitContinue = (jobId: string): Promise<Result<GitSyncOutcome>> => {
    this.record('gitContinue', [jobId])
    if (this.conflicts.size > 0) return Promise.resolve(fail('CONFLICT', 'Resolve every conflicted file first.'))
    this.operation = 'none'
    return Promise.resolve(this.nextSync())
  }

  gitCancelSync = (jobId: string): Promise<Result<boolean>> => {
    this.record('gitCancelSync', [jobId])
    if (this.held?.jobId !== jobId) return Promise.resolve(ok(false))
    this.releaseSync(ok({ kind: 'cancelled' }))
    return Promise.resolve(ok(true))
  }

  gitAbort = (): Promise<Result<void>> => {
    this.record('gitAbort', [])
    for (const sides of this.conflicts.values()) if (sides.mine !== null) this.files.set(sides.path, sides.mine)
    this.conflicts.clear()
    this.operation = 'none'
    return Promise.resolve(ok(undefined))
  }

  gitConflict = (path: string): Promise<Result<GitConflictSides>> => {
    this.record('gitConflict', [path])
    const sides = this.conflicts.get(path)
    return Promise.resolve(sides ? ok(sides) : fail('NOT_FOUND', `"${path}" is not conflicted.`, { path }))
  }

  gitResolve = (path: string, text: string): Promise<Result<void>> => {
    this.record('gitResolve', [path, text])
    this.files.set(path, text)
    return this.gitStage([path], true)
  }

  gitHistory = (path: string): Promise<Result<GitCommitInfo[]>> => {
    this.record('gitHistory', [path])
    const touching = this.commits.filter((c, n) => c.tree.get(path) !== this.commits[n + 1]?.tree.get(path))
    return Promise.resolve(ok(touching.map((c) => ({ ...c.info, path }))))
  }

  gitFileAtCommit = (commit: string, path: string) => {
    this.record('gitFileAtCommit', [commit, path])
    const n = this.commits.findIndex((c) => c.info.commit.startsWith(commit))
    if (n < 0) return Promise.resolve(fail<never>('NOT_FOUND', `No commit ${commit}.`))
    return Promise.resolve(ok({ text: this.commits[n].tree.get(path) ?? null, parentText: this.commits[n + 1]?.tree.get(path) ?? null }))
  }

  private nextSync(): Result<GitSyncOutcome> {
    const next = this.syncOutcomes.shift() ?? ok({ kind: 'synced', pulled: 0, pushed: this.ahead })
    if (next.ok && next.value.kind === 'synced') this.ahead = 0
    return next
  }
}

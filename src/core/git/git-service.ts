import { watch, type FSWatcher } from 'node:fs'
import type { ArticleDocument, FolderEvent, WriteArticleRequest, WriteArticleResult } from '@shared/api'
import type { GitCommitInfo, GitCommitOutcome, GitConflictSides, GitDiscarded, GitFileChange, GitFileAtCommit, GitFileDiff, GitIdentity, GitStatus, GitSyncOutcome } from '@shared/git'
import { fail, ok, type Result } from '@shared/result'
import { decodeText } from '../file-codec'
import { hashBytes } from '../file-version'
import { GitRepo } from './git-repo'
import type { GitRunnerOptions } from './git-runner'
import { GitSync } from './git-sync'
import { articleAtCommit, articleHistory, conflictSides } from './git-history'

/** The article store's reads and writes (the one writer: version-checked, atomic, confined to the folder). */
export interface ArticleStorePort {
  readArticle(path: string): Promise<Result<ArticleDocument>>
  writeArticle(request: WriteArticleRequest): Promise<Result<WriteArticleResult>>
  /** Sends one file to the system trash (the host's trasher; never deleted for good). */
  trashFile(path: string): Promise<Result<void>>
}

/** What Discard kept so that it can be undone once (see GitDiscarded). */
export type DiscardUndo = GitDiscarded

/** Keeps the text a Discard replaces (in the journal of unsaved edits), so that it can be restored. */
export type KeepDiscarded = (path: string, text: string, baseHash: string) => Promise<Result<void>>

/** Collaborators of the Git service. */
export interface GitServiceDeps {
  store: ArticleStorePort
  /** Pushes `git-changed` and `git-progress` events to the clients. */
  emit: (event: FolderEvent) => void
  runner: GitRunnerOptions
}

const gitChangeDelayMs = 250
// NOTE: the version of a file that does not exist (the store then creates it; a file found there is a CONFLICT).
const absentVersion = { hash: '0'.repeat(64), size: 0, mtimeMs: 0 }
// NOTE: files of the git directory whose change means HEAD, the index or an operation moved (a commit, a checkout,
// a pull) outside Folio; status itself never writes them (GIT_OPTIONAL_LOCKS=0), so following them cannot loop.
const watchedGitFiles = new Set(['HEAD', 'index', 'ORIG_HEAD', 'FETCH_HEAD', 'MERGE_HEAD', 'packed-refs'])

/**
 * Git for the opened folder: status, stage, discard, commit, sync with its conflicts, and history, each a Result.
 * Paths are folder-relative and checked by the caller (the request handlers) before they get here. Construct,
 * use, dispose(); the git directory is watched from the first status on, so a change of HEAD outside is followed.
 */
export class GitService {
  readonly repo: GitRepo
  private readonly syncer: GitSync
  private readonly jobs = new Map<string, AbortController>()
  private watcher: FSWatcher | null = null
  private changeTimer: NodeJS.Timeout | null = null
  private isDisposed = false

  constructor(private readonly deps: GitServiceDeps) {
    this.repo = new GitRepo(deps.runner)
    this.syncer = new GitSync(this.repo)
  }

  /** The folder's status (see GitRepo.status); starts following the git directory. */
  async status(): Promise<Result<GitStatus>> {
    const status = await this.repo.status()
    if (status.ok && status.value.kind === 'repo') await this.watchGitDir()
    return status
  }

  /** `git init` in the folder (only when it is in no repository). */
  async init(): Promise<Result<void>> {
    const done = await this.repo.init()
    if (done.ok) this.changed()
    return done
  }

  stage(paths: string[], isStaged: boolean): Promise<Result<void>> {
    return this.repo.stage(paths, isStaged)
  }

  commit(message: string): Promise<Result<GitCommitOutcome>> {
    return this.repo.commit(message)
  }

  setIdentity(identity: GitIdentity): Promise<Result<void>> {
    return this.repo.setIdentity(identity)
  }

  /** An article at HEAD and as saved now (LF text), for the Changes view's diff. */
  async diff(path: string): Promise<Result<GitFileDiff>> {
    const head = await this.repo.fileAt('HEAD', path)
    if (!head.ok) return head
    const working = await this.deps.store.readArticle(path)
    if (!working.ok && working.error.code !== 'NOT_FOUND') return working
    return ok({ path, head: head.value === null ? null : lfText(head.value), working: working.ok ? working.value.text : null })
  }

  /**
   * Puts an article back as it is at HEAD, written through the article store (version-checked); its staged change
   * is unstaged first. A file new since HEAD (untracked or added) goes to the system trash instead; a renamed file
   * gets its old path back (as at HEAD) and its new path goes to the trash. The text a discard replaces or trashes is
   * kept first (keepDiscarded, the journal) and returned, so the writer can undo once. Never deletes for good, never
   * resets or cleans; a conflicted file is refused (resolve it instead).
   */
  async discard(path: string, keepDiscarded?: KeepDiscarded): Promise<Result<DiscardUndo>> {
    const change = await this.changeOf(path)
    if (!change.ok) return change
    const kind = change.value?.kind
    if (kind === 'conflicted') return fail('CONFLICT', `"${path}" is conflicted; resolve it instead of discarding.`, { path })
    if (kind === 'untracked' || kind === 'added') return this.discardNew(path, change.value?.isStaged === true, keepDiscarded)
    if (kind === 'renamed' && change.value?.oldPath !== undefined) return this.discardRename(path, change.value.oldPath, keepDiscarded)
    const head = await this.repo.fileAt('HEAD', path)
    if (!head.ok) return head
    if (head.value === null) return fail('INVALID_ARGUMENT', `"${path}" has no changes to discard.`, { path })
    const kept = await this.keepCurrent(path, hashBytes(head.value), keepDiscarded)
    if (!kept.ok) return kept
    if (change.value?.isStaged === true) {
      const unstaged = await this.repo.stage([path], false)
      if (!unstaged.ok) return unstaged
    }
    const written = await this.writeHead(path, head.value, kept.value)
    if (!written.ok) return written
    this.changed()
    return ok({ path, text: kept.value.text })
  }

  /** The status entry of `path` (null when it is unchanged). */
  private async changeOf(path: string): Promise<Result<GitFileChange | null>> {
    const status = await this.repo.status()
    if (!status.ok) return status
    if (status.value.kind !== 'repo') return fail('NOT_FOUND', 'This folder is not in a Git repository.')
    return ok(status.value.files.find((file) => file.path === path) ?? null)
  }

  /** Reads the file's current text and journals it (keepDiscarded) before anything changes; null text when absent. */
  private async keepCurrent(path: string, baseHash: string, keepDiscarded?: KeepDiscarded): Promise<Result<{ text: string | null; document: ArticleDocument | null }>> {
    const current = await this.deps.store.readArticle(path)
    if (!current.ok && current.error.code !== 'NOT_FOUND') return current
    const document = current.ok ? current.value : null
    if (document !== null && keepDiscarded) {
      const kept = await keepDiscarded(path, document.text, baseHash)
      if (!kept.ok) return kept
    }
    return ok({ text: document?.text ?? null, document })
  }

  /** Writes HEAD's bytes of `path` through the store over what was read (or creates it when absent). */
  private async writeHead(path: string, bytes: Buffer, current: { document: ArticleDocument | null }): Promise<Result<WriteArticleResult>> {
    const decoded = decodeText(bytes)
    if (!decoded.ok) return fail('READ_ONLY', `"${path}" at HEAD is not UTF-8 text; Folio does not write it back.`, { path })
    const baseVersion = current.document?.version ?? absentVersion
    return this.deps.store.writeArticle({ path, text: decoded.value.text, format: decoded.value.format, baseVersion })
  }

  /** Discards a file new since HEAD: journals its text, unstages it, sends it to the trash. */
  private async discardNew(path: string, isStaged: boolean, keepDiscarded?: KeepDiscarded): Promise<Result<DiscardUndo>> {
    const kept = await this.keepCurrent(path, absentVersion.hash, keepDiscarded)
    if (!kept.ok) return kept
    if (isStaged) {
      const unstaged = await this.repo.stage([path], false)
      if (!unstaged.ok) return unstaged
    }
    const trashed = await this.deps.store.trashFile(path)
    if (!trashed.ok) return trashed
    this.changed()
    return ok({ path, text: kept.value.text, isTrashed: true })
  }

  /**
   * Discards a rename: journals the new path's text, writes the old path back as at HEAD (nothing is lost if the
   * rest fails), puts both paths of the index back as at HEAD, then sends the new path to the trash.
   */
  private async discardRename(path: string, oldPath: string, keepDiscarded?: KeepDiscarded): Promise<Result<DiscardUndo>> {
    const head = await this.repo.fileAt('HEAD', oldPath)
    if (!head.ok) return head
    if (head.value === null) return fail('NOT_FOUND', `"${oldPath}" is not in the last commit.`, { path: oldPath })
    const kept = await this.keepCurrent(path, absentVersion.hash, keepDiscarded)
    if (!kept.ok) return kept
    const old = await this.deps.store.readArticle(oldPath)
    if (old.ok) return fail('CONFLICT', `"${oldPath}" exists again; Folio does not replace it. Discard nothing or move it away first.`, { path: oldPath })
    if (old.error.code !== 'NOT_FOUND') return old
    const written = await this.writeHead(oldPath, head.value, { document: null })
    if (!written.ok) return written
    const unstaged = await this.repo.stage([oldPath, path], false)
    if (!unstaged.ok) return unstaged
    const trashed = await this.deps.store.trashFile(path)
    if (!trashed.ok) return trashed
    this.changed()
    return ok({ path, text: kept.value.text, isTrashed: true, restoredPath: oldPath })
  }

  /** Runs Sync as job `jobId` (see GitSync.sync); `git-progress` events tell its phase. */
  sync(jobId: string): Promise<Result<GitSyncOutcome>> {
    return this.asJob(jobId, (signal) => this.syncer.sync(signal, (phase, percent) => this.deps.emit({ kind: 'git-progress', jobId, phase, percent })))
  }

  /** Continues a stopped rebase or merge, then pushes (as job `jobId`). */
  continueSync(jobId: string): Promise<Result<GitSyncOutcome>> {
    return this.asJob(jobId, (signal) => this.syncer.continueSync(signal, (phase, percent) => this.deps.emit({ kind: 'git-progress', jobId, phase, percent })))
  }

  /** Cancels a running Sync; false when no job has that id. */
  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId)
    job?.abort()
    return job !== undefined
  }

  async abort(): Promise<Result<void>> {
    const done = await this.syncer.abort()
    this.changed()
    return done
  }

  conflict(path: string): Promise<Result<GitConflictSides>> {
    return conflictSides(this.repo, path)
  }

  /** Writes the resolved text of a conflicted article through the store, then marks it resolved (`git add`). */
  async resolve(path: string, text: string): Promise<Result<void>> {
    const current = await this.deps.store.readArticle(path)
    if (!current.ok && current.error.code !== 'NOT_FOUND') return current
    const format = current.ok ? current.value.format : { hasBom: false, eol: 'lf' as const }
    const baseVersion = current.ok ? current.value.version : absentVersion
    const written = await this.deps.store.writeArticle({ path, text, format, baseVersion })
    if (!written.ok) return written
    const staged = await this.repo.stage([path], true)
    this.changed()
    return staged
  }

  history(path: string): Promise<Result<GitCommitInfo[]>> {
    return articleHistory(this.repo, path)
  }

  async atCommit(commit: string, path: string): Promise<Result<GitFileAtCommit>> {
    const found = await articleAtCommit(this.repo, commit, path)
    if (!found.ok) return found
    const lf = (text: string | null): string | null => (text === null ? null : text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'))
    return ok({ text: lf(found.value.text), parentText: lf(found.value.parentText) })
  }

  /** Stops following the git directory and cancels running syncs. */
  dispose(): void {
    this.isDisposed = true
    for (const job of this.jobs.values()) job.abort()
    this.jobs.clear()
    this.watcher?.close()
    this.watcher = null
    if (this.changeTimer !== null) clearTimeout(this.changeTimer)
  }

  private async asJob(jobId: string, run: (signal: AbortSignal) => Promise<Result<GitSyncOutcome>>): Promise<Result<GitSyncOutcome>> {
    if (this.jobs.size > 0) return fail('BUSY', 'A sync is already running.')
    const controller = new AbortController()
    this.jobs.set(jobId, controller)
    try {
      return await run(controller.signal)
    } finally {
      this.jobs.delete(jobId)
      this.changed()
    }
  }

  private async watchGitDir(): Promise<void> {
    if (this.watcher !== null || this.isDisposed) return
    const layout = await this.repo.locate()
    if (!layout.ok || this.watcher !== null) return
    try {
      this.watcher = watch(layout.value.gitDir, { persistent: false }, (_type, name) => {
        if (name !== null && watchedGitFiles.has(name.toString())) this.changed()
      })
      // NOTE: a watch that fails later (the folder was removed) only stops the following; status still answers.
      this.watcher.on('error', () => this.watcher?.close())
    } catch {
      // NOTE: watching is a convenience (a HEAD changed outside shows on the next status); it may be refused (EMFILE).
      this.watcher = null
    }
  }

  /** Tells the clients (once per burst) to ask for the status again. */
  private changed(): void {
    if (this.isDisposed || this.changeTimer !== null) return
    this.changeTimer = setTimeout(() => {
      this.changeTimer = null
      if (!this.isDisposed) this.deps.emit({ kind: 'git-changed' })
    }, gitChangeDelayMs)
  }
}

function lfText(bytes: Buffer): string {
  const decoded = decodeText(bytes)
  return decoded.ok ? decoded.value.text : bytes.toString('utf8').replace(/\r\n?/g, '\n')
}

import type { GitSyncOutcome, GitSyncPhase } from '@shared/git'
import { fail, ok, type Result } from '@shared/result'
import { firstLines } from './git-runner'
import type { GitRepo } from './git-repo'

/** Told as a Sync moves on; `percent` when git reported one. */
export type SyncProgress = (phase: GitSyncPhase, percent: number | null) => void

/** Network commands may be slow to start (a large fetch); they are killed only after this much silence. */
const networkTimeoutMs = 120_000

/** Runs Sync: fetch, integrate the upstream (fast-forward, else rebase, or merge when pull.rebase=false), push. */
export class GitSync {
  constructor(private readonly repo: GitRepo) {}

  /**
   * Fetches, integrates and pushes the current branch. A branch without an upstream is pushed to the only remote
   * and tracks it from then on. Cancelling stops a fetch or push (the repository is left as before that step); the
   * integration itself runs to its end. Conflicts stop it with the conflicted paths (see continue/abort).
   */
  async sync(signal: AbortSignal, progress: SyncProgress): Promise<Result<GitSyncOutcome>> {
    const status = await this.repo.status()
    if (!status.ok) return status
    if (status.value.kind !== 'repo') return fail('NOT_FOUND', status.value.kind === 'no-git' ? status.value.message : 'This folder is not in a Git repository.')
    if (status.value.operation !== 'none') return fail('CONFLICT', `A ${status.value.operation} is in progress: resolve the conflicts, then continue or abort it.`)
    const branch = status.value.branch
    if (branch === null) return fail('INVALID_ARGUMENT', 'HEAD is detached; check out a branch before syncing.')
    const remote = await this.remoteOf(branch)
    if (!remote.ok) return remote
    progress('fetch', null)
    const fetched = await this.network(['fetch', '--progress', remote.value], signal, (p) => progress('fetch', p))
    if (!fetched.ok) return fetched.error.code === 'BUSY' ? ok({ kind: 'cancelled' }) : fetched
    const upstream = await this.upstreamOf(branch, remote.value)
    if (!upstream.ok) return upstream
    let pulled = 0
    if (upstream.value !== null) {
      progress('integrate', null)
      const integrated = await this.integrate(upstream.value)
      if (!integrated.ok) return integrated
      if (integrated.value.kind === 'conflict') return ok(integrated.value.outcome)
      pulled = integrated.value.pulled
    }
    return this.push(branch, remote.value, upstream.value, pulled, signal, progress)
  }

  /** After the conflicts are resolved and staged: continues the rebase (or commits the merge), then pushes. */
  async continueSync(signal: AbortSignal, progress: SyncProgress): Promise<Result<GitSyncOutcome>> {
    const operation = await this.repo.operation()
    if (operation === 'none') return fail('INVALID_ARGUMENT', 'No rebase or merge is in progress.')
    const status = await this.repo.status()
    if (!status.ok) return status
    if (status.value.kind === 'repo' && status.value.files.some((f) => f.kind === 'conflicted')) {
      return fail('CONFLICT', 'Some files are still conflicted: resolve each one (Mark resolved) first.')
    }
    // NOTE: GIT_EDITOR=true keeps the prepared message instead of opening an editor nobody can see.
    const args = operation === 'rebase' ? ['rebase', '--continue'] : ['commit', '--no-edit', '--no-verify']
    const out = await this.repo.git.runAllowingFailure(args, { env: { GIT_EDITOR: 'true' } })
    if (!out.ok) return out
    if (out.value.exitCode !== 0) {
      const stopped = await this.conflictOutcome()
      return stopped ?? fail('IO', firstLines(out.value.stdout))
    }
    const stopped = await this.conflictOutcome()
    if (stopped !== null) return stopped
    return this.sync(signal, progress)
  }

  /** Abandons the stopped rebase or merge: the branch is back where it was before Sync (git's own --abort). */
  async abort(): Promise<Result<void>> {
    const operation = await this.repo.operation()
    if (operation === 'none') return fail('INVALID_ARGUMENT', 'No rebase or merge is in progress.')
    const out = await this.repo.git.run([operation, '--abort'])
    return out.ok ? ok(undefined) : out
  }

  /** The branch's remote (its config, else the only remote); NOT_FOUND when there is none to choose. */
  private async remoteOf(branch: string): Promise<Result<string>> {
    const configured = await this.repo.git.run(['config', '--default', '', '--get', `branch.${branch}.remote`])
    if (!configured.ok) return configured
    if (configured.value.trim() !== '') return ok(configured.value.trim())
    const remotes = await this.repo.git.run(['remote'])
    if (!remotes.ok) return remotes
    const names = remotes.value.split('\n').filter((name) => name !== '')
    if (names.length === 1) return ok(names[0])
    if (names.length === 0) return fail('NOT_FOUND', 'This repository has no remote to sync with. Add one (git remote add origin <url>) first.')
    return fail('INVALID_ARGUMENT', `Branch "${branch}" has no upstream and there are several remotes; set one (git push -u <remote> ${branch}).`)
  }

  /** The upstream ref to integrate, if the remote has the branch (`refs/remotes/<remote>/<branch>` when not configured). */
  private async upstreamOf(branch: string, remote: string): Promise<Result<string | null>> {
    const configured = await this.repo.git.runAllowingFailure(['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}'])
    if (!configured.ok) return configured
    if (configured.value.exitCode === 0) return ok(configured.value.stdout.trim())
    const guess = `refs/remotes/${remote}/${branch}`
    const exists = await this.repo.git.runAllowingFailure(['rev-parse', '--verify', '--quiet', guess])
    if (!exists.ok) return exists
    return ok(exists.value.exitCode === 0 ? guess : null)
  }

  private async integrate(upstream: string): Promise<Result<{ kind: 'done'; pulled: number } | { kind: 'conflict'; outcome: GitSyncOutcome }>> {
    const counts = await this.repo.git.run(['rev-list', '--left-right', '--count', `HEAD...${upstream}`])
    if (!counts.ok) return counts
    const [ahead, behind] = counts.value.trim().split(/\s+/).map(Number)
    if (!behind) return ok({ kind: 'done', pulled: 0 })
    const mode = ahead === 0 ? 'ff' : await this.pullMode()
    // NOTE: --autostash lets the pull through when unrelated files have uncommitted edits; git puts them back after
    // (and keeps them in the stash if that clashes), so nothing is lost.
    const args = mode === 'ff' ? ['merge', '--ff-only', '--autostash', upstream] : mode === 'merge' ? ['merge', '--no-edit', '--no-verify', '--autostash', upstream] : ['rebase', '--autostash', upstream]
    const out = await this.repo.git.runAllowingFailure(args, { env: { GIT_EDITOR: 'true' } })
    if (!out.ok) return out
    if (out.value.exitCode !== 0) {
      const stopped = await this.conflictOutcome()
      if (stopped !== null && stopped.ok) return ok({ kind: 'conflict', outcome: stopped.value })
      // NOTE: git refused before changing anything (e.g. uncommitted edits to a file the pull would change).
      return fail('CONFLICT', `Could not bring in the remote changes: ${firstLines(out.value.stdout)}`)
    }
    return ok({ kind: 'done', pulled: behind })
  }

  /** `merge` when the repository says pull.rebase=false, else `rebase` (Folio's default: a straight history). */
  private async pullMode(): Promise<'rebase' | 'merge'> {
    const out = await this.repo.git.run(['config', '--default', '', '--get', 'pull.rebase'])
    return out.ok && out.value.trim().toLowerCase() === 'false' ? 'merge' : 'rebase'
  }

  private async push(branch: string, remote: string, upstream: string | null, pulled: number, signal: AbortSignal, progress: SyncProgress): Promise<Result<GitSyncOutcome>> {
    let ahead = 1
    if (upstream !== null) {
      const counts = await this.repo.git.run(['rev-list', '--count', `${upstream}..HEAD`])
      if (!counts.ok) return counts
      ahead = Number(counts.value.trim())
    }
    if (ahead === 0) return ok({ kind: 'synced', pulled, pushed: 0 })
    progress('push', null)
    // NOTE: never --force: a rejected push (the remote moved meanwhile) is reported, and the next Sync integrates it.
    const args = upstream === null || !upstream.startsWith(`${remote}/`) ? ['push', '--progress', '--set-upstream', remote, `HEAD:refs/heads/${branch}`] : ['push', '--progress', remote, `HEAD:refs/heads/${upstream.slice(remote.length + 1)}`]
    const pushed = await this.network(args, signal, (p) => progress('push', p))
    if (!pushed.ok) return pushed.error.code === 'BUSY' ? ok({ kind: 'cancelled' }) : pushed
    return ok({ kind: 'synced', pulled, pushed: ahead })
  }

  private async network(args: string[], signal: AbortSignal, onPercent: (percent: number) => void): Promise<Result<string>> {
    if (signal.aborted) return fail('BUSY', 'Cancelled.')
    return this.repo.git.run(args, { signal, timeoutMs: networkTimeoutMs, onProgress: (event) => onPercent(event.progress) })
  }

  /** The conflict outcome when a rebase or merge stopped with conflicted files; null when none did. */
  private async conflictOutcome(): Promise<Result<GitSyncOutcome> | null> {
    const operation = await this.repo.operation()
    if (operation === 'none') return null
    const status = await this.repo.status()
    if (!status.ok) return status
    const paths = status.value.kind === 'repo' ? status.value.files.filter((f) => f.kind === 'conflicted').map((f) => f.path) : []
    return ok({ kind: 'conflict', operation, paths })
  }
}

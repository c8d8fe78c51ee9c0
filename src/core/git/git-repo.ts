import fs from 'node:fs/promises'
import path from 'node:path'
import type { GitCommitOutcome, GitFileChange, GitIdentity, GitOperation, GitStatus } from '@shared/git'
import { fail, ok, type Result } from '@shared/result'
import { firstLines, GitRunner, type GitRunnerOptions } from './git-runner'
import { parsePorcelainV2 } from './git-status'

/** Where the opened folder sits in its repository. */
export interface RepoLayout {
  /** The repository's work tree (absolute). */
  topLevel: string
  /** The folder's path inside it, `/`-separated with a trailing `/`, or '' at the top. */
  prefix: string
  /** The absolute git directory (`.git`, or elsewhere for a linked work tree). */
  gitDir: string
}

/**
 * The opened folder's Git repository: status, staging, identity and commit. Paths in and out are relative to the
 * folder (already checked by the caller); git gets them as literal pathspecs after `--`. Never resets, cleans or
 * force-pushes.
 */
export class GitRepo {
  readonly git: GitRunner
  private layout: Promise<Result<RepoLayout>> | null = null
  /** The last look-up found no repository (or no git): status then asks first instead of running git status beside it. */
  private isOutside = false

  constructor(options: GitRunnerOptions) {
    this.git = new GitRunner(options)
  }

  /** The repository around the folder (cached once found); NOT_FOUND when there is none, UNSUPPORTED without git. */
  locate(): Promise<Result<RepoLayout>> {
    // NOTE: the pending look-up is shared, so status can run it beside `git status` and operation() without a
    // second rev-parse; a failure is not kept (the folder may become a repository: git init).
    this.layout ??= this.findLayout().then((found) => {
      if (!found.ok) this.layout = null
      this.isOutside = !found.ok
      return found
    })
    return this.layout
  }

  private async findLayout(): Promise<Result<RepoLayout>> {
    const out = await this.git.runAllowingFailure(['rev-parse', '--show-toplevel', '--show-prefix', '--absolute-git-dir'])
    if (!out.ok) return out
    if (out.value.exitCode !== 0) {
      if (/not a git repository/i.test(out.value.stdout)) return fail('NOT_FOUND', 'This folder is not in a Git repository.')
      return fail('IO', firstLines(out.value.stdout))
    }
    const [topLevel, prefix, gitDir] = out.value.stdout.split('\n')
    if (topLevel === undefined || gitDir === undefined) return fail('IO', 'git rev-parse answered something unexpected.')
    return ok({ topLevel, prefix: prefix ?? '', gitDir })
  }

  /** The status of the folder's files; `not-repo` or `no-git` instead of a failure when those are the reason. */
  async status(): Promise<Result<GitStatus>> {
    // NOTE: GIT_OPTIONAL_LOCKS=0 so that status never rewrites the index: a status run while the writer types (or
    // in reply to a change of .git) must not itself change .git and cause another. The first status runs git
    // status beside the look-up of the repository (its answer is dropped when there is none): one round trip, not two.
    if (this.isOutside) {
      const found = await this.locate()
      if (!found.ok) return outsideStatus(found)
    }
    const [layout, out, operation] = await Promise.all([
      this.locate(),
      this.git.run(['status', '--porcelain=v2', '--branch', '-z', '--untracked-files=all', '--', '.'], { env: { GIT_OPTIONAL_LOCKS: '0' } }),
      this.operation(),
    ])
    if (!layout.ok) return outsideStatus(layout)
    if (!out.ok) return out
    const parsed = parsePorcelainV2(out.value)
    const prefix = layout.value.prefix
    const inFolder = (p: string): string | null => (p.startsWith(prefix) ? p.slice(prefix.length) : null)
    const files: GitFileChange[] = []
    for (const file of parsed.files) {
      const rel = inFolder(file.path)
      if (rel === null) continue
      const { oldPath, ...change } = file
      const old = oldPath === undefined ? null : inFolder(oldPath)
      files.push(old === null ? { ...change, path: rel } : { ...change, path: rel, oldPath: old })
    }
    return ok({ kind: 'repo', branch: parsed.branch, upstream: parsed.upstream, ahead: parsed.ahead, behind: parsed.behind, hasCommits: parsed.hasCommits, operation, files })
  }

  /** A rebase or merge stopped half-way (on conflicts), read from the git directory. */
  async operation(): Promise<GitOperation> {
    const layout = await this.locate()
    if (!layout.ok) return 'none'
    const has = (name: string): Promise<boolean> =>
      fs.stat(path.join(layout.value.gitDir, name)).then(
        () => true,
        () => false,
      )
    const [isRebaseMerge, isRebaseApply, isMerge] = await Promise.all([has('rebase-merge'), has('rebase-apply'), has('MERGE_HEAD')])
    if (isRebaseMerge || isRebaseApply) return 'rebase'
    return isMerge ? 'merge' : 'none'
  }

  /** Creates a repository in the folder (`git init`); fails when it is already in one. */
  async init(): Promise<Result<void>> {
    const layout = await this.locate()
    if (layout.ok) return fail('INVALID_ARGUMENT', 'This folder is already in a Git repository.')
    if (layout.error.code !== 'NOT_FOUND') return layout
    const out = await this.git.run(['init', '--', '.'])
    return out.ok ? ok(undefined) : out
  }

  /** Stages (`git add`) or unstages the given folder-relative paths. */
  async stage(paths: string[], isStaged: boolean): Promise<Result<void>> {
    const layout = await this.locate()
    if (!layout.ok) return layout
    let args: string[]
    if (isStaged) args = ['add', '--all', '--', ...paths]
    else args = (await this.hasHead()) ? ['restore', '--staged', '--', ...paths] : ['rm', '--cached', '--quiet', '-r', '--', ...paths]
    const out = await this.git.run(args)
    return out.ok ? ok(undefined) : out
  }

  /** The identity commits would carry (any config scope); null when name or email is missing. */
  async identity(): Promise<Result<GitIdentity | null>> {
    const name = await this.git.run(['config', '--default', '', '--get', 'user.name'])
    if (!name.ok) return name
    const email = await this.git.run(['config', '--default', '', '--get', 'user.email'])
    if (!email.ok) return email
    const [n, e] = [name.value.trim(), email.value.trim()]
    return ok(n === '' || e === '' ? null : { name: n, email: e })
  }

  /** Stores the identity in this repository's own config (`--local`), never the user's global one. */
  async setIdentity(identity: GitIdentity): Promise<Result<void>> {
    for (const [key, value] of [['user.name', identity.name], ['user.email', identity.email]] as const) {
      const out = await this.git.run(['config', '--local', key, value])
      if (!out.ok) return out
    }
    return ok(undefined)
  }

  /**
   * Commits what is staged; when nothing in the folder is staged, stages every change in the folder first. Asks for
   * an identity (`needs-identity`) rather than let git guess one from the host name.
   */
  async commit(message: string): Promise<Result<GitCommitOutcome>> {
    const identity = await this.identity()
    if (!identity.ok) return identity
    if (identity.value === null) return ok({ kind: 'needs-identity' })
    const status = await this.status()
    if (!status.ok) return status
    if (status.value.kind !== 'repo') return fail('NOT_FOUND', 'This folder is not in a Git repository.')
    if (status.value.files.some((file) => file.kind === 'conflicted')) return fail('CONFLICT', 'Resolve the conflicted files first.')
    let staged = status.value.files.filter((file) => file.isStaged).length
    if (staged === 0) {
      const added = await this.git.run(['add', '--all', '--', '.'])
      if (!added.ok) return added
      staged = status.value.files.length
    }
    if (staged === 0) return fail('INVALID_ARGUMENT', 'There is nothing to commit.')
    // NOTE: one argument `--message=…` so that a message starting with `-` is never read as an option.
    const out = await this.git.run(['commit', '--quiet', '--no-verify', `--message=${message}`])
    if (!out.ok) return out
    const head = await this.git.run(['rev-parse', '--short', 'HEAD'])
    return head.ok ? ok({ kind: 'committed', commit: head.value.trim(), files: staged }) : head
  }

  /** True when HEAD names a commit (false in a repository without commits). */
  async hasHead(): Promise<boolean> {
    const out = await this.git.runAllowingFailure(['rev-parse', '--verify', '--quiet', 'HEAD'])
    return out.ok && out.value.exitCode === 0
  }

  /**
   * The bytes of a folder-relative file at `rev` (`HEAD`, a commit, or `:1`/`:2`/`:3` for the conflict stages), as a
   * checkout would write them (smudge filters, line endings); null when it does not exist there.
   */
  async fileAt(rev: string, relPath: string): Promise<Result<Buffer | null>> {
    const spec = `${rev}:./${relPath}`
    const exists = await this.git.runAllowingFailure(['cat-file', '-e', spec])
    if (!exists.ok) return exists
    if (exists.value.exitCode !== 0) return ok(null)
    const out = await this.git.run(['cat-file', '--filters', spec])
    return out.ok ? ok(Buffer.from(out.value, 'utf8')) : out
  }
}

/** The status of a folder whose repository could not be found: `not-repo`, `no-git`, or the failure itself. */
function outsideStatus(failure: Result<never>): Result<GitStatus> {
  if (failure.ok) return failure
  const { code, message } = failure.error
  return code === 'NOT_FOUND' ? ok({ kind: 'not-repo' }) : code === 'UNSUPPORTED' ? ok({ kind: 'no-git', message }) : failure
}

import type { RequestHandlers } from '@shared/api'
import { fail, ok, type Result } from '@shared/result'
import { resolveArticlePath } from '../article-path'
import type { FolderSession } from '../folder-session'
import type { JournalStore } from '../journal/index'
import { expectArgCount, isRecord } from '../validate'
import { isCommitId } from './git-history'
import type { GitService, KeepDiscarded } from './git-service'

type GitMethod =
  | 'gitStatus' | 'gitInit' | 'gitStage' | 'gitDiff' | 'gitDiscard' | 'gitCommit' | 'gitSetIdentity' | 'gitSync'
  | 'gitContinue' | 'gitCancelSync' | 'gitAbort' | 'gitConflict' | 'gitResolve' | 'gitHistory' | 'gitFileAtCommit'

/** What the git handlers need from their host. */
export interface GitHandlerHost {
  session(): FolderSession | null
  journal?: JournalStore
}

const maxPaths = 10_000
const maxMessage = 64 * 1024
const maxText = 20 * 1024 * 1024
const noFolder = <T>(): Result<T> => fail('NOT_FOUND', 'No folder is open.')
const jobIdPattern = /^[\w-]{1,100}$/

/** A folder-relative path confined to the folder (symlinks included) and never inside `.git`. */
async function checkedPath(session: FolderSession, value: unknown): Promise<Result<string>> {
  const abs = await session.root.resolve(value)
  if (!abs.ok) return abs
  const rel = value as string
  if (rel.split('/').some((segment) => segment.toLowerCase() === '.git')) return fail('INVALID_PATH', `"${rel}" is inside .git.`, { path: rel })
  return ok(rel)
}

/** An article path (see resolveArticlePath): only articles are read, written or restored through Git. */
async function checkedArticle(session: FolderSession, value: unknown): Promise<Result<string>> {
  const abs = await resolveArticlePath(session.root, value)
  return abs.ok ? ok(value as string) : abs
}

/**
 * The Git handlers of the request table (see createRequestHandlers): each validates its untrusted arguments and
 * checks every path against the folder before git sees it.
 */
export function createGitHandlers(host: GitHandlerHost): Pick<RequestHandlers, GitMethod> {
  const withGit = async <T>(run: (git: GitService, session: FolderSession) => Promise<Result<T>>): Promise<Result<T>> => {
    const session = host.session()
    return session === null ? noFolder() : run(session.git, session)
  }
  const onArticle = <T>(args: unknown[], count: number, method: string, run: (git: GitService, path: string) => Promise<Result<T>>): Promise<Result<T>> =>
    withGit(async (git, session) => {
      const checked = expectArgCount(args, count, method)
      if (!checked.ok) return checked
      const path = await checkedArticle(session, args[0])
      return path.ok ? run(git, path.value) : path
    })
  const noArgs = <T>(args: unknown[], method: string, run: (git: GitService) => Promise<Result<T>>): Promise<Result<T>> => {
    const checked = expectArgCount(args, 0, method)
    return checked.ok ? withGit(run) : Promise.resolve(checked)
  }
  const jobOf = (args: unknown[], method: string): Result<string> => {
    const checked = expectArgCount(args, 1, method)
    if (!checked.ok) return checked
    return typeof args[0] === 'string' && jobIdPattern.test(args[0]) ? ok(args[0]) : fail('INVALID_ARGUMENT', `${method} takes a job id (letters, digits, - and _).`)
  }
  return {
    gitStatus: (...args) => noArgs(args, 'gitStatus', (git) => git.status()),
    gitInit: (...args) => noArgs(args, 'gitInit', (git) => git.init()),
    gitAbort: (...args) => noArgs(args, 'gitAbort', (git) => git.abort()),
    gitStage: (...args) =>
      withGit(async (git, session) => {
        const checked = expectArgCount(args, 2, 'gitStage')
        if (!checked.ok) return checked
        const [paths, isStaged] = args
        if (!Array.isArray(paths) || paths.length === 0 || paths.length > maxPaths || typeof isStaged !== 'boolean') {
          return fail('INVALID_ARGUMENT', `gitStage takes 1 to ${maxPaths} paths and a boolean.`)
        }
        const checkedPaths: string[] = []
        for (const value of paths) {
          const path = await checkedPath(session, value)
          if (!path.ok) return path
          checkedPaths.push(path.value)
        }
        return git.stage(checkedPaths, isStaged)
      }),
    gitDiff: (...args) => onArticle(args, 1, 'gitDiff', (git, path) => git.diff(path)),
    gitDiscard: (...args) =>
      onArticle(args, 1, 'gitDiscard', (git, path) => {
        const session = host.session()
        const journal = host.journal
        const keep: KeepDiscarded | undefined =
          journal && session ? (at, text, hash) => journal.write(session.info().root, { path: at, text, baseVersion: { hash, size: 0, mtimeMs: 0 } }) : undefined
        return git.discard(path, keep)
      }),
    gitCommit: (...args) =>
      withGit(async (git) => {
        const checked = expectArgCount(args, 1, 'gitCommit')
        if (!checked.ok) return checked
        const request = args[0]
        if (!isRecord(request) || typeof request.message !== 'string') return fail('INVALID_ARGUMENT', 'gitCommit takes { message }.')
        const message = request.message.trim()
        if (message === '' || message.length > maxMessage || message.includes('\0')) return fail('INVALID_ARGUMENT', 'Write a commit message (without NUL characters).')
        return git.commit(message)
      }),
    gitSetIdentity: (...args) =>
      withGit(async (git) => {
        const checked = expectArgCount(args, 1, 'gitSetIdentity')
        if (!checked.ok) return checked
        const identity = args[0]
        if (!isRecord(identity) || typeof identity.name !== 'string' || typeof identity.email !== 'string') return fail('INVALID_ARGUMENT', 'gitSetIdentity takes { name, email }.')
        const [name, email] = [identity.name.trim(), identity.email.trim()]
        if (!/^[^\0\n<>]{1,200}$/.test(name)) return fail('INVALID_ARGUMENT', 'Give a name (one line, without < or >).')
        if (!/^[^\0\n<>\s]+@[^\0\n<>\s]+$/.test(email) || email.length > 320) return fail('INVALID_ARGUMENT', 'Give an email address such as ada@example.org.')
        return git.setIdentity({ name, email })
      }),
    gitSync: (...args) => {
      const job = jobOf(args, 'gitSync')
      return job.ok ? withGit((git) => git.sync(job.value)) : Promise.resolve(job)
    },
    gitContinue: (...args) => {
      const job = jobOf(args, 'gitContinue')
      return job.ok ? withGit((git) => git.continueSync(job.value)) : Promise.resolve(job)
    },
    gitCancelSync: (...args) => {
      const job = jobOf(args, 'gitCancelSync')
      return job.ok ? withGit((git) => Promise.resolve(ok(git.cancel(job.value)))) : Promise.resolve(job)
    },
    gitConflict: (...args) => onArticle(args, 1, 'gitConflict', (git, path) => git.conflict(path)),
    gitResolve: (...args) =>
      onArticle(args, 2, 'gitResolve', (git, path) => {
        const text = args[1]
        if (typeof text !== 'string' || text.length > maxText) return Promise.resolve(fail('INVALID_ARGUMENT', 'gitResolve takes the resolved text.'))
        return git.resolve(path, text)
      }),
    gitHistory: (...args) => onArticle(args, 1, 'gitHistory', (git, path) => git.history(path)),
    gitFileAtCommit: (...args) =>
      withGit(async (git, session) => {
        const checked = expectArgCount(args, 2, 'gitFileAtCommit')
        if (!checked.ok) return checked
        if (!isCommitId(args[0])) return fail('INVALID_ARGUMENT', 'gitFileAtCommit takes a commit id and a path.')
        const path = await checkedArticle(session, args[1])
        return path.ok ? git.atCommit(args[0], path.value) : path
      }),
  }
}

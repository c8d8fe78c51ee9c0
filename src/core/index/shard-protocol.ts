import type { ArticleSummary, SearchHit } from '@shared/api'
import type { FolderSchema } from '@shared/front-matter/schema-types'
import type { Result } from '@shared/result'
import type { CheckProblem } from './check-problem'
import type { FileStamp, RankedMatch, ShardCore } from './shard-core'

/** A request to a shard; `id` pairs it with its reply. */
export type ShardRequest =
  | { id: number; op: 'list' }
  | { id: number; op: 'summarize-cached' }
  | { id: number; op: 'summarize'; paths: string[] }
  | { id: number; op: 'build-terms' }
  | { id: number; op: 'update'; path: string }
  | { id: number; op: 'remove'; path: string }
  | { id: number; op: 'stamp'; path: string }
  | { id: number; op: 'search'; terms: string[]; limit: number }
  | { id: number; op: 'snippets'; paths: string[]; terms: string[] }
  | { id: number; op: 'schema' }
  | { id: number; op: 'save-cache' }

/**
 * A shard's message: a batch of summaries during `summarize` (in `folio check`'s mode with each one's problems, see
 * ShardCoreOptions.withProblems), a chunk of paths during `list`, or the reply to a request.
 */
export type ShardMessage = { id: number; kind: 'batch'; articles: ArticleSummary[]; problems?: BatchProblems } | { id: number; kind: 'paths'; paths: string[] } | { id: number; kind: 'reply'; value: ShardReply }

/** The reply value per operation. */
export type ShardReply = null | boolean | { summary: ArticleSummary; stamp: FileStamp } | FileStamp | { ranked: RankedMatch[]; total: number } | SearchHit[] | Result<FolderSchema>

/** `folio check`'s problems of each summary of a batch, in its order (null: not known, see ShardCore.problemsOf). */
export type BatchProblems = (readonly CheckProblem[] | null)[]

/** How many summaries a shard sends at once while indexing. */
export const batchSize = 250

const termsPerSlice = 200

/** Yields to the event loop so queued requests (a search, an update) are served between slices of work. */
function yieldTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/** How long summarizing may run before queued requests are served (ms), however few files that was. */
const sliceMs = 50

/**
 * Summarizes each path, posting the summaries in batches and yielding between them so other requests are served.
 * NOTE: a batch also ends after sliceMs: a few slow files (20,000 aliases each) would otherwise keep a search
 * waiting for a whole batch; now it waits for the file in hand at most.
 */
async function postInBatches(core: ShardCore, paths: readonly string[], summarize: (rel: string) => ArticleSummary | null, post: (articles: ArticleSummary[], problems?: BatchProblems) => void): Promise<void> {
  let batch: ArticleSummary[] = []
  let problems: BatchProblems | undefined = core.isChecking ? [] : undefined
  let sliceStart = performance.now()
  for (const rel of paths) {
    const summary = summarize(rel)
    if (summary !== null) {
      batch.push(summary)
      problems?.push(core.problemsOf(rel))
    }
    if (batch.length >= batchSize || performance.now() - sliceStart >= sliceMs) {
      if (batch.length > 0) post(batch, problems)
      batch = []
      problems = core.isChecking ? [] : undefined
      await yieldTurn()
      sliceStart = performance.now()
    }
  }
  if (batch.length > 0) post(batch, problems)
}

/** The summarize requests a shard is serving now (they yield between batches, so several may be in hand at once). */
const summarizing = new WeakMap<ShardCore, Set<Promise<void>>>()

/** Serves a summarize request, counting it as in hand until it ends (see whenSummarized). */
function summarizeTracked(core: ShardCore, work: () => Promise<void>): Promise<void> {
  let inHand = summarizing.get(core)
  if (inHand === undefined) summarizing.set(core, (inHand = new Set()))
  const running = work()
  const set = inHand
  const done = (): void => void set.delete(running)
  set.add(running)
  running.then(done, done)
  return running
}

/** Resolves once no summarize request is in hand in this shard, however many start meanwhile. */
async function whenSummarized(core: ShardCore): Promise<void> {
  for (let inHand = summarizing.get(core); inHand !== undefined && inHand.size > 0; inHand = summarizing.get(core)) await Promise.allSettled([...inHand])
}

/**
 * Serves one request against a shard, posting batches and the reply through `post`. Shared by the worker thread
 * and the in-process fallback so both behave the same.
 */
export async function serveShardRequest(core: ShardCore, request: ShardRequest, post: (message: ShardMessage) => void): Promise<void> {
  const reply = (value: ShardReply): void => post({ id: request.id, kind: 'reply', value })
  switch (request.op) {
    case 'list':
      return reply(core.list((paths) => post({ id: request.id, kind: 'paths', paths })))
    case 'summarize-cached':
      await summarizeTracked(core, () => postInBatches(core, core.cachedPaths(), (rel) => core.summarizeCached(rel), (articles, problems) => post({ id: request.id, kind: 'batch', articles, problems })))
      return reply(null)
    case 'summarize':
      await summarizeTracked(core, () => postInBatches(core, request.paths, (rel) => core.summarize(rel), (articles, problems) => post({ id: request.id, kind: 'batch', articles, problems })))
      return reply(null)
    case 'build-terms': {
      let batch: ArticleSummary[] = []
      const collect = (summary: ArticleSummary): void => {
        batch.push(summary)
      }
      // NOTE: the words are indexed once every file handed to this shard is summarized, including requests still
      // in hand (they yield between batches): a restarted worker serves its re-reads beside the full-text pass, and
      // a pass that drained its queue while a re-read was mid-way answered "done" without the files read after it
      // (their words were never indexed: a search found nothing for them; seen under load in shard-restart.test.ts).
      do {
        await whenSummarized(core)
        while (core.indexTerms(termsPerSlice, collect) > 0) {
          post({ id: request.id, kind: 'batch', articles: batch })
          batch = []
          await yieldTurn()
        }
      } while ((summarizing.get(core)?.size ?? 0) > 0)
      if (batch.length > 0) post({ id: request.id, kind: 'batch', articles: batch })
      await core.saveCache()
      return reply(null)
    }
    case 'update':
      return reply(core.update(request.path))
    case 'remove':
      core.remove(request.path)
      return reply(null)
    case 'stamp':
      return reply(core.stampOf(request.path) ?? null)
    case 'search':
      return reply(core.search(request.terms, request.limit))
    case 'snippets':
      return reply(core.snippets(request.paths, request.terms))
    case 'schema':
      return reply(await core.folderSchema())
    case 'save-cache':
      await core.saveCacheIfStale()
      return reply(null)
  }
}

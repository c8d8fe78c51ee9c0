import { parentPort, workerData } from 'node:worker_threads'
import { listArticleChunks } from './shard-files'
import { lowerThreadPriority } from './thread-priority'
import type { ShardMessage, ShardRequest } from './shard-protocol'

// The worker-thread entry of one index shard: serves ShardRequests from the parent over its port.
// NOTE: the shard (and the front-matter parsers it loads, ~100 ms) is imported after start, so the shard that
// lists the folder starts listing at once; every other request waits for it, in the order they came.
const port = parentPort
const data = workerData as { root?: unknown; cacheFile?: unknown; cursor?: unknown; withProblems?: unknown } | null
const root = data?.root
if (port !== null && typeof root === 'string') {
  lowerThreadPriority()
  const post = (message: ShardMessage): void => port.postMessage(message)
  const serving = import('./shard-serving').then(({ startShard }) => startShard(root, typeof data?.cacheFile === 'string' ? data.cacheFile : null, data?.cursor instanceof SharedArrayBuffer ? data.cursor : null, post, data?.withProblems === true))
  port.on('message', (request: ShardRequest) => {
    if (request.op !== 'list') {
      void serving.then((serve) => serve(request))
      return
    }
    const isListed = listArticleChunks(root, (paths) => post({ id: request.id, kind: 'paths', paths }))
    post({ id: request.id, kind: 'reply', value: isListed })
  })
}

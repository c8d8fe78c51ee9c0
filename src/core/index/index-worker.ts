import { parentPort, workerData } from 'node:worker_threads'
import { ShardCore } from './shard-core'
import { serveShardRequest, type ShardRequest } from './shard-protocol'

// The worker-thread entry of one index shard: serves ShardRequests from the parent over its port.
const port = parentPort
const data = workerData as { root?: unknown; cacheFile?: unknown } | null
const root = data?.root
if (port !== null && typeof root === 'string') {
  const core = new ShardCore(root, { cacheFile: typeof data?.cacheFile === 'string' ? data.cacheFile : null })
  port.on('message', (request: ShardRequest) => {
    void serveShardRequest(core, request, (message) => port.postMessage(message))
  })
}

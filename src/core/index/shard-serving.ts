import { ShardCore } from './shard-core'
import { serveShardRequest, type ShardMessage, type ShardRequest } from './shard-protocol'

/** Makes the shard of a worker thread; returns what serves each of its requests (see index-worker). */
export function startShard(root: string, cacheFile: string | null, post: (message: ShardMessage) => void): (request: ShardRequest) => void {
  const core = new ShardCore(root, { cacheFile })
  return (request) => void serveShardRequest(core, request, post)
}

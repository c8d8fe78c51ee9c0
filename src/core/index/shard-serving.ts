import { ShardCore } from './shard-core'
import { ShardCursor } from './shard-cursor'
import { serveShardRequest, type ShardMessage, type ShardRequest } from './shard-protocol'

/** Makes the shard of a worker thread; returns what serves each of its requests (see index-worker). */
export function startShard(root: string, cacheFile: string | null, cursor: SharedArrayBuffer | null, post: (message: ShardMessage) => void, withProblems = false): (request: ShardRequest) => void {
  const core = new ShardCore(root, { cacheFile, cursor: cursor === null ? null : new ShardCursor(cursor), withProblems })
  return (request) => void serveShardRequest(core, request, post)
}

import { parentPort } from 'node:worker_threads'

/**
 * An index worker that takes every request and never answers (nor lists, nor loads a cache): whatever an index
 * shows while its shard runs this has come from somewhere else. It stays alive until terminated.
 */
parentPort?.on('message', () => undefined)

import { fail, ok, type Result } from '@shared/result'
import type { ChunkProducer } from '../atomic-write'
import { errnoToResult } from '../errno'
import type { FsPort } from '../fs-port'
import { openConfined } from '../store/confine'

/** A file an export made in memory (a converted article, a JSON array): a relative `/` path and its bytes. */
export interface MemoryFile {
  name: string
  bytes: Uint8Array
}

/**
 * A file an export copies from the content folder without holding it (a page-bundle resource): where it is, and the
 * size counted against the run's budget. It is opened only when written, with the store's proof (openConfined: no
 * link followed, nothing outside `root`, no FIFO), and streamed in chunks.
 */
export interface StreamedFile {
  name: string
  size: number
  source: { fs: FsPort; root: string; abs: string }
}

/** One file an export produces (see MemoryFile, StreamedFile). */
export type ExportFile = MemoryFile | StreamedFile

/** How many bytes a streamed copy holds at once. */
export const streamChunkBytes = 256 * 1024

/** True for a file whose bytes are in memory. */
export function isMemoryFile(file: ExportFile): file is MemoryFile {
  return 'bytes' in file
}

/** The size of an export file in bytes (a streamed file's counted size). */
export function exportFileSize(file: ExportFile): number {
  return isMemoryFile(file) ? file.bytes.byteLength : file.size
}

/**
 * Streams a file's bytes to `write` one chunk at a time. A streamed file is opened confined and read to its end;
 * one that changed size since it was counted fails (IO), so a copy is never silently cut or grown past the budget.
 */
export function streamExportFile(file: ExportFile): ChunkProducer {
  return async (write) => {
    if (isMemoryFile(file)) {
      await write(file.bytes)
      return ok(undefined)
    }
    const { fs, root, abs } = file.source
    const opened = await openConfined(fs, root, abs, file.name, false)
    if (!opened.ok) return opened
    const { handle } = opened.value
    try {
      let position = 0
      for (;;) {
        // NOTE: a fresh chunk each time: a zip stream may pass the chunk on as it is, after this loop moved on.
        const chunk = new Uint8Array(Math.min(streamChunkBytes, file.size - position + 1))
        const n = await handle.read(chunk, 0, chunk.byteLength, position)
        if (n === 0) break
        position += n
        if (position > file.size) return fail('IO', `"${file.name}" grew while it was being exported; export it again.`, { path: file.name })
        await write(chunk.subarray(0, n))
      }
      if (position !== file.size) return fail('IO', `"${file.name}" shrank while it was being exported; export it again.`, { path: file.name })
      return ok(undefined)
    } catch (error) {
      return errnoToResult(error, 'read', file.name)
    } finally {
      // NOTE: closing a handle opened for reading cannot lose data.
      await handle.close().catch(() => undefined)
    }
  }
}

/** Collects a producer's chunks into one buffer (for a download answered in one response); bounded by the caller's budget. */
export async function collectChunks(produce: ChunkProducer): Promise<Result<Uint8Array>> {
  const chunks: Uint8Array[] = []
  const done = await produce((chunk) => {
    chunks.push(chunk.slice())
    return Promise.resolve()
  })
  return done.ok ? ok(Buffer.concat(chunks)) : done
}

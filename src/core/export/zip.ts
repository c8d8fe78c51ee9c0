import { Zip, ZipDeflate, ZipPassThrough, type ZipInputFile } from 'fflate'
import { ok, type Result } from '@shared/result'
import type { ChunkProducer } from '../atomic-write'
import { collectChunks, streamExportFile, type ExportFile } from './export-file'

export { type ExportFile } from './export-file'

const isPacked = (name: string): boolean => /\.(png|jpe?g|gif|webp|avif|pdf|zip|gz|mp4|webm|mp3)$/i.test(name)

/**
 * Packs files into a zip as a stream (fflate's Zip), keeping their folder structure: already-compressed types are
 * stored, text is deflated. Each file is streamed in turn (see streamExportFile) and every chunk of zip output is
 * written before the next one is read, so memory holds one chunk whatever the sizes. A file that fails (changed,
 * a link swapped in) fails the whole zip.
 */
export function zipStream(files: readonly ExportFile[]): ChunkProducer {
  return async (write) => {
    let pending: Uint8Array[] = []
    let failure: Error | null = null
    const zip = new Zip((error, chunk) => {
      if (error !== null) failure = error
      else pending.push(chunk)
    })
    const flush = async (): Promise<void> => {
      const out = pending
      pending = []
      for (const chunk of out) await write(chunk)
      if (failure !== null) throw failure
    }
    for (const file of files) {
      const entry: ZipInputFile & { push(chunk: Uint8Array, final?: boolean): void } = isPacked(file.name) ? new ZipPassThrough(file.name) : new ZipDeflate(file.name, { level: 6 })
      zip.add(entry)
      const streamed = await streamExportFile(file)(async (chunk) => {
        entry.push(chunk)
        await flush()
      })
      if (!streamed.ok) {
        zip.terminate()
        return streamed
      }
      entry.push(new Uint8Array(0), true)
      await flush()
    }
    zip.end()
    await flush()
    return ok(undefined)
  }
}

/** The whole zip in memory (a download answered in one response, tests); bounded by the export's budget. */
export function zipFiles(files: readonly ExportFile[]): Promise<Result<Uint8Array>> {
  return collectChunks(zipStream(files))
}

import path from 'node:path'
import type { ChunkProducer } from '../atomic-write'
import { streamExportFile, type ExportFile } from './export-file'
import { zipStream } from './zip'

/**
 * The one file an export hands over: a download in browser mode, the save-dialog target on desktop. Its bytes are
 * produced as a stream (see ChunkProducer), so a large export is written to disk without being held.
 */
export interface PackagedExport {
  fileName: string
  mimeType: string
  produce: ChunkProducer
}

const mimeTypes: Record<string, string> = {
  '.md': 'text/markdown; charset=utf-8',
  '.markdown': 'text/markdown; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
}

/** A single file's download name: a bundle's `posts/trip/index.html` becomes `trip.html`. */
export function singleFileName(name: string): string {
  const base = path.posix.basename(name)
  const dir = path.posix.basename(path.posix.dirname(name))
  return /^_?index\./i.test(base) && dir !== '.' && dir !== '' ? dir + path.posix.extname(base) : base
}

/** One file stays as it is unless `isZip`; several become `<zipBase>.zip` with their folders kept. */
export function packageExport(files: readonly ExportFile[], zipBase: string, isZip = false): PackagedExport {
  const only = files[0]
  if (files.length === 1 && only !== undefined && !isZip) {
    const fileName = singleFileName(only.name)
    return { fileName, mimeType: mimeTypes[path.posix.extname(fileName).toLowerCase()] ?? 'application/octet-stream', produce: streamExportFile(only) }
  }
  return { fileName: `${zipBase}.zip`, mimeType: mimeTypes['.zip'] ?? 'application/zip', produce: zipStream(files) }
}

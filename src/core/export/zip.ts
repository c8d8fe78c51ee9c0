import { zipSync, type Zippable } from 'fflate'

/** One file an export produces: a relative `/` path and its bytes. */
export interface ExportFile {
  name: string
  bytes: Uint8Array
}

/** Packs files into a zip, keeping their folder structure; PNG/JPEG/PDF are stored, text is deflated. */
export function zipFiles(files: readonly ExportFile[]): Uint8Array {
  const entries: Zippable = {}
  for (const file of files) {
    const isPacked = /\.(png|jpe?g|gif|webp|pdf|zip)$/i.test(file.name)
    entries[file.name] = [file.bytes, { level: isPacked ? 0 : 6 }]
  }
  return zipSync(entries)
}

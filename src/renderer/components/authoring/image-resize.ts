/** The longest side of a resized copy (pixels): sharp on a wide screen, a fraction of a camera's bytes. */
export const resizedSide = 2048

/** Images above this many bytes, or with a side above resizedSide, are offered a resized copy. */
export const largeImageBytes = 1024 * 1024

/** What the writer is asked about a large image: its size, and what a resized copy would be. */
export interface LargeImage {
  width: number
  height: number
  bytes: number
  resizedWidth: number
  resizedHeight: number
}

// NOTE: GIF (animation) and SVG (vector) lose what they are when drawn on a canvas; AVIF cannot be encoded by it.
const resizableTypes = new Set(['image/png', 'image/jpeg', 'image/webp'])

/**
 * The dimensions of a large raster image worth resizing (PNG, JPEG, WebP over largeImageBytes or wider than
 * resizedSide), or null when it is small, not resizable, or cannot be decoded (then it is saved as it is).
 */
export async function largeImageOf(file: File): Promise<LargeImage | null> {
  if (!resizableTypes.has(file.type) || typeof createImageBitmap !== 'function') return null
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(file)
  } catch {
    // NOTE: an image the browser cannot decode is saved untouched; the preview will show what it can.
    return null
  }
  const { width, height } = bitmap
  bitmap.close()
  const side = Math.max(width, height)
  if (file.size <= largeImageBytes && side <= resizedSide) return null
  const scale = Math.min(1, resizedSide / side)
  return { width, height, bytes: file.size, resizedWidth: Math.max(1, Math.round(width * scale)), resizedHeight: Math.max(1, Math.round(height * scale)) }
}

/**
 * A resized copy of `file` (same name and type; JPEG and WebP at quality 0.88), drawn with the browser's own
 * decoder and canvas, so it works the same in Electron and in browser mode. Rejects when the browser cannot encode it.
 */
export async function resizeImage(file: File, size: { resizedWidth: number; resizedHeight: number }): Promise<File> {
  const bitmap = await createImageBitmap(file, { resizeWidth: size.resizedWidth, resizeHeight: size.resizedHeight, resizeQuality: 'high' })
  const canvas = document.createElement('canvas')
  canvas.width = size.resizedWidth
  canvas.height = size.resizedHeight
  const context = canvas.getContext('2d')
  if (context === null) throw new Error('This browser cannot draw images.')
  context.drawImage(bitmap, 0, 0)
  bitmap.close()
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, file.type, 0.88))
  if (blob === null || blob.type !== file.type) throw new Error(`This browser cannot save ${file.type} images.`)
  return new File([blob], file.name, { type: file.type })
}

/** A byte count for people: `812 KB`, `12.4 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

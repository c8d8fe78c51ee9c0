/**
 * The queue key of a write, so every name of one file shares a queue: the existing file's dev:ino (a hard link, a
 * followed symbolic link and the real name all give it). A file not made yet has no inode; its real path is the key,
 * folded as `platform`'s folders usually compare names: case-insensitive and normalization-insensitive on macOS
 * (APFS, HFS+), case-insensitive and blind to trailing dots and spaces on Windows (NTFS).
 */
export function writeQueueKey(existing: { dev: number; ino: number } | null, realPath: string, platform: NodeJS.Platform = process.platform): string {
  if (existing !== null) return `${existing.dev}:${existing.ino}`
  if (platform === 'darwin') return `new:${realPath.normalize('NFD').toLowerCase()}`
  // NOTE: Win32 drops trailing dots and spaces from each name ("a.md." opens "a.md"); `/` and `\` both separate.
  if (platform === 'win32') return `new:${realPath.split(/[\\/]/).map((part) => part.replace(/[. ]+$/, '')).join('\\').toLowerCase()}`
  return `new:${realPath}`
}

import fs from 'node:fs/promises'

/** The parts of a stat result core uses. */
export interface FsStats {
  size: number
  mtimeMs: number
  mode: number
  uid: number
  gid: number
  /** Device and inode: together they name one file, whatever path reached it. */
  dev: number
  ino: number
  isFile(): boolean
  isDirectory(): boolean
  isSymbolicLink(): boolean
}

/** One directory entry (symbolic links are reported as such, not followed). */
export interface FsDirent {
  name: string
  isFile(): boolean
  isDirectory(): boolean
  isSymbolicLink(): boolean
}

/** An open file: write all bytes, flush to disk, close; and the fd-based steps that never re-resolve a path. */
export interface FsHandle {
  /** The descriptor number (used to ask the OS which path it has open). */
  readonly fd: number
  write(data: Uint8Array): Promise<void>
  /** Reads up to `length` bytes at `position` into `buffer` at `offset`; the count read (0 at the end). */
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<number>
  stat(): Promise<FsStats>
  chmod(mode: number): Promise<void>
  chown(uid: number, gid: number): Promise<void>
  sync(): Promise<void>
  close(): Promise<void>
}

/** The one port through which core touches the file system; methods reject with Node errno errors. */
export interface FsPort {
  /** `flags` is 'r', 'wx' (create, fail if anything is there) or a number of fs.constants O_* flags. */
  open(path: string, flags: 'r' | 'wx' | number, mode?: number): Promise<FsHandle>
  readFile(path: string): Promise<Uint8Array>
  rename(from: string, to: string): Promise<void>
  stat(path: string): Promise<FsStats>
  lstat(path: string): Promise<FsStats>
  realpath(path: string): Promise<string>
  readdir(path: string): Promise<FsDirent[]>
  unlink(path: string): Promise<void>
  mkdir(path: string): Promise<void>
  chmod(path: string, mode: number): Promise<void>
  chown(path: string, uid: number, gid: number): Promise<void>
  /** A new name for an existing file; fails with EEXIST when `to` exists (never replaces). */
  link(from: string, to: string): Promise<void>
  readlink(path: string): Promise<string>
  /** Removes an empty folder. */
  rmdir(path: string): Promise<void>
}

/** The real file system (node:fs/promises). */
export const nodeFs: FsPort = {
  async open(path, flags, mode) {
    const handle = await fs.open(path, flags, mode)
    return {
      fd: handle.fd,
      async write(data) {
        let offset = 0
        // NOTE: FileHandle.write may write fewer bytes than asked; loop until all are down.
        while (offset < data.byteLength) {
          const { bytesWritten } = await handle.write(data, offset, data.byteLength - offset)
          offset += bytesWritten
        }
      },
      read: async (buffer, offset, length, position) => (await handle.read(buffer, offset, length, position)).bytesRead,
      stat: () => handle.stat(),
      chmod: (mode) => handle.chmod(mode),
      chown: (uid, gid) => handle.chown(uid, gid),
      sync: () => handle.sync(),
      close: () => handle.close(),
    }
  },
  readFile: async (path) => new Uint8Array(await fs.readFile(path)),
  rename: (from, to) => fs.rename(from, to),
  stat: (path) => fs.stat(path),
  lstat: (path) => fs.lstat(path),
  realpath: (path) => fs.realpath(path),
  readdir: (path) => fs.readdir(path, { withFileTypes: true }),
  unlink: (path) => fs.unlink(path),
  mkdir: async (path) => {
    await fs.mkdir(path, { recursive: true })
  },
  chmod: (path, mode) => fs.chmod(path, mode),
  chown: (path, uid, gid) => fs.chown(path, uid, gid),
  link: (from, to) => fs.link(from, to),
  readlink: (path) => fs.readlink(path),
  rmdir: (path) => fs.rmdir(path),
}

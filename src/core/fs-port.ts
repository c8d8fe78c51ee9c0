import fs from 'node:fs/promises'

/** The file-system steps core performs; a fault can be injected at any of them. */
export type FsOp = 'open' | 'read' | 'write' | 'fsync' | 'close' | 'rename' | 'stat' | 'lstat' | 'realpath' | 'readdir' | 'unlink' | 'mkdir' | 'chmod' | 'chown' | 'fstat' | 'link' | 'readlink' | 'rmdir'

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

/** A fault to inject: fail `op` with errno `code` for paths matching `path`, `times` times (default: always). */
export interface FsFault {
  op: FsOp
  code: string
  path?: string | RegExp | ((path: string) => boolean)
  times?: number
}

/** Builds an Error shaped like Node's errno errors (code, syscall, path). */
export function errnoError(code: string, op: FsOp, path: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: injected fault, ${op} '${path}'`)
  error.code = code
  error.syscall = op
  error.path = path
  return error
}

function matches(fault: FsFault, path: string): boolean {
  if (fault.path === undefined) return true
  if (typeof fault.path === 'string') return fault.path === path
  if (fault.path instanceof RegExp) return fault.path.test(path)
  return fault.path(path)
}

/** Wraps a port so the listed faults fire (for tests); `calls` records every op performed, in order. */
export function withFaults(base: FsPort, faults: FsFault[]): FsPort & { calls: { op: FsOp; path: string }[] } {
  const remaining = faults.map((fault) => ({ fault, left: fault.times ?? Infinity }))
  const calls: { op: FsOp; path: string }[] = []
  const check = (op: FsOp, path: string): void => {
    calls.push({ op, path })
    const hit = remaining.find((r) => r.fault.op === op && r.left > 0 && matches(r.fault, path))
    if (!hit) return
    hit.left -= 1
    throw errnoError(hit.fault.code, op, path)
  }
  const run = async <T>(op: FsOp, path: string, action: () => Promise<T>): Promise<T> => {
    check(op, path)
    return action()
  }
  return {
    calls,
    async open(path, flags, mode) {
      const handle = await run('open', path, () => base.open(path, flags, mode))
      return {
        fd: handle.fd,
        write: (data) => run('write', path, () => handle.write(data)),
        read: (buffer, offset, length, position) => run('read', path, () => handle.read(buffer, offset, length, position)),
        stat: () => run('fstat', path, () => handle.stat()),
        chmod: (mode) => run('chmod', path, () => handle.chmod(mode)),
        chown: (uid, gid) => run('chown', path, () => handle.chown(uid, gid)),
        sync: () => run('fsync', path, () => handle.sync()),
        close: () => run('close', path, () => handle.close()),
      }
    },
    readFile: (path) => run('read', path, () => base.readFile(path)),
    rename: (from, to) => run('rename', to, () => base.rename(from, to)),
    stat: (path) => run('stat', path, () => base.stat(path)),
    lstat: (path) => run('lstat', path, () => base.lstat(path)),
    realpath: (path) => run('realpath', path, () => base.realpath(path)),
    readdir: (path) => run('readdir', path, () => base.readdir(path)),
    unlink: (path) => run('unlink', path, () => base.unlink(path)),
    mkdir: (path) => run('mkdir', path, () => base.mkdir(path)),
    chmod: (path, mode) => run('chmod', path, () => base.chmod(path, mode)),
    chown: (path, uid, gid) => run('chown', path, () => base.chown(path, uid, gid)),
    link: (from, to) => run('link', to, () => base.link(from, to)),
    readlink: (path) => run('readlink', path, () => base.readlink(path)),
    rmdir: (path) => run('rmdir', path, () => base.rmdir(path)),
  }
}

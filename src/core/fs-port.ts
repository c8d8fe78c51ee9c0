import fs from 'node:fs'
import fsp from 'node:fs/promises'

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

/**
 * Reads and writes of at most this many bytes run on the calling thread (the page cache: microseconds); larger ones
 * go to the thread pool, so a 10 MB file does not hold the event loop.
 */
const syncIoMaxBytes = 128 * 1024

/** Runs a step on the calling thread now; its value, or its failure, as an already settled promise (never a throw). */
function settled<T>(step: () => T): Promise<T> {
  // NOTE: the executor runs at once, on this thread; a throw in it becomes the rejection.
  return new Promise((resolve) => resolve(step()))
}

/** Runs one callback-style fs call on the thread pool as a promise. */
function onPool<T>(start: (done: (error: NodeJS.ErrnoException | null, value?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => start((error, value) => (error === null ? resolve(value as T) : reject(error))))
}

/** An error shaped like Node's for a step on a descriptor this handle already closed (never reaches the OS). */
function closedError(syscall: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`EBADF: bad file descriptor, ${syscall} (the handle was closed)`)
  error.code = 'EBADF'
  error.syscall = syscall
  return error
}

/** Writes all of `data` at the descriptor's position: on the calling thread when small, else on the thread pool. */
async function writeAll(fd: number, data: Uint8Array): Promise<void> {
  let offset = 0
  // NOTE: a write may take fewer bytes than asked; loop until all are down.
  while (offset < data.byteLength) {
    const length = data.byteLength - offset
    const at = offset
    offset += length > syncIoMaxBytes ? await onPool<number>((done) => fs.write(fd, data, at, length, null, done)) : fs.writeSync(fd, data, at, length, null)
  }
}

/**
 * An open descriptor as an FsHandle: fsyncs and large reads and writes on the thread pool, the rest on the calling
 * thread. NOTE: once closed the handle refuses every step (EBADF), and close waits for the steps still running: the
 * number may already name another file opened since, which a late step or a second close would otherwise touch.
 */
function fdHandle(fd: number): FsHandle {
  let isClosed = false
  const running = new Set<Promise<unknown>>()
  const live = (syscall: string): void => {
    if (isClosed) throw closedError(syscall)
  }
  const track = <T>(step: Promise<T>): Promise<T> => {
    running.add(step)
    const forget = (): void => void running.delete(step)
    step.then(forget, forget)
    return step
  }
  return {
    fd,
    async write(data) {
      live('write')
      await track(writeAll(fd, data))
    },
    async read(buffer, offset, length, position) {
      live('read')
      return length <= syncIoMaxBytes ? fs.readSync(fd, buffer, offset, length, position) : await track(onPool<number>((done) => fs.read(fd, buffer, offset, length, position, done)))
    },
    stat: () =>
      settled(() => {
        live('fstat')
        return fs.fstatSync(fd)
      }),
    chmod: (mode) =>
      settled(() => {
        live('fchmod')
        fs.fchmodSync(fd, mode)
      }),
    chown: (uid, gid) =>
      settled(() => {
        live('fchown')
        fs.fchownSync(fd, uid, gid)
      }),
    async sync() {
      live('fsync')
      await track(onPool<void>((done) => fs.fsync(fd, done)))
    },
    async close() {
      live('close')
      isClosed = true
      if (running.size > 0) await Promise.allSettled([...running])
      fs.closeSync(fd)
    },
  }
}

/**
 * The real file system. NOTE: only the steps that wait for the disk go to the thread pool: fsync, reads and writes
 * over 128 KB, listing a folder, reading a whole file, making folders. The metadata steps (lstat, stat, realpath,
 * readlink, open, fstat, close, rename, link, unlink, chmod) and small reads and writes (page cache) run on the
 * calling thread: microseconds each on a local disk, where a trip through the pool (waking a worker thread, then the
 * event loop) costs tens on this VM. A save made ~19 such trips and took 3-4x a plain atomic write; now it makes two,
 * its fsyncs (bench/save.bench.mjs, issue 22). The price: on a slow network disk a metadata step holds the event
 * loop for its round trip. Errors still arrive as rejections (see settled), so callers and the
 * test ports that wrap this one (tests/support) are the same for either kind.
 */
export const nodeFs: FsPort = {
  open: (path, flags, mode) => settled(() => fdHandle(fs.openSync(path, flags, mode))),
  readFile: async (path) => new Uint8Array(await fsp.readFile(path)),
  rename: (from, to) => settled(() => fs.renameSync(from, to)),
  stat: (path) => settled(() => fs.statSync(path)),
  lstat: (path) => settled(() => fs.lstatSync(path)),
  realpath: (path) => settled(() => fs.realpathSync.native(path)),
  readdir: (path) => fsp.readdir(path, { withFileTypes: true }),
  unlink: (path) => settled(() => fs.unlinkSync(path)),
  mkdir: async (path) => {
    await fsp.mkdir(path, { recursive: true })
  },
  chmod: (path, mode) => settled(() => fs.chmodSync(path, mode)),
  chown: (path, uid, gid) => settled(() => fs.chownSync(path, uid, gid)),
  link: (from, to) => settled(() => fs.linkSync(from, to)),
  readlink: (path) => settled(() => fs.readlinkSync(path)),
  rmdir: (path) => fsp.rmdir(path),
}

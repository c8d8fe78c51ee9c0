import fs from 'node:fs/promises'

/** The file-system steps core performs; a fault can be injected at any of them. */
export type FsOp = 'open' | 'read' | 'write' | 'fsync' | 'close' | 'rename' | 'stat' | 'lstat' | 'realpath' | 'readdir' | 'unlink' | 'mkdir' | 'chmod' | 'chown'

/** The parts of a stat result core uses. */
export interface FsStats {
  size: number
  mtimeMs: number
  mode: number
  uid: number
  gid: number
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

/** An open file: write all bytes, flush to disk, close. */
export interface FsHandle {
  write(data: Uint8Array): Promise<void>
  sync(): Promise<void>
  close(): Promise<void>
}

/** The one port through which core touches the file system; methods reject with Node errno errors. */
export interface FsPort {
  open(path: string, flags: 'r' | 'wx', mode?: number): Promise<FsHandle>
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
}

/** The real file system (node:fs/promises). */
export const nodeFs: FsPort = {
  async open(path, flags, mode) {
    const handle = await fs.open(path, flags, mode)
    return {
      async write(data) {
        let offset = 0
        // NOTE: FileHandle.write may write fewer bytes than asked; loop until all are down.
        while (offset < data.byteLength) {
          const { bytesWritten } = await handle.write(data, offset, data.byteLength - offset)
          offset += bytesWritten
        }
      },
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
        write: (data) => run('write', path, () => handle.write(data)),
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
  }
}

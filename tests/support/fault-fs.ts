import type { FsPort } from '../../src/core/fs-port'

// A test seam: a file-system port that fails chosen steps with chosen errno codes, and records every step. It lives
// here, not in src, so production code holds no switch that only tests use (STYLE: test seams in tests/support).

/** The file-system steps core performs; a fault can be injected at any of them. */
export type FsOp = 'open' | 'read' | 'write' | 'fsync' | 'close' | 'rename' | 'stat' | 'lstat' | 'realpath' | 'readdir' | 'unlink' | 'mkdir' | 'chmod' | 'chown' | 'fstat' | 'link' | 'readlink' | 'rmdir'

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

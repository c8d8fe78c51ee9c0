import type { FsPort } from '../../src/core/fs-port'
import type { FsOp } from './fault-fs'

// A test seam: a file-system port that calls `onStep` before every step core performs and waits for it, so a test can
// act exactly between two steps (kill the process, swap a link) instead of racing a loop against them. It lives here,
// not in src (STYLE: test seams in tests/support).

/** A step of the port: the fault-fs ops, plus `write-rest` between the two halves of one write (a file half written). */
export type FsStep = FsOp | 'write-rest'

/** Wraps a port so that `onStep(step, path)` runs (and is awaited) before each step; everything else is `base`. */
export function withSteps(base: FsPort, onStep: (step: FsStep, path: string) => void | Promise<void>): FsPort {
  const run = async <T>(step: FsStep, path: string, action: () => Promise<T>): Promise<T> => {
    await onStep(step, path)
    return action()
  }
  return {
    async open(path, flags, mode) {
      const handle = await run('open', path, () => base.open(path, flags, mode))
      return {
        fd: handle.fd,
        write: async (data) => {
          const half = data.byteLength >> 1
          await run('write', path, () => handle.write(data.subarray(0, half)))
          await run('write-rest', path, () => handle.write(data.subarray(half)))
        },
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

import fs from 'node:fs'
import { errnoCode } from '../core/errno'

// The command's output, written straight to its file descriptor. NOTE: process.stdout and process.stderr are made
// on first use, and making them loads Node's stream modules (and net for a pipe): 10-30 ms of a `folio search` that
// answers from its saved index in a few hundred ms. On POSIX a write to fd 1 or 2 is what Node does anyway for
// files, pipes and terminals (synchronously); on Windows a console needs Node's own stream (UTF-16 console
// writes), so the streams stay there.

/** Pauses this thread for about `ms` milliseconds (a pipe that is full and non-blocking). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/**
 * Writes `text` whole to `fd`, waiting while a non-blocking pipe is full; calls `onClosed` when the reader has gone
 * (EPIPE: `folio index site | head -1`). Other failures are thrown.
 */
export function writeAll(fd: number, text: string, onClosed: () => void): void {
  let bytes = Buffer.from(text)
  while (bytes.length > 0) {
    try {
      bytes = bytes.subarray(fs.writeSync(fd, bytes))
    } catch (error) {
      const code = errnoCode(error)
      if (code === 'EAGAIN') pause(1)
      else if (code === 'EPIPE') {
        onClosed()
        return
      } else throw error
    }
  }
}

/** Writers for the command's stdout and stderr (see the top of this module); `onClosed` as in writeAll. */
export function stdioWriters(onClosed: () => void): { stdout: (text: string) => void; stderr: (text: string) => void } {
  if (process.platform === 'win32') {
    for (const stream of [process.stdout, process.stderr]) {
      stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE') throw error
        onClosed()
      })
    }
    return { stdout: (text) => void process.stdout.write(text), stderr: (text) => void process.stderr.write(text) }
  }
  return { stdout: (text) => writeAll(1, text, onClosed), stderr: (text) => writeAll(2, text, onClosed) }
}

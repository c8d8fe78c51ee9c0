import fs from 'node:fs'
import path from 'node:path'
import type { CliIo } from './command'

// NOTE: its own module, so a command that needs only this (search) does not load the folder index with it. The
// stat is synchronous: node:fs/promises alone took a few ms of every command's start-up, for one stat.

/** Resolves a folder argument; null (after telling stderr) when it is not a readable folder. */
export function folderArg(command: string, arg: string, io: CliIo): Promise<string | null> {
  return Promise.resolve(folderArgSync(command, arg, io))
}

function folderArgSync(command: string, arg: string, io: CliIo): string | null {
  const abs = path.resolve(io.cwd, arg)
  try {
    if (fs.statSync(abs).isDirectory()) return abs
    io.stderr(`folio ${command}: ${arg} is not a folder\n`)
  } catch (error) {
    // NOTE: a missing folder is the caller's mistake; reported as a usage error.
    io.stderr(`folio ${command}: cannot read ${arg}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`)
  }
  return null
}

import { stat } from 'node:fs/promises'
import path from 'node:path'
import type { CliIo } from './command'

// NOTE: its own module, so a command that needs only this (search) does not load the folder index with it.

/** Resolves a folder argument; null (after telling stderr) when it is not a readable folder. */
export async function folderArg(command: string, arg: string, io: CliIo): Promise<string | null> {
  const abs = path.resolve(io.cwd, arg)
  try {
    if ((await stat(abs)).isDirectory()) return abs
    io.stderr(`folio ${command}: ${arg} is not a folder\n`)
  } catch (error) {
    // NOTE: a missing folder is the caller's mistake; reported as a usage error.
    io.stderr(`folio ${command}: cannot read ${arg}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`)
  }
  return null
}

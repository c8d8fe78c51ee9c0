import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { runCli } from '../../../src/cli/index'
import type { Trasher } from '../../../src/core/store/trasher'

/** What one `folio` run printed and returned. */
export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs `folio ...args` in `cwd`, capturing output. */
export async function folio(cwd: string, ...args: string[]): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) })
  return { code, stdout, stderr }
}

/** Runs `folio ...args` in `cwd` with `trasher` in place of the system trash (see tests/support/folder-trasher). */
export async function folioTrashingTo(trasher: Trasher, cwd: string, ...args: string[]): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { cwd, trasher, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) })
  return { code, stdout, stderr }
}

/** A fresh temp folder holding `files` (relative path → content). */
export function makeFolder(files: Record<string, string | Buffer>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-cli-'))
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    fs.writeFileSync(path.join(root, rel), content)
  }
  return root
}

/** A file's bytes and modification time, to prove nothing was written. */
export function snapshot(file: string): { bytes: Buffer; mtimeMs: number; ino: number } {
  const info = fs.statSync(file)
  return { bytes: fs.readFileSync(file), mtimeMs: info.mtimeMs, ino: info.ino }
}

import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { ok, type Result } from '@shared/result'
import { readFolderState, readSettings, type FolderState, type UserSettings } from '@shared/user-state'
import { writeFileAtomic } from '../atomic-write'
import { errnoCode, errnoToResult } from '../errno'

/**
 * The user's settings and each folder's restored state, as JSON files in the user's state folder (Electron
 * userData, or browser mode's state folder), never in a content folder. Folder files are named by a hash of the
 * folder's real path. Reads never fail on a damaged file: they fall back to defaults key by key.
 */
export class UserStateStore {
  constructor(readonly dir: string) {}

  /** The settings; defaults when none were saved or the file is damaged. */
  async settings(): Promise<Result<UserSettings>> {
    const read = await this.readJson(path.join(this.dir, 'settings.json'))
    return read.ok ? ok(readSettings(read.value)) : read
  }

  /** Saves the settings (normalised: unknown keys dropped, invalid values replaced by defaults). */
  saveSettings(settings: unknown): Promise<Result<void>> {
    return this.writeJson(path.join(this.dir, 'settings.json'), readSettings(settings))
  }

  /** The state of `folderRoot`; empty when the folder was never opened. */
  async folderState(folderRoot: string): Promise<Result<FolderState>> {
    const read = await this.readJson(this.folderFile(folderRoot))
    return read.ok ? ok(readFolderState(read.value)) : read
  }

  /** Saves the state of `folderRoot` (normalised as readFolderState does). */
  saveFolderState(folderRoot: string, state: unknown): Promise<Result<void>> {
    return this.writeJson(this.folderFile(folderRoot), { ...readFolderState(state), folder: folderRoot })
  }

  private folderFile(folderRoot: string): string {
    return path.join(this.dir, 'folders', `${createHash('sha256').update(folderRoot).digest('hex').slice(0, 32)}.json`)
  }

  private async readJson(file: string): Promise<Result<unknown>> {
    try {
      return ok(JSON.parse(await fs.readFile(file, 'utf8')) as unknown)
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return ok(null)
      // NOTE: a damaged file (bad JSON) falls back to defaults rather than keeping the app from starting.
      if (error instanceof SyntaxError) return ok(null)
      return errnoToResult(error, 'read the user state', file)
    }
  }

  private async writeJson(file: string, value: unknown): Promise<Result<void>> {
    try {
      await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 })
    } catch (error) {
      return errnoToResult(error, 'create the state folder', path.dirname(file))
    }
    return writeFileAtomic(file, Buffer.from(JSON.stringify(value, null, 2)))
  }
}

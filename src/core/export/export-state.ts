import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { ok, type Result } from '@shared/result'
import { writeFileAtomic } from '../atomic-write'
import { errnoCode, errnoToResult } from '../errno'

/** The file (inside the state folder) that records each content folder's last export. */
export const exportStateFileName = 'export-state.json'

/**
 * Where Folio keeps its own state outside any content folder: `$FOLIO_STATE_DIR` when set, else
 * `$XDG_STATE_HOME/folio` or `~/.local/state/folio` (Linux), `~/Library/Application Support/Folio` (macOS),
 * `%LOCALAPPDATA%\Folio` (Windows). The desktop app passes its userData folder instead.
 */
export function defaultStateDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (env.FOLIO_STATE_DIR) return env.FOLIO_STATE_DIR
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Folio')
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'Folio')
  return path.join(env.XDG_STATE_HOME ?? path.join(home, '.local', 'state'), 'folio')
}

interface StateFile {
  version: 1
  /** Real path of a content folder → ISO time of its last export. */
  lastExport: Record<string, string>
}

function parseState(text: string): StateFile {
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value === 'object' && value !== null && 'lastExport' in value && typeof value.lastExport === 'object' && value.lastExport !== null) {
      const entries = Object.entries(value.lastExport).filter((e): e is [string, string] => typeof e[1] === 'string')
      return { version: 1, lastExport: Object.fromEntries(entries) }
    }
  } catch (error) {
    // NOTE: a damaged state file only loses "since last export"; it is replaced on the next export.
    if (!(error instanceof SyntaxError)) throw error
  }
  return { version: 1, lastExport: {} }
}

/** Remembers, per content folder, when it was last exported (a small JSON file in the state folder). */
export class ExportStateStore {
  constructor(readonly dir: string = defaultStateDir()) {}

  private get file(): string {
    return path.join(this.dir, exportStateFileName)
  }

  private async read(): Promise<Result<StateFile>> {
    try {
      return ok(parseState(await fs.readFile(this.file, 'utf8')))
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return ok({ version: 1, lastExport: {} })
      return errnoToResult(error, 'read the export state', this.file)
    }
  }

  /** When `folder` was last exported; null when never (or the record is unreadable). */
  async lastExport(folder: string): Promise<Result<Date | null>> {
    const state = await this.read()
    if (!state.ok) return state
    const iso = state.value.lastExport[folder]
    const date = iso === undefined ? null : new Date(iso)
    return ok(date !== null && !Number.isNaN(date.getTime()) ? date : null)
  }

  /** Records an export of `folder` at `when`. */
  async record(folder: string, when: Date): Promise<Result<void>> {
    const state = await this.read()
    if (!state.ok) return state
    state.value.lastExport[folder] = when.toISOString()
    try {
      await fs.mkdir(this.dir, { recursive: true })
    } catch (error) {
      return errnoToResult(error, 'create the state folder', this.dir)
    }
    const written = await writeFileAtomic(this.file, Buffer.from(JSON.stringify(state.value, null, 2) + '\n'))
    return written.ok ? ok(undefined) : written
  }
}

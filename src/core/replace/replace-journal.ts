import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Result } from '@shared/result'
import type { ReplaceFileOutcome } from '@shared/replace/replace-types'
import { writeFileAtomic } from '../atomic-write'
import { errnoToResult } from '../errno'
import type { ReplaceJournal, ReplaceRecord } from './folder-replace'

/** The folder (inside the state folder) that holds the replace records. */
export const operationsFolderName = 'operations'

/**
 * Journals folder-wide replaces in the app's state folder (never in the content folder): before anything is written,
 * the record names every file with its text before and after; when the run ends its outcomes are added. A run cut
 * short (crash, kill) leaves a record without outcomes, from which each file can be checked and restored.
 */
export class ReplaceJournalStore {
  constructor(readonly dir: string) {}

  /** The journal of `folderRoot`'s replaces. */
  forFolder(folderRoot: string): ReplaceJournal {
    const folder = path.join(this.dir, operationsFolderName, createHash('sha256').update(folderRoot).digest('hex').slice(0, 32))
    const file = (id: string): string => path.join(folder, `replace-${id.replace(/[^a-z0-9-]/gi, '')}.json`)
    return {
      begin: async (record: ReplaceRecord): Promise<Result<void>> => {
        try {
          await fs.mkdir(folder, { recursive: true, mode: 0o700 })
        } catch (error) {
          return errnoToResult(error, 'create the operations journal folder', folder)
        }
        return writeFileAtomic(file(record.id), Buffer.from(JSON.stringify({ version: 1, folder: folderRoot, ...record, outcomes: null })))
      },
      finish: async (id: string, outcomes: readonly ReplaceFileOutcome[]): Promise<Result<void>> => {
        let record: unknown
        try {
          record = JSON.parse(await fs.readFile(file(id), 'utf8'))
        } catch (error) {
          return errnoToResult(error, 'read the operations journal', file(id))
        }
        return writeFileAtomic(file(id), Buffer.from(JSON.stringify({ ...(record as object), outcomes, finishedAt: new Date().toISOString() })))
      },
    }
  }
}

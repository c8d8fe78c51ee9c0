import type { JournalEntryStep, JournalWriteRequest } from '../api'
import { fail, ok, type Result } from '../result'

/** What a journal holds of one article that a write builds on: its text and which write made it. */
export interface StoredJournalText {
  text: string
  entry: JournalEntryStep | null
}

/**
 * The text and step a journal write leaves (the one rule of the store and every fake): a whole text as sent; a patch
 * applied to the stored text only when that is the entry's previous step, else CONFLICT (the writer sends the whole
 * text). NOTE: the check makes a lost, reordered or repeated patch harmless: it can never be applied to a text it was
 * not computed from, so the journal holds the writer's text of some moment, never a mix.
 */
export function journalTextAfter(stored: StoredJournalText | null, request: JournalWriteRequest): Result<StoredJournalText> {
  const entry = request.entry ?? null
  // NOTE: a whole text is always step 0: a patch whose range was lost on the way is refused, never kept as the text.
  if (request.patch === undefined) return entry === null || entry.step === 0 ? ok({ text: request.text, entry }) : fail('INVALID_ARGUMENT', 'A whole journal text starts its entry at step 0.')
  if (entry === null) return fail('INVALID_ARGUMENT', 'A journal patch needs its entry.')
  const { from, to } = request.patch
  if (stored === null || stored.entry === null || stored.entry.id !== entry.id || stored.entry.step !== entry.step - 1 || to > stored.text.length) {
    return fail('CONFLICT', 'The journal entry is not the one this change was made to; journal the whole text.')
  }
  return ok({ text: stored.text.slice(0, from) + request.text + stored.text.slice(to), entry })
}

import type { Session } from 'electron'

/**
 * Sets the session's spell-checker languages from the user's settings (`spellCheckLanguages`), keeping only those
 * Chromium has dictionaries for; an empty or wholly unknown list leaves the system's languages. Returns the
 * languages set. NOTE: macOS uses the system spell checker, which picks languages itself; Electron ignores the call there.
 */
export function applySpellCheckLanguages(session: Pick<Session, 'availableSpellCheckerLanguages' | 'setSpellCheckerLanguages'>, wanted: readonly string[], platform: NodeJS.Platform): string[] {
  if (platform === 'darwin') return []
  const available = new Map(session.availableSpellCheckerLanguages.map((tag) => [tag.toLowerCase(), tag]))
  const known = wanted.map((tag) => available.get(tag.toLowerCase()) ?? available.get(tag.toLowerCase().split('-')[0] ?? '')).filter((tag): tag is string => tag !== undefined)
  const unique = [...new Set(known)]
  if (unique.length > 0) session.setSpellCheckerLanguages(unique)
  return unique
}

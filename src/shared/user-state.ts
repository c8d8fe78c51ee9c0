/** Per-user preferences, kept in the user's state folder (Electron userData, or browser mode's state folder). */
export interface UserSettings {
  theme: 'system' | 'light' | 'dark'
  /** CSS font family of the editor's text; empty for the built-in one. */
  editorFont: string
  /** Pixels. */
  editorFontSize: number
  /** Characters a line may hold before the text column stops growing; 0 for the pane's full width. */
  lineWidth: number
  isWrapping: boolean
  autosave: 'off' | 'pause' | 'focus'
  /** BCP 47 tags the spell checker uses (desktop; the browser uses its own); empty for the system's languages. */
  spellCheckLanguages: string[]
  isSpellChecking: boolean
  /** Tab moves focus out of the editor instead of indenting (Ctrl/Cmd+M toggles it). */
  isTabMovingFocus: boolean
  /** The writer has seen the "Esc then Tab leaves the editor" hint. */
  hasSeenTabHint: boolean
}

/** The settings before a user changes any. */
export const defaultSettings: UserSettings = {
  theme: 'system',
  editorFont: '',
  editorFontSize: 15,
  lineWidth: 0,
  isWrapping: true,
  autosave: 'off',
  spellCheckLanguages: [],
  isSpellChecking: true,
  isTabMovingFocus: false,
  hasSeenTabHint: false,
}

/** What is restored when a folder is opened again: tabs, cursors, pane sizes, the list's order and filters. */
export interface FolderState {
  openPaths: string[]
  activePath: string | null
  /** Caret offset per open article. */
  cursors: Record<string, number>
  /** Pane sizes per layout id (percentages by panel id). */
  layouts: Record<string, Record<string, number>>
  sort: string | null
  filters: { text: string; tag: string | null; category: string | null; status: string | null; hasErrorsOnly: boolean } | null
  isOutlineOpen: boolean
}

/** A folder seen for the first time. */
export const emptyFolderState: FolderState = { openPaths: [], activePath: null, cursors: {}, layouts: {}, sort: null, filters: null, isOutlineOpen: false }

const maxText = 500
const maxList = 200

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isShortText = (v: unknown): v is string => typeof v === 'string' && v.length <= maxText
const isTextOrNull = (v: unknown): v is string | null => v === null || isShortText(v)
const isTextList = (v: unknown): v is string[] => Array.isArray(v) && v.length <= maxList && v.every(isShortText)
const isNumberIn = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max

/**
 * Settings from untrusted input (a file, a request): each known key that has a valid value, the default for the
 * rest; unknown keys are dropped. Never fails, so a damaged settings file falls back key by key.
 */
export function readSettings(value: unknown): UserSettings {
  const v = isRecord(value) ? value : {}
  const pick = <K extends keyof UserSettings>(key: K, isValid: (x: unknown) => boolean): UserSettings[K] => (isValid(v[key]) ? (v[key] as UserSettings[K]) : defaultSettings[key])
  return {
    theme: pick('theme', (x) => x === 'system' || x === 'light' || x === 'dark'),
    editorFont: pick('editorFont', (x) => isShortText(x) && !/[;{}<>]/.test(x)),
    editorFontSize: pick('editorFontSize', (x) => isNumberIn(x, 8, 40)),
    lineWidth: pick('lineWidth', (x) => isNumberIn(x, 0, 400)),
    isWrapping: pick('isWrapping', (x) => typeof x === 'boolean'),
    autosave: pick('autosave', (x) => x === 'off' || x === 'pause' || x === 'focus'),
    spellCheckLanguages: pick('spellCheckLanguages', (x) => isTextList(x) && x.every((t) => /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(t))),
    isSpellChecking: pick('isSpellChecking', (x) => typeof x === 'boolean'),
    isTabMovingFocus: pick('isTabMovingFocus', (x) => typeof x === 'boolean'),
    hasSeenTabHint: pick('hasSeenTabHint', (x) => typeof x === 'boolean'),
  }
}

/** A folder's state from untrusted input, key by key as readSettings does; paths are kept as given (they are only opened through the store). */
export function readFolderState(value: unknown): FolderState {
  const v = isRecord(value) ? value : {}
  const cursors: Record<string, number> = {}
  if (isRecord(v.cursors)) for (const [path, at] of Object.entries(v.cursors).slice(0, maxList)) if (isShortText(path) && isNumberIn(at, 0, 1e9)) cursors[path] = at
  const layouts: Record<string, Record<string, number>> = {}
  if (isRecord(v.layouts)) {
    for (const [id, sizes] of Object.entries(v.layouts).slice(0, 20)) {
      if (!isShortText(id) || !isRecord(sizes)) continue
      const entries = Object.entries(sizes).filter(([k, s]) => isShortText(k) && isNumberIn(s, 0, 100))
      layouts[id] = Object.fromEntries(entries.slice(0, 20)) as Record<string, number>
    }
  }
  const f = isRecord(v.filters) ? v.filters : null
  const filters =
    f !== null && isShortText(f.text) && isTextOrNull(f.tag) && isTextOrNull(f.category) && isTextOrNull(f.status) && typeof f.hasErrorsOnly === 'boolean'
      ? { text: f.text, tag: f.tag, category: f.category, status: f.status, hasErrorsOnly: f.hasErrorsOnly }
      : null
  return {
    openPaths: isTextList(v.openPaths) ? v.openPaths : [],
    activePath: isTextOrNull(v.activePath) ? v.activePath : null,
    cursors,
    layouts,
    sort: isTextOrNull(v.sort) ? v.sort : null,
    filters,
    isOutlineOpen: typeof v.isOutlineOpen === 'boolean' ? v.isOutlineOpen : false,
  }
}

import fs from 'node:fs/promises'
import path from 'node:path'
import { writeFileAtomic } from '../core/atomic-write'

/** A rectangle in screen coordinates (DIP). */
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** A window's remembered state: its normal (not maximized) bounds, how it was shown, and on which display. */
export interface WindowState {
  bounds: Rect
  isMaximized: boolean
  isFullScreen: boolean
  displayId: number | null
}

/** What placement needs of a display (Electron's screen.getAllDisplays() entries). */
export interface DisplayArea {
  id: number
  workArea: Rect
}

/** The size a window gets the first time (clamped to the display). */
export const defaultWindowSize = { width: 1400, height: 900 }

// NOTE: a window counts as visible when this much of its top strip (the title bar, to drag it by) lies on a display.
const minVisibleWidth = 100
const titleStrip = 40

function overlap(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x)
  const y = Math.max(a.y, b.y)
  const right = Math.min(a.x + a.width, b.x + b.width)
  const bottom = Math.min(a.y + a.height, b.y + b.height)
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null
}

function isReachableOn(bounds: Rect, area: Rect): boolean {
  const top = overlap({ ...bounds, height: Math.min(bounds.height, titleStrip) }, area)
  return top !== null && top.width >= Math.min(minVisibleWidth, bounds.width)
}

function clampInto(bounds: Rect, area: Rect): Rect {
  const width = Math.min(bounds.width, area.width)
  const height = Math.min(bounds.height, area.height)
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - width)
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - height)
  return { x, y, width, height }
}

function centred(size: { width: number; height: number }, area: Rect): Rect {
  const width = Math.min(size.width, area.width)
  const height = Math.min(size.height, area.height)
  return { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height }
}

/**
 * Where a window with `saved` state opens so that it is reachable: where it was when its title bar shows on a
 * display (its own, or another one now); else moved (and shrunk if needed) onto the display it overlaps most, or the primary one;
 * centred on the primary display when nothing was saved. Maximized and full-screen flags are kept.
 */
export function placeWindow(saved: WindowState | null, displays: readonly DisplayArea[], primary: DisplayArea): WindowState {
  if (saved === null) return { bounds: centred(defaultWindowSize, primary.workArea), isMaximized: false, isFullScreen: false, displayId: primary.id }
  const own = displays.find((display) => display.id === saved.displayId)
  // NOTE: a window whose title bar can be grabbed stays exactly where it was, even across two displays.
  if (own && isReachableOn(saved.bounds, own.workArea)) return saved
  const reachable = displays.find((display) => isReachableOn(saved.bounds, display.workArea))
  if (reachable) return { ...saved, displayId: reachable.id }
  // NOTE: the display it was on is gone (a laptop undocked): same size and offset within the primary work area where
  // they fit, so the window lands where the writer expects it rather than off screen.
  const target = own ?? primary
  return { ...saved, bounds: clampInto(saved.bounds, target.workArea), displayId: target.id }
}

function isRect(value: unknown): value is Rect {
  if (typeof value !== 'object' || value === null) return false
  const rect = value as Record<string, unknown>
  return ['x', 'y', 'width', 'height'].every((key) => typeof rect[key] === 'number' && Number.isFinite(rect[key]))
}

/** A stored entry checked field by field; null for anything damaged (the window then opens at the default place). */
export function readWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null
  const entry = value as Record<string, unknown>
  if (!isRect(entry.bounds) || entry.bounds.width < 200 || entry.bounds.height < 150) return null
  return {
    bounds: entry.bounds,
    isMaximized: entry.isMaximized === true,
    isFullScreen: entry.isFullScreen === true,
    displayId: typeof entry.displayId === 'number' ? entry.displayId : null,
  }
}

/** The key of the window's state when no folder is open (the welcome screen). */
export const noFolderKey = ''

/** The file, in userData, holding each folder's window state. */
export const windowStateFileName = 'window-state.json'

/**
 * Window state per content folder (by absolute root), in one JSON file in userData written atomically. Reads never
 * fail: a missing or damaged file means no saved state.
 */
export class WindowStateStore {
  private entries: Record<string, unknown> | null = null
  private writing: Promise<unknown> = Promise.resolve()

  constructor(private readonly dir: string) {}

  private async load(): Promise<Record<string, unknown>> {
    if (this.entries !== null) return this.entries
    try {
      const parsed: unknown = JSON.parse(await fs.readFile(path.join(this.dir, windowStateFileName), 'utf8'))
      this.entries = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {}
    } catch {
      this.entries = {} // NOTE: no file yet, or a damaged one: the window opens at its default place.
    }
    return this.entries
  }

  /** The saved state of `folder` (noFolderKey for none), or of the last window when the folder has none. */
  async get(folder: string): Promise<WindowState | null> {
    const entries = await this.load()
    return readWindowState(entries[folder]) ?? readWindowState(entries[noFolderKey])
  }

  /** The state saved for `folder` itself, or null (no fallback to the last window). */
  async getOwn(folder: string): Promise<WindowState | null> {
    return readWindowState((await this.load())[folder])
  }

  /** Remembers `state` for `folder` and as the last window's; writes are serialised. */
  async set(folder: string, state: WindowState): Promise<void> {
    const entries = await this.load()
    entries[folder] = state
    entries[noFolderKey] = state
    const data = new TextEncoder().encode(JSON.stringify(entries, null, 2))
    this.writing = this.writing.then(async () => {
      await fs.mkdir(this.dir, { recursive: true })
      const written = await writeFileAtomic(path.join(this.dir, windowStateFileName), data)
      if (!written.ok) console.warn(`Folio could not save the window's place: ${written.error.message}`)
    })
    await this.writing
  }
}

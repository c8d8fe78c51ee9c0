import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { placeWindow, WindowStateStore, windowStateFileName, type DisplayArea, type WindowState } from '../../../src/main/window-state'

const laptop: DisplayArea = { id: 1, workArea: { x: 0, y: 25, width: 1440, height: 875 } }
const monitor: DisplayArea = { id: 2, workArea: { x: 1440, y: 0, width: 2560, height: 1400 } }
const saved = (bounds: WindowState['bounds'], displayId: number | null, extra: Partial<WindowState> = {}): WindowState => ({ bounds, isMaximized: false, isFullScreen: false, displayId, ...extra })

describe('window placement', () => {
  it('centres a first window on the primary display, no larger than its work area', () => {
    expect(placeWindow(null, [laptop], laptop)).toEqual({ bounds: { x: 20, y: 25, width: 1400, height: 875 }, isMaximized: false, isFullScreen: false, displayId: 1 })
  })

  it('restores bounds and flags on the display they were on', () => {
    const state = saved({ x: 1600, y: 100, width: 1800, height: 1000 }, 2, { isMaximized: true })
    expect(placeWindow(state, [laptop, monitor], laptop)).toEqual(state)
  })

  it('moves a window whose display is gone onto a visible one, shrunk to fit, keeping maximized/full screen', () => {
    const state = saved({ x: 1600, y: 100, width: 1800, height: 1000 }, 2, { isFullScreen: true })
    const placed = placeWindow(state, [laptop], laptop)
    expect(placed).toEqual({ bounds: { x: 0, y: 25, width: 1440, height: 875 }, isMaximized: false, isFullScreen: true, displayId: 1 })
  })

  it('pulls back a window whose title bar is off screen (display still there, window dragged away)', () => {
    const placed = placeWindow(saved({ x: 100, y: -600, width: 800, height: 600 }, 1), [laptop, monitor], laptop)
    expect(placed.bounds).toEqual({ x: 100, y: 25, width: 800, height: 600 })
    const farRight = placeWindow(saved({ x: 5000, y: 100, width: 800, height: 600 }, 2), [laptop, monitor], laptop)
    expect(farRight.bounds).toEqual({ x: 3200, y: 100, width: 800, height: 600 })
    const movedDisplay = placeWindow(saved({ x: 1600, y: 100, width: 800, height: 600 }, 7), [laptop, monitor], laptop)
    expect(movedDisplay).toMatchObject({ bounds: { x: 1600, y: 100 }, displayId: 2 })
  })

  it('keeps a window that only partly shows but whose title bar can be grabbed', () => {
    const state = saved({ x: 1300, y: 200, width: 800, height: 600 }, 1)
    expect(placeWindow(state, [laptop], laptop)).toEqual(state)
    expect(placeWindow(state, [laptop, monitor], laptop)).toEqual(state)
  })
})

describe('window state store', () => {
  const dirs: string[] = []
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))))

  it('keeps a state per folder, falls back to the last window, and survives a damaged file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-winstate-'))
    dirs.push(dir)
    const store = new WindowStateStore(dir)
    const a = saved({ x: 10, y: 30, width: 900, height: 700 }, 1)
    const b = saved({ x: 1500, y: 10, width: 1000, height: 800 }, 2, { isMaximized: true })
    await store.set('/sites/a', a)
    await store.set('C:\\Sites\\b', b)
    const again = new WindowStateStore(dir)
    expect(await again.get('/sites/a')).toEqual(a)
    expect(await again.get('C:\\Sites\\b')).toEqual(b)
    expect(await again.get('/never/opened')).toEqual(b)
    expect(await again.getOwn('/never/opened')).toBeNull()
    expect(JSON.parse(await readFile(path.join(dir, windowStateFileName), 'utf8'))).toHaveProperty(['/sites/a'])
    await writeFile(path.join(dir, windowStateFileName), '{"/sites/a": {"bounds": {"x": "1"}}, ')
    expect(await new WindowStateStore(dir).get('/sites/a')).toBeNull()
    await writeFile(path.join(dir, windowStateFileName), JSON.stringify({ '/x': { bounds: { x: 0, y: 0, width: 10, height: 10 } } }))
    expect(await new WindowStateStore(dir).get('/x')).toBeNull()
  })
})

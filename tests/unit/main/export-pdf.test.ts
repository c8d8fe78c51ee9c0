import { beforeEach, describe, expect, it, vi } from 'vitest'

// A fake `electron`: records the PDF window's options and the request filter of each session, and lets the window
// "load" a document that asks for other resources, so the test sees which requests the renderer lets through.
// NOTE: no contract suite: the real implementation is Electron's BrowserWindow and session, which cannot run here
// (see tests/support/fake-electron.ts).
type Listener = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void
const fake = vi.hoisted(() => {
  const state = {
    filters: new Map<string, Listener>(),
    windows: [] as { options: unknown; loaded: string | null; destroyed: boolean }[],
    decisions: new Map<string, boolean>(),
    asked: [] as string[],
  }
  class BrowserWindow {
    private readonly record: { options: unknown; loaded: string | null; destroyed: boolean }
    readonly webContents = { printToPDF: () => Promise.resolve(Buffer.from('%PDF-1.7 fake')) }
    constructor(options: { webPreferences?: { partition?: string } }) {
      this.record = { options, loaded: null, destroyed: false }
      state.windows.push(this.record)
      this.partition = options.webPreferences?.partition ?? ''
    }
    private readonly partition: string
    loadURL(url: string): Promise<void> {
      this.record.loaded = url
      const filter = state.filters.get(this.partition)
      for (const request of [url, ...state.asked]) {
        if (filter === undefined) state.decisions.set(request, true)
        else filter({ url: request }, (response) => state.decisions.set(request, !response.cancel))
      }
      return Promise.resolve()
    }
    destroy(): void {
      this.record.destroyed = true
    }
  }
  const session = {
    fromPartition: (partition: string) => ({ webRequest: { onBeforeRequest: (listener: Listener) => state.filters.set(partition, listener) } }),
  }
  return { state, electron: { BrowserWindow, session } }
})
vi.mock('electron', () => fake.electron)

// NOTE: test files share one module graph (isolate: false); fresh modules make export-pdf see this file's electron.
vi.resetModules()
const { createElectronPdfRenderer, pdfPartition } = await import('../../../src/main/export-pdf')

beforeEach(() => {
  fake.state.filters.clear()
  fake.state.windows.length = 0
  fake.state.decisions.clear()
})

describe('Electron PDF renderer', () => {
  it('prints in its own session, which lets only the document and data: URLs load', async () => {
    fake.state.asked = ['file:///etc/passwd', 'file:///home/me/photo.jpg', 'https://evil.example/pixel.gif', 'data:image/png;base64,iVBORw0KGgo=']
    const renderer = createElectronPdfRenderer()
    const printed = await renderer.render('<!DOCTYPE html><img src="file:///etc/passwd">', { pageSize: 'A4', marginMm: 18 })
    expect(printed.ok).toBe(true)
    expect([...fake.state.filters.keys()]).toEqual([pdfPartition])
    const [window] = fake.state.windows
    expect(window?.options).toMatchObject({ show: false, webPreferences: { partition: pdfPartition, javascript: false, sandbox: true, nodeIntegration: false } })
    expect(window?.destroyed).toBe(true)
    const documentUrl = window?.loaded ?? ''
    expect(documentUrl).toMatch(/^file:\/\/.*export\.html$/)
    expect(Object.fromEntries(fake.state.decisions)).toEqual({
      [documentUrl]: true,
      'file:///etc/passwd': false,
      'file:///home/me/photo.jpg': false,
      'https://evil.example/pixel.gif': false,
      'data:image/png;base64,iVBORw0KGgo=': true,
    })
  })

  it('refuses a finished document once its print is done', async () => {
    fake.state.asked = []
    const renderer = createElectronPdfRenderer()
    await renderer.render('<p>one</p>', { pageSize: 'A4', marginMm: 18 })
    const earlier = fake.state.windows[0]?.loaded ?? ''
    let allowed: boolean | null = null
    fake.state.filters.get(pdfPartition)?.({ url: earlier }, (response) => (allowed = !response.cancel))
    expect(allowed).toBe(false)
  })
})

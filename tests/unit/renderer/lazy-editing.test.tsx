import './dom-shims'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { Component, lazy, type ReactNode } from 'react'
import { LazyBoundary } from '@renderer/components/LazyBoundary'
import { CodeLoadError } from '@renderer/components/lazy-dialogs'
import { defaultFiles, editorView, renderApp } from './render-app'
import { helloText } from './fixtures'

/** Holds back the idle moment the app waits for before it preloads the editing code; `arrive()` lets it come. */
function holdIdle(): { arrive: () => void } {
  const tasks: (() => void)[] = []
  vi.stubGlobal('requestIdleCallback', (task: () => void) => tasks.push(task))
  vi.stubGlobal('cancelIdleCallback', () => undefined)
  return { arrive: () => act(() => tasks.splice(0).forEach((task) => task())) }
}

describe('lazily loaded editing code', () => {
  beforeEach(() => localStorage.clear())
  afterEach(() => {
    // NOTE: unmounted first: the workbench cancels its idle callback on unmount.
    cleanup()
    vi.unstubAllGlobals()
  })

  it('shows the list without the editor, then preloads the editor when the browser is idle', async () => {
    const idle = holdIdle()
    renderApp()
    await screen.findByRole('listbox', { name: 'Articles' })
    expect(screen.getByText('Select an article to start writing.')).toBeTruthy()
    expect(screen.queryByRole('form', { name: 'Front matter' })).toBeNull()
    idle.arrive()
    expect(await screen.findByRole('form', { name: 'Front matter' })).toBeTruthy()
  })

  it('opens an article clicked before the editing code has loaded, saying that it is loading', async () => {
    holdIdle()
    renderApp()
    const list = await screen.findByRole('listbox', { name: 'Articles' })
    fireEvent.click(within(list).getByRole('option', { name: 'Hello world' }))
    expect(screen.getByText('Loading the editor…').getAttribute('role')).toBe('status')
    await waitFor(() => expect(editorView().state.doc.toString()).toBe(helloText))
  })

  it('lets the window close at once when asked before the editing code has loaded (nothing can be unsaved)', async () => {
    holdIdle()
    const { api } = renderApp(defaultFiles())
    await screen.findByRole('listbox', { name: 'Articles' })
    act(() => api.emit({ kind: 'close-requested' }))
    await waitFor(() => expect(api.closeConfirmations).toBe(1))
  })
})

class Catch extends Component<{ children: ReactNode }, { message: string | null }> {
  override state = { message: null as string | null }
  static getDerivedStateFromError(error: unknown) {
    return { message: error instanceof Error ? error.message : String(error) }
  }
  override render() {
    return this.state.message === null ? this.props.children : <p>outer: {this.state.message}</p>
  }
}

describe('LazyBoundary', () => {
  it('shows a status while the code loads and an alert when its download failed', async () => {
    let fail: (error: Error) => void = () => undefined
    const Part = lazy(() => new Promise<{ default: () => ReactNode }>((_, reject) => (fail = reject)))
    render(
      <LazyBoundary what="the Export dialog">
        <Part />
      </LazyBoundary>,
    )
    expect(screen.getByRole('status').textContent).toBe('Loading the Export dialog…')
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    fail(new CodeLoadError('404 Not Found'))
    expect((await screen.findByRole('alert')).textContent).toBe('Could not load the Export dialog (404 Not Found). Reload the page to try again.')
    vi.restoreAllMocks()
  })

  it('lets any other error through', async () => {
    const Part = lazy(() => Promise.reject(new Error('a bug')))
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    render(
      <Catch>
        <LazyBoundary what="the editor">
          <Part />
        </LazyBoundary>
      </Catch>,
    )
    expect((await screen.findByText(/outer:/)).textContent).toBe('outer: a bug')
    vi.restoreAllMocks()
  })
})

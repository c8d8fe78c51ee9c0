import { act, renderHook } from '@testing-library/react'
import { titleTypingDelayMs, useDocumentTitle } from '../../../../src/renderer/hooks/use-document-title'

// The window title follows the article's title, but setting it on every keystroke of the title cost milliseconds a
// key: while the same article stays dirty a new title waits for typing to pause; the dirty mark never waits.

type Props = { title: string | null; isDirty: boolean; path: string | null }

function render(initial: Props) {
  return renderHook((props: Props) => useDocumentTitle(props.title, props.isDirty, props.path), { initialProps: initial })
}

beforeEach(() => {
  vi.useFakeTimers()
  document.title = ''
})
afterEach(() => {
  vi.useRealTimers()
})

describe('useDocumentTitle', () => {
  it('shows the title at once, and "Folio" with nothing open', () => {
    const { rerender } = render({ title: null, isDirty: false, path: null })
    expect(document.title).toBe('Folio')
    rerender({ title: 'Hello', isDirty: false, path: 'posts/hello.md' })
    expect(document.title).toBe('Hello — Folio')
  })

  it('shows the dirty mark with the first edit, at once', () => {
    const { rerender } = render({ title: 'Hello', isDirty: false, path: 'posts/hello.md' })
    rerender({ title: 'Hello!', isDirty: true, path: 'posts/hello.md' })
    expect(document.title).toBe('• Hello! — Folio')
  })

  it('waits for typing in the title to pause, then shows the last title once', () => {
    const { rerender } = render({ title: 'H', isDirty: true, path: 'posts/hello.md' })
    const set = vi.spyOn(document, 'title', 'set')
    for (const typed of ['He', 'Hel', 'Hell', 'Hello']) {
      rerender({ title: typed, isDirty: true, path: 'posts/hello.md' })
      act(() => {
        vi.advanceTimersByTime(titleTypingDelayMs - 1)
      })
    }
    expect(set).not.toHaveBeenCalled()
    expect(document.title).toBe('• H — Folio')
    act(() => {
      vi.advanceTimersByTime(1)
    })
    expect(set).toHaveBeenCalledTimes(1)
    expect(document.title).toBe('• Hello — Folio')
    set.mockRestore()
  })

  it('drops the mark at once on a save, with the latest title, and nothing is set late', () => {
    const { rerender } = render({ title: 'Hello', isDirty: true, path: 'posts/hello.md' })
    rerender({ title: 'Hello world', isDirty: true, path: 'posts/hello.md' })
    rerender({ title: 'Hello world', isDirty: false, path: 'posts/hello.md' })
    expect(document.title).toBe('Hello world — Folio')
    act(() => {
      vi.advanceTimersByTime(titleTypingDelayMs * 2)
    })
    expect(document.title).toBe('Hello world — Folio')
  })

  it('shows another article\'s title at once, even when both are dirty', () => {
    const { rerender } = render({ title: 'Hello', isDirty: true, path: 'posts/hello.md' })
    rerender({ title: 'Other', isDirty: true, path: 'posts/other.md' })
    expect(document.title).toBe('• Other — Folio')
  })

  it('sets nothing after unmounting', () => {
    const { rerender, unmount } = render({ title: 'Hello', isDirty: true, path: 'posts/hello.md' })
    rerender({ title: 'Hello again', isDirty: true, path: 'posts/hello.md' })
    unmount()
    act(() => {
      vi.advanceTimersByTime(titleTypingDelayMs * 2)
    })
    expect(document.title).toBe('• Hello — Folio')
  })
})

import { act, render } from '@testing-library/react'
import type { FolioApi } from '@shared/api'
import type { FolderSchema } from '@shared/front-matter/schema-types'
import { ok } from '@shared/result'
import { useFolderSchema } from '@renderer/components/front-matter/use-folder-schema'

const schema: FolderSchema = { articleCount: 2, fields: [], sources: [], problems: [], siteTimeZone: null }

function Probe({ api, onSaved, epoch, seen }: { api: FolioApi; onSaved: (l: () => void) => () => void; epoch: unknown; seen: (s: FolderSchema | null) => void }) {
  seen(useFolderSchema(api, onSaved, epoch))
  return null
}

describe('useFolderSchema', () => {
  it('fetches on mount, after saves (once per burst) and when the epoch changes', async () => {
    vi.useFakeTimers()
    const getFolderSchema = vi.fn(() => Promise.resolve(ok(schema)))
    // NOTE: a one-method stub (the hook calls nothing else); its answer is a FolderSchema as the real handler builds
    // (tests/unit/core/schema/folder-schema.test.ts). FakeApi does not fake the schema.
    const api = { getFolderSchema } as unknown as FolioApi
    const listeners = new Set<() => void>()
    const onSaved = (l: () => void) => {
      listeners.add(l)
      return () => listeners.delete(l)
    }
    const seen: (FolderSchema | null)[] = []
    const view = render(<Probe api={api} onSaved={onSaved} epoch={1} seen={(s) => seen.push(s)} />)
    await act(() => Promise.resolve())
    expect(seen.at(-1)).toEqual(schema)
    expect(getFolderSchema).toHaveBeenCalledTimes(1)
    act(() => listeners.forEach((l) => (l(), l())))
    await act(() => vi.advanceTimersByTimeAsync(600))
    expect(getFolderSchema).toHaveBeenCalledTimes(2)
    view.rerender(<Probe api={api} onSaved={onSaved} epoch={2} seen={(s) => seen.push(s)} />)
    await act(() => Promise.resolve())
    expect(getFolderSchema).toHaveBeenCalledTimes(3)
    view.unmount()
    expect(listeners.size).toBe(0)
    vi.useRealTimers()
  })
})

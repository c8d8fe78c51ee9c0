import '../dom-shims'
import { createWorkspace } from '@renderer/workspace'
import { autosavePauseMs } from '@renderer/session/autosave'
import { FakeApi, versionOf } from '../fake-api'
import { helloText, otherText } from '../fixtures'

function setup(files: Record<string, string> = { 'a.md': helloText, 'b.md': otherText }) {
  const api = new FakeApi(files)
  const { editor, session } = createWorkspace(api)
  session.start()
  return { api, editor, session }
}

const typeAt0 = (editor: ReturnType<typeof setup>['editor'], text: string): void => editor.view.dispatch({ changes: { from: 0, insert: text } })

describe('EditingSession tabs', () => {
  it('keeps open articles as tabs in order and closes one, showing its neighbour', async () => {
    const { editor, session } = setup()
    await session.open('a.md')
    await session.open('b.md')
    await session.open('a.md')
    expect(session.getSnapshot().openPaths).toEqual(['a.md', 'b.md'])
    typeAt0(editor, 'x')
    session.close('a.md')
    await vi.waitFor(() => expect(session.getSnapshot().activePath).toBe('b.md'))
    expect(session.getSnapshot().openPaths).toEqual(['b.md'])
    expect(session.getSnapshot().dirtyPaths.size).toBe(0)
    expect(editor.has('a.md')).toBe(false)
    session.close('b.md')
    expect(session.getSnapshot()).toMatchObject({ activePath: null, openPaths: [] })
    expect(editor.activePath).toBeNull()
  })

  it('Save All saves every dirty tab; Revert drops the edits of the active one', async () => {
    const { api, editor, session } = setup()
    await session.open('a.md')
    typeAt0(editor, 'A')
    await session.open('b.md')
    typeAt0(editor, 'B')
    await session.saveAll()
    expect(api.files.get('a.md')).toBe(`A${helloText}`)
    expect(api.files.get('b.md')).toBe(`B${otherText}`)
    expect(session.getSnapshot().dirtyPaths.size).toBe(0)
    typeAt0(editor, 'again ')
    await session.revert()
    expect(editor.textOf('b.md')).toBe(`B${otherText}`)
    expect(session.getSnapshot().isDirty).toBe(false)
  })

  it('a failed save names the file and cause, keeps the edit, and Retry saves it', async () => {
    const { api, editor, session } = setup()
    await session.open('a.md')
    typeAt0(editor, 'kept ')
    api.failNextWrite = { code: 'NO_SPACE', message: 'the disk is full' }
    await session.save()
    expect(session.getSnapshot().error).toMatchObject({ code: 'NO_SPACE', path: 'a.md', action: 'save' })
    expect(api.files.get('a.md')).toBe(helloText)
    expect(editor.textOf('a.md')).toBe(`kept ${helloText}`)
    await session.retry()
    expect(api.files.get('a.md')).toBe(`kept ${helloText}`)
    expect(session.getSnapshot().error).toBeNull()
  })

  it('follows a rename outside Folio, keeping unsaved text; Save writes to the new name', async () => {
    const { api, editor, session } = setup()
    await session.open('a.md')
    typeAt0(editor, 'mine ')
    api.files.set('moved/a.md', helloText)
    api.files.delete('a.md')
    session.handleFolderEvent({ kind: 'article-renamed', from: 'a.md', to: 'moved/a.md' })
    expect(session.getSnapshot()).toMatchObject({ activePath: 'moved/a.md', openPaths: ['moved/a.md'] })
    expect([...session.getSnapshot().dirtyPaths]).toEqual(['moved/a.md'])
    expect(session.getSnapshot().renamedPaths.get('moved/a.md')).toBe('a.md')
    await session.save()
    expect(api.files.get('moved/a.md')).toBe(`mine ${helloText}`)
    expect(api.files.has('a.md')).toBe(false)
  })
})

describe('EditingSession conflicts', () => {
  const conflicted = async (theirs: string) => {
    const ctx = setup()
    await ctx.session.open('a.md')
    ctx.editor.view.dispatch({ changes: { from: ctx.editor.textOf('a.md')?.indexOf('Some') ?? 0, insert: 'Mine. ' } })
    ctx.api.changeOnDisk('a.md', theirs)
    ctx.session.handleFolderEvent({ kind: 'article-changed', path: 'a.md', version: versionOf(theirs) })
    await vi.waitFor(() => expect(ctx.session.getSnapshot().conflict?.path).toBe('a.md'))
    return ctx
  }

  it('reads the disk side and merges edits of different lines, leaving the result unsaved on the disk version', async () => {
    const theirs = helloText.replace('count: 3', 'count: 9')
    const { api, editor, session } = await conflicted(theirs)
    expect(session.getSnapshot().conflict).toMatchObject({ theirs, isMergeable: true, base: helloText })
    expect(api.writes).toHaveLength(0)
    session.mergeConflict()
    expect(editor.textOf('a.md')).toBe(theirs.replace('Some', 'Mine. Some'))
    expect(session.getSnapshot()).toMatchObject({ conflictPath: null, isDirty: true })
    await session.save()
    expect(api.files.get('a.md')).toBe(theirs.replace('Some', 'Mine. Some'))
  })

  it('offers no merge when both changed the same line', async () => {
    const { session } = await conflicted(helloText.replace('Some *text*.', 'Their text.'))
    expect(session.getSnapshot().conflict?.isMergeable).toBe(false)
  })
})

describe('EditingSession journal and recovery', () => {
  it('journals unsaved text within a second of typing and clears it after a save', async () => {
    const { api, editor, session } = setup()
    await session.open('a.md')
    typeAt0(editor, 'typed ')
    await vi.waitFor(() => expect(api.journal.get('a.md')).toMatchObject({ text: `typed ${helloText}`, baseVersion: versionOf(helloText) }), { timeout: 1000 })
    await session.save()
    await vi.waitFor(() => expect(api.journal.has('a.md')).toBe(false), { timeout: 1000 })
  })

  it('offers journaled edits that differ from the disk, restores one as unsaved text and discards another', async () => {
    const { api, editor, session } = setup()
    const at = new Date().toISOString()
    api.journal.set('a.md', { path: 'a.md', text: `restored ${helloText}`, baseVersion: versionOf(helloText), updatedAt: at })
    api.journal.set('b.md', { path: 'b.md', text: `lost ${otherText}`, baseVersion: versionOf(otherText), updatedAt: at })
    api.journal.set('same.md', { path: 'b.md', text: otherText, baseVersion: null, updatedAt: at })
    await session.recovery.load()
    expect(session.recovery.getSnapshot().items.map((i) => [i.path, i.disk])).toEqual([
      ['a.md', helloText],
      ['b.md', otherText],
    ])
    await session.recovery.restore('a.md')
    expect(editor.textOf('a.md')).toBe(`restored ${helloText}`)
    expect(session.getSnapshot()).toMatchObject({ activePath: 'a.md', isDirty: true })
    await session.recovery.discard('b.md')
    expect(api.journal.has('b.md')).toBe(false)
    expect(session.recovery.getSnapshot().items).toEqual([])
    expect(api.writes).toHaveLength(0)
  })
})

describe('EditingSession autosave', () => {
  it('is off by default; after a pause it saves through the same checked path, never over a conflict', async () => {
    // NOTE: fake timers: the pause is skipped over, and "nothing was saved" holds once the pause has surely passed.
    vi.useFakeTimers()
    try {
      const { api, editor, session } = setup()
      await session.open('a.md')
      typeAt0(editor, 'x')
      await vi.advanceTimersByTimeAsync(autosavePauseMs * 2)
      expect(api.writes).toHaveLength(0)
      session.setAutosave('pause')
      typeAt0(editor, 'y')
      await vi.advanceTimersByTimeAsync(autosavePauseMs - 100)
      expect(api.writes).toHaveLength(0)
      await vi.advanceTimersByTimeAsync(200)
      await vi.waitFor(() => expect(api.files.get('a.md')).toBe(`yx${helloText}`))
      expect(api.writes[0]?.baseVersion).toEqual(versionOf(helloText))
      api.changeOnDisk('a.md', 'theirs\n')
      typeAt0(editor, 'z')
      session.handleFolderEvent({ kind: 'article-changed', path: 'a.md', version: versionOf('theirs\n') })
      await vi.advanceTimersByTimeAsync(autosavePauseMs * 2)
      expect(api.writes).toHaveLength(1)
      expect(api.files.get('a.md')).toBe('theirs\n')
    } finally {
      vi.useRealTimers()
    }
  })

  it('on focus change saves dirty documents when chosen', async () => {
    const { api, editor, session } = setup()
    await session.open('a.md')
    typeAt0(editor, 'f')
    session.handleFocusChange()
    expect(api.writes).toHaveLength(0)
    session.setAutosave('focus')
    session.handleFocusChange()
    await vi.waitFor(() => expect(api.files.get('a.md')).toBe(`f${helloText}`))
  })
})

describe('EditingSession window close (desktop)', () => {
  it('lets a clean window close at once and asks when work is unsaved', async () => {
    const { api, editor, session } = setup()
    session.handleFolderEvent({ kind: 'close-requested' })
    await vi.waitFor(() => expect(api.closeConfirmations).toBe(1))
    await session.open('a.md')
    typeAt0(editor, 'unsaved ')
    session.handleFolderEvent({ kind: 'close-requested' })
    expect(session.getSnapshot().isCloseRequested).toBe(true)
    session.cancelClose()
    expect(api.closeConfirmations).toBe(1)
    session.handleFolderEvent({ kind: 'close-requested' })
    await session.saveAllAndClose()
    expect(api.files.get('a.md')).toBe(`unsaved ${helloText}`)
    expect(api.closeConfirmations).toBe(2)
  })

  it('says when the question is about opening another folder, not closing the window', async () => {
    const { editor, session } = setup()
    await session.open('a.md')
    typeAt0(editor, 'unsaved ')
    session.handleFolderEvent({ kind: 'close-requested', reason: 'open-folder' })
    expect(session.getSnapshot()).toMatchObject({ isCloseRequested: true, isOpeningFolder: true })
    session.cancelClose()
    session.handleFolderEvent({ kind: 'close-requested' })
    expect(session.getSnapshot()).toMatchObject({ isCloseRequested: true, isOpeningFolder: false })
  })

  it('does not close when saving fails', async () => {
    const { api, editor, session } = setup()
    await session.open('a.md')
    typeAt0(editor, 'x')
    api.failNextWrite = { code: 'PERMISSION', message: 'denied' }
    session.handleFolderEvent({ kind: 'close-requested' })
    await session.saveAllAndClose()
    expect(api.closeConfirmations).toBe(0)
    expect(session.getSnapshot().error).toMatchObject({ code: 'PERMISSION', path: 'a.md' })
  })
})

describe('EditingSession recovery of a deleted file', () => {
  it('restores journaled text of a file gone from disk as missing; Save writes it back', async () => {
    const { api, editor, session } = setup()
    api.journal.set('gone.md', { path: 'gone.md', text: 'only in the journal\n', baseVersion: versionOf('old\n'), updatedAt: new Date().toISOString() })
    await session.recovery.load()
    expect(session.recovery.getSnapshot().items).toMatchObject([{ path: 'gone.md', disk: null }])
    await session.recovery.restore('gone.md')
    expect(editor.textOf('gone.md')).toBe('only in the journal\n')
    expect(session.getSnapshot()).toMatchObject({ activePath: 'gone.md', isDirty: true })
    expect([...session.getSnapshot().missingPaths]).toEqual(['gone.md'])
    await session.save()
    expect(api.files.get('gone.md')).toBe('only in the journal\n')
    expect(session.getSnapshot().missingPaths.size).toBe(0)
  })
})

describe('EditingSession recovery while editing', () => {
  it('does not offer the live journal entry of a document open in this window', async () => {
    const { api, editor, session } = setup()
    await session.open('a.md')
    typeAt0(editor, 'live ')
    await session.journal.flush('a.md')
    expect(api.journal.has('a.md')).toBe(true)
    await session.recovery.load()
    expect(session.recovery.getSnapshot().items).toEqual([])
  })
})

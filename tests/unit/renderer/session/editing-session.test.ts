import '../dom-shims'
import { createWorkspace } from '@renderer/workspace'
import { FakeApi, versionOf } from '../fake-api'
import { helloText, otherText } from '../fixtures'

function setup(files: Record<string, string> = { 'a.md': helloText, 'b.md': otherText }) {
  const api = new FakeApi(files)
  const { editor, session } = createWorkspace(api)
  session.start()
  return { api, editor, session }
}

describe('EditingSession', () => {
  it('opens a file, tracks dirty state and the front matter, and saves with the base version', async () => {
    const { api, editor, session } = setup()
    await session.open('a.md')
    expect(session.getSnapshot()).toMatchObject({ activePath: 'a.md', isDirty: false, status: 'idle', error: null })
    expect(session.getSnapshot().frontMatter?.data.title).toBe('Hello world')
    editor.view.dispatch({ changes: { from: 0, insert: '\n' } })
    expect(session.getSnapshot().isDirty).toBe(true)
    expect([...session.getSnapshot().dirtyPaths]).toEqual(['a.md'])
    await session.save()
    expect(api.writes[0]).toMatchObject({ path: 'a.md', text: `\n${helloText}`, baseVersion: versionOf(helloText) })
    expect(session.getSnapshot().isDirty).toBe(false)
  })

  it('keeps the latest of two quick opens, whichever read finishes last', async () => {
    const { api, editor, session } = setup()
    const read = api.readArticle
    let releaseFirst = () => {}
    api.readArticle = (path) => (path === 'a.md' ? new Promise((resolve) => (releaseFirst = () => resolve(read(path)))) : read(path))
    const first = session.open('a.md')
    await session.open('b.md')
    releaseFirst()
    await first
    expect(editor.activePath).toBe('b.md')
    expect(session.getSnapshot().activePath).toBe('b.md')
  })

  it('reports a missing file as an open error with its path', async () => {
    const { session } = setup()
    await session.open('gone.md')
    expect(session.getSnapshot().error).toMatchObject({ code: 'NOT_FOUND', path: 'gone.md', action: 'open' })
    expect(session.getSnapshot().activePath).toBeNull()
  })

  it('ignores the echo of its own save and reloads a clean file changed elsewhere', async () => {
    const { api, editor, session } = setup()
    await session.open('a.md')
    session.handleFolderEvent({ kind: 'article-changed', path: 'a.md', version: versionOf(helloText) })
    expect(editor.textOf('a.md')).toBe(helloText)
    api.files.set('a.md', 'new text\n')
    session.handleFolderEvent({ kind: 'article-changed', path: 'a.md', version: versionOf('new text\n') })
    await vi.waitFor(() => expect(editor.textOf('a.md')).toBe('new text\n'))
    expect(session.getSnapshot()).toMatchObject({ isDirty: false, conflictPath: null })
  })

  it('refuses to save a read-only document and says why', async () => {
    const { api, session } = setup({ 'x.ro.md': 'locked\n' })
    await session.open('x.ro.md')
    expect(session.getSnapshot().readOnlyReason).toBe('invalid UTF-8')
    await session.save()
    expect(api.writes).toHaveLength(0)
    expect(session.getSnapshot().error).toMatchObject({ code: 'READ_ONLY', action: 'save' })
  })

  it('writes a form value through the lossless engine as an undoable edit of that line', async () => {
    const { editor, session } = setup()
    await session.open('a.md')
    session.setFrontMatterValue('count', 4)
    expect(editor.textOf('a.md')).toBe(helloText.replace('count: 3', 'count: 4'))
    expect(session.getSnapshot().frontMatter?.data.count).toBe(4)
    editor.undo()
    expect(editor.textOf('a.md')).toBe(helloText)
    expect(session.getSnapshot().isDirty).toBe(false)
  })

  it('forgets everything when another folder is opened', async () => {
    const { editor, session } = setup()
    await session.open('a.md')
    session.handleFolderEvent({ kind: 'folder-opened', folder: { root: '/x', name: 'x' } })
    expect(editor.activePath).toBeNull()
    expect(editor.has('a.md')).toBe(false)
    expect(session.getSnapshot().activePath).toBeNull()
  })

  it('runs saves one after another, each with the text it has when its turn comes', async () => {
    const { api, editor, session } = setup()
    await session.open('a.md')
    editor.view.dispatch({ changes: { from: 0, insert: '1' } })
    const first = session.save()
    editor.view.dispatch({ changes: { from: 0, insert: '2' } })
    const second = session.save()
    await Promise.all([first, second])
    expect(api.writes.map((w) => w.text.slice(0, 2))).toEqual(['21', '21'])
    expect(api.files.get('a.md')).toBe(`21${helloText}`)
    expect(session.getSnapshot().isDirty).toBe(false)
  })

  it('"Keep mine" saves the conflicted document even when another one is active', async () => {
    const { api, editor, session } = setup()
    await session.open('a.md')
    editor.view.dispatch({ changes: { from: 0, insert: 'mine ' } })
    await session.open('b.md')
    api.changeOnDisk('a.md', 'theirs\n')
    session.handleFolderEvent({ kind: 'article-changed', path: 'a.md', version: versionOf('theirs\n') })
    expect(session.getSnapshot().conflictPath).toBe('a.md')
    await session.keepMine()
    expect(api.files.get('a.md')).toBe(`mine ${helloText}`)
    expect(api.files.get('b.md')).toBe(otherText)
    expect(session.getSnapshot().conflictPath).toBeNull()
  })

  it('turns a rejected call into a save error and keeps later saves working', async () => {
    const { api, editor, session } = setup()
    await session.open('a.md')
    const write = api.writeArticle
    api.writeArticle = () => Promise.reject(new Error('channel closed'))
    await session.save()
    expect(session.getSnapshot().error).toMatchObject({ code: 'IO', message: 'channel closed', path: 'a.md' })
    api.writeArticle = write
    editor.view.dispatch({ changes: { from: 0, insert: 'x' } })
    await session.save()
    expect(api.files.get('a.md')).toBe(`x${helloText}`)
  })

  it('flags an open file deleted outside Folio until a save writes it back', async () => {
    const { api, editor, session } = setup()
    await session.open('a.md')
    api.files.delete('a.md')
    session.handleFolderEvent({ kind: 'article-removed', path: 'a.md' })
    expect([...session.getSnapshot().missingPaths]).toEqual(['a.md'])
    expect(editor.textOf('a.md')).toBe(helloText)
    await session.save()
    expect(api.files.get('a.md')).toBe(helloText)
    expect(session.getSnapshot().missingPaths.size).toBe(0)
  })
})

import '../dom-shims'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { ok } from '@shared/result'
import { defaultFiles, editorView, openArticle, renderApp } from '../render-app'
import { helloText } from '../fixtures'
// NOTE: the app fetches the Changes region and the diff with import(); importing them here first keeps vitest's
// one-off transform out of Testing Library's one-second waits (the app still goes through its import()).
import '@renderer/git/ChangesView'
import '@renderer/components/DiffView'

// The Git UI over FakeGit (tests/support/fake-git.ts), which passes the same contract suite as the real GitService.

// NOTE: the app's toolbar is the first banner (the Changes region's header is another in jsdom).
const toolbar = () => screen.getAllByRole('banner')[0]
const changesButton = () => within(toolbar()).getByRole('button', { name: /^Changes/ })

async function openChanges(): Promise<HTMLElement> {
  await waitFor(() => expect(changesButton().hasAttribute('disabled')).toBe(false))
  fireEvent.click(changesButton())
  return screen.findByRole('region', { name: 'Changes' })
}

function renderRepo() {
  const rendered = renderApp()
  rendered.api.git.commitAll()
  return rendered
}

describe('the Changes region', () => {
  it('offers git init outside a repository, then lists every file as untracked', async () => {
    const { api } = renderApp()
    const region = await openChanges()
    expect(within(region).getByText(/not in a Git repository/)).toBeTruthy()
    fireEvent.click(within(region).getByRole('button', { name: 'Create a repository' }))
    const list = await within(region).findByRole('list', { name: 'Changed files' })
    expect(within(list).getAllByRole('checkbox').map((box) => box.getAttribute('aria-label'))).toEqual(Object.keys(defaultFiles()).sort().map((p) => `Stage ${p}`))
    expect(api.git.calls.map((c) => c.method)).toContain('gitInit')
  })

  it('badges a changed article in the list, filters to changed ones, and shows it under Changes with its diff', async () => {
    const { api } = renderRepo()
    act(() => api.changeOnDisk('posts/hello.md', `${helloText}More.\n`))
    const list = await screen.findByRole('listbox', { name: 'Articles' })
    await waitFor(() => expect(within(list).getByRole('option', { name: 'Hello world' }).textContent).toContain('M'))
    fireEvent.click(screen.getByRole('checkbox', { name: /Changed only/ }))
    await waitFor(() => expect(within(list).getAllByRole('option').map((o) => o.getAttribute('aria-label') ?? o.textContent)).toHaveLength(1))
    const region = await openChanges()
    expect(changesButton().textContent).toBe('Changes (1)')
    const files = within(region).getByRole('list', { name: 'Changed files' })
    expect(within(files).getByRole('button', { name: /posts\/hello\.md/ }).textContent).toContain('M')
    await waitFor(() => expect(api.git.calls.some((c) => c.method === 'gitDiff' && c.args[0] === 'posts/hello.md')).toBe(true))
    expect(await within(region).findByText('Last commit (HEAD)')).toBeTruthy()
  })

  it('stages per file, asks once for an identity, commits with the message and shows the commit', async () => {
    const { api } = renderRepo()
    api.files.set('posts/hello.md', `${helloText}More.\n`)
    api.files.set('notes.md', 'changed notes\n')
    const region = await openChanges()
    const stage = await within(region).findByRole('checkbox', { name: 'Stage posts/hello.md' })
    fireEvent.click(stage)
    await waitFor(() => expect(within(region).getByRole<HTMLInputElement>('checkbox', { name: 'Stage posts/hello.md' }).checked).toBe(true))
    expect(within(region).getByText('Commits the 1 staged file.')).toBeTruthy()
    const commit = within(region).getByRole('button', { name: 'Commit' })
    expect(commit.hasAttribute('disabled')).toBe(true)
    fireEvent.change(within(region).getByRole('textbox', { name: 'Commit message' }), { target: { value: 'Edit hello' } })
    fireEvent.click(commit)
    const name = await within(region).findByRole('textbox', { name: 'Your name' })
    expect(api.git.commits).toHaveLength(1)
    fireEvent.change(name, { target: { value: 'Ada Writer' } })
    fireEvent.change(within(region).getByRole('textbox', { name: 'Your email' }), { target: { value: 'ada@example.org' } })
    fireEvent.click(within(region).getByRole('button', { name: 'Commit' }))
    expect(await within(region).findByText(/^Committed [0-9a-f]{7} \(1 file\)\./)).toBeTruthy()
    expect(api.git.identity).toEqual({ name: 'Ada Writer', email: 'ada@example.org' })
    expect(api.git.commits[0].info).toMatchObject({ subject: 'Edit hello', author: 'Ada Writer' })
    await waitFor(() => expect(within(region).queryByRole('checkbox', { name: 'Stage posts/hello.md' })).toBeNull())
    expect(within(region).getByRole('checkbox', { name: 'Stage notes.md' })).toBeTruthy()
  })

  it('discards after asking, and offers one undo that puts the text back as an unsaved edit', async () => {
    const { api } = renderRepo()
    api.files.set('posts/hello.md', `${helloText}Scribbles.\n`)
    const region = await openChanges()
    fireEvent.click(await within(region).findByRole('button', { name: 'Discard changes' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Discard changes?' })
    expect(api.files.get('posts/hello.md')).toBe(`${helloText}Scribbles.\n`)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Discard changes' }))
    await waitFor(() => expect(api.files.get('posts/hello.md')).toBe(helloText))
    fireEvent.click(await within(region).findByRole('button', { name: 'Undo discard' }))
    await waitFor(() => expect(editorView().state.doc.toString()).toBe(`${helloText}Scribbles.\n`))
    expect(document.title.startsWith('• ')).toBe(true)
    expect(api.files.get('posts/hello.md')).toBe(helloText)
  })

  it('discards an untracked article by sending it to the trash after asking; Undo puts its text back as an unsaved edit', async () => {
    const { api } = renderRepo()
    api.files.set('posts/draft.md', '---\ntitle: Draft\n---\nNever committed.\n')
    const region = await openChanges()
    fireEvent.click(await within(region).findByRole('button', { name: /posts\/draft\.md/ }))
    fireEvent.click(await within(region).findByRole('button', { name: 'Discard changes' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Discard changes?' })
    expect(dialog.textContent).toContain('posts/draft.md is not in the last commit: it goes to the system trash.')
    expect(api.files.has('posts/draft.md')).toBe(true)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Discard changes' }))
    await waitFor(() => expect(api.files.has('posts/draft.md')).toBe(false))
    expect(api.git.trashed).toEqual([{ path: 'posts/draft.md', text: '---\ntitle: Draft\n---\nNever committed.\n' }])
    expect(await within(region).findByText(/posts\/draft\.md was moved to the trash\./)).toBeTruthy()
    await waitFor(() => expect(within(region).queryByRole('checkbox', { name: 'Stage posts/draft.md' })).toBeNull())
    fireEvent.click(within(region).getByRole('button', { name: 'Undo discard' }))
    await waitFor(() => expect(editorView().state.doc.toString()).toBe('---\ntitle: Draft\n---\nNever committed.\n'))
    expect(document.title.startsWith('• ')).toBe(true)
    expect(api.files.has('posts/draft.md')).toBe(false)
  })

  it('discards a rename after asking: the old path comes back, the new one goes to the trash', async () => {
    const { api } = renderRepo()
    api.files.set('posts/moved.md', helloText)
    api.files.delete('posts/hello.md')
    await api.git.gitStage(['posts/hello.md', 'posts/moved.md'], true)
    const region = await openChanges()
    const files = within(region).getByRole('list', { name: 'Changed files' })
    const row = within(files).getByRole('button', { name: /posts\/moved\.md/ })
    expect(row.textContent).toContain('R')
    fireEvent.click(row)
    fireEvent.click(await within(region).findByRole('button', { name: 'Discard changes' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Discard changes?' })
    expect(dialog.textContent).toContain('posts/hello.md comes back as in the last commit, and posts/moved.md goes to the system trash.')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Discard changes' }))
    await waitFor(() => expect(api.files.get('posts/hello.md')).toBe(helloText))
    expect(api.files.has('posts/moved.md')).toBe(false)
    expect(api.git.trashed.map((t) => t.path)).toEqual(['posts/moved.md'])
    expect(await within(region).findByText('posts/moved.md was moved to the trash; posts/hello.md is back.')).toBeTruthy()
    expect(await within(region).findByText('No changes since the last commit.')).toBeTruthy()
  })

  it('says which open articles have unsaved edits and saves them on request', async () => {
    const { api } = renderRepo()
    const view = await openArticle('Hello world', helloText)
    act(() => view.dispatch({ changes: { from: helloText.length, insert: 'Unsaved.\n' } }))
    const region = await openChanges()
    expect(within(region).getByText('Unsaved edits are not committed: posts/hello.md.')).toBeTruthy()
    fireEvent.click(within(region).getByRole('button', { name: 'Save all' }))
    await waitFor(() => expect(api.files.get('posts/hello.md')).toBe(`${helloText}Unsaved.\n`))
    await waitFor(() => expect(within(region).queryByText(/Unsaved edits are not committed/)).toBeNull())
    expect(await within(region).findByRole('checkbox', { name: 'Stage posts/hello.md' })).toBeTruthy()
  })

  it('shows Sync progress with Cancel, and says when it was cancelled', async () => {
    const { api } = renderRepo()
    api.git.holdSync = true
    const region = await openChanges()
    fireEvent.click(within(toolbar()).getByRole('button', { name: 'Sync' }))
    expect(await within(toolbar()).findByText(/Syncing: fetching/)).toBeTruthy()
    expect(within(toolbar()).getByRole('button', { name: 'Sync' }).hasAttribute('disabled')).toBe(true)
    fireEvent.click(within(toolbar()).getByRole('button', { name: 'Cancel' }))
    expect(await within(region).findByText('Sync was cancelled.')).toBeTruthy()
    expect(within(toolbar()).queryByText(/Syncing/)).toBeNull()
    api.git.holdSync = false
    api.git.syncOutcomes.push(ok({ kind: 'synced', pulled: 2, pushed: 1 }))
    fireEvent.click(within(toolbar()).getByRole('button', { name: 'Sync' }))
    expect(await within(region).findByText('Synced: 2 commit(s) in, 1 out.')).toBeTruthy()
  })

  it('stops on a conflict: three-way merge, Mark resolved, then Continue; Abort is offered', async () => {
    const { api } = renderRepo()
    const base = 'line one\nline two\nline three\n'
    api.git.startConflict({ path: 'posts/other.md', base, mine: 'line one (mine)\nline two\nline three\n', theirs: 'line one\nline two\nline three (theirs)\n' })
    api.git.syncOutcomes.push(ok({ kind: 'synced', pulled: 0, pushed: 1 }))
    const region = await openChanges()
    const banner = await within(region).findByText(/The rebase stopped on a conflict/)
    const alert = banner.closest('[role="alert"]') as HTMLElement
    expect(within(alert).getByRole('button', { name: 'Continue' }).hasAttribute('disabled')).toBe(true)
    expect(within(alert).getByRole('button', { name: 'Abort rebase' })).toBeTruthy()
    const merge = await within(region).findByRole('group', { name: 'Merge posts/other.md' })
    const merged = await within(merge).findByRole<HTMLTextAreaElement>('textbox', { name: 'Merged text' })
    expect(merged.value).toBe('line one (mine)\nline two\nline three (theirs)\n')
    fireEvent.click(within(merge).getByRole('button', { name: 'Base' }))
    expect(within(merge).getByText(/line one\s+line two\s+line three/)).toBeTruthy()
    fireEvent.click(within(merge).getByRole('button', { name: 'Mark resolved' }))
    await waitFor(() => expect(api.files.get('posts/other.md')).toBe('line one (mine)\nline two\nline three (theirs)\n'))
    await waitFor(() => expect(within(alert).getByRole('button', { name: 'Continue' }).hasAttribute('disabled')).toBe(false))
    fireEvent.click(within(alert).getByRole('button', { name: 'Continue' }))
    expect(await within(region).findByText('Synced: 0 commit(s) in, 1 out.')).toBeTruthy()
    expect(within(region).queryByText(/stopped on/)).toBeNull()
  })

  it('aborts a stopped rebase back to the local text', async () => {
    const { api } = renderRepo()
    api.git.startConflict({ path: 'posts/other.md', base: 'b\n', mine: 'mine\n', theirs: 'theirs\n' })
    const region = await openChanges()
    fireEvent.click(await within(region).findByRole('button', { name: 'Abort rebase' }))
    await waitFor(() => expect(within(region).queryByText(/stopped on/)).toBeNull())
    expect(api.files.get('posts/other.md')).toBe('mine\n')
  })

  it('asks for the status again when git-changed arrives (a commit or checkout outside Folio)', async () => {
    const { api } = renderRepo()
    api.files.set('notes.md', 'changed outside\n')
    act(() => api.emit({ kind: 'git-changed' }))
    await waitFor(() => expect(changesButton().textContent).toBe('Changes (1)'))
    api.git.branch = 'drafts'
    api.git.commitAll('Outside commit')
    act(() => api.emit({ kind: 'git-changed' }))
    await waitFor(() => expect(changesButton().textContent).toBe('Changes'))
    // The branch sits in the status bar (issue: 'branch name and ahead/behind counts in the status bar').
    expect(within(screen.getByRole('status', { name: 'Status bar' })).getByText('drafts')).toBeTruthy()
  })

  it('lists an article’s history from the toolbar and restores a version as an unsaved edit', async () => {
    const { api } = renderRepo()
    api.git.identity = { name: 'Ada Writer', email: 'ada@example.org' }
    api.files.set('posts/hello.md', `${helloText}Second.\n`)
    await api.git.gitCommit({ message: 'Second hello' })
    await openArticle('Hello world', `${helloText}Second.\n`)
    fireEvent.click(within(toolbar()).getByRole('button', { name: 'History' }))
    const region = await screen.findByRole('region', { name: 'Changes' })
    const history = await within(region).findByRole('list', { name: 'History of posts/hello.md' })
    expect(within(history).getAllByRole('button').map((b) => b.textContent)).toEqual([expect.stringMatching(/^Second hello.*Ada Writer/), expect.stringMatching(/^Start.*Teammate/)])
    fireEvent.click(within(history).getAllByRole('button')[1])
    fireEvent.click(await within(region).findByRole('button', { name: 'Restore this version' }))
    await waitFor(() => expect(editorView().state.doc.toString()).toBe(helloText))
    expect(document.title.startsWith('• ')).toBe(true)
    expect(api.files.get('posts/hello.md')).toBe(`${helloText}Second.\n`)
  })
})

import fs from 'node:fs'
import path from 'node:path'
import type { FolioApi } from '@shared/api'
import { fail, type Result } from '@shared/result'
import type { ReplaceQuery } from '@shared/replace/replace-text'
import { defaultSettings, emptyFolderState } from '@shared/user-state'
import { FolderSession } from '../../../src/core/folder-session'
import { JournalStore } from '../../../src/core/journal/index'
import { createRequestHandlers } from '../../../src/core/request-handlers'
import { FakeApi } from '../renderer/fake-api'
import { makeTempDir, removeTempDir } from './corpus'

// The parts of FolioApi that the renderer tests run on FakeApi beyond reading and writing (those are in
// store/article-api-contract.test.ts): the article list and its pages, the journal of unsaved edits, settings and
// folder state, and Replace in folder. Run against the real request-handler table (the one IPC and HTTP serve) and
// against FakeApi, so a renderer test on the fake proves what the real host does. Methods FakeApi answers with
// UNSUPPORTED (authoring, search, export, schema) are not faked: renderer tests that need them stub one answer.

type ContractApi = Pick<
  FolioApi,
  'listArticles' | 'getArticleIndex' | 'writeJournal' | 'listJournal' | 'clearJournal' | 'getSettings' | 'saveSettings' | 'getFolderState' | 'saveFolderState' | 'previewReplace' | 'applyReplace' | 'readArticle'
>

interface Harness {
  api: ContractApi
  dispose(): Promise<void>
}

const files: Record<string, string> = {
  'b.md': '---\ntitle: Bee\ndate: 2024-05-01\ndraft: true\n---\nThe council met.\n',
  'a.md': '---\ntitle: Ay\n---\nThe council and the council.\n',
  'c.md': '---\ntitle: [unclosed\n---\nBroken.\n',
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

function testFolioApi(name: string, make: () => Promise<Harness>): void {
  describe(`FolioApi contract (list, journal, state, replace): ${name}`, () => {
    let h: Harness
    beforeEach(async () => {
      h = await make()
    })
    afterEach(() => h.dispose())

    it('lists every article sorted by path with title, date and draft; a broken one carries its error with a line', async () => {
      const list = value(await h.api.listArticles())
      expect(list.map((a) => [a.path, a.title, a.date, a.isDraft, a.format])).toEqual([
        ['a.md', 'Ay', null, false, 'yaml'],
        ['b.md', 'Bee', '2024-05-01', true, 'yaml'],
        ['c.md', null, null, false, 'yaml'],
      ])
      expect(list[2]?.error?.line).toBeGreaterThanOrEqual(1)
      expect(list[0]?.error).toBeUndefined()
    })

    it('pages the index after a path, with nextAfter until the last page', async () => {
      value(await h.api.listArticles())
      const first = value(await h.api.getArticleIndex({ after: null, limit: 2 }))
      expect(first).toMatchObject({ isComplete: true, total: 3, nextAfter: 'b.md' })
      expect(first.articles.map((a) => a.path)).toEqual(['a.md', 'b.md'])
      const second = value(await h.api.getArticleIndex({ after: 'b.md', limit: 2 }))
      expect(second.articles.map((a) => a.path)).toEqual(['c.md'])
      expect(second.nextAfter).toBeNull()
    })

    it('journals unsaved edits per path (the last write wins), lists and clears them; clearing none succeeds', async () => {
      const version = value(await h.api.readArticle('a.md')).version
      value(await h.api.writeJournal({ path: 'a.md', text: 'draft one\n', baseVersion: version }))
      value(await h.api.writeJournal({ path: 'a.md', text: 'draft two\n', baseVersion: version }))
      value(await h.api.writeJournal({ path: 'new.md', text: 'never saved\n', baseVersion: null }))
      const entries = value(await h.api.listJournal()).sort((x, y) => (x.path < y.path ? -1 : 1))
      expect(entries.map((e) => [e.path, e.text, e.baseVersion?.hash ?? null])).toEqual([
        ['a.md', 'draft two\n', version.hash],
        ['new.md', 'never saved\n', null],
      ])
      expect(Number.isNaN(Date.parse(entries[0]?.updatedAt ?? ''))).toBe(false)
      value(await h.api.clearJournal('a.md'))
      value(await h.api.clearJournal('never-journaled.md'))
      expect(value(await h.api.listJournal()).map((e) => e.path)).toEqual(['new.md'])
    })

    it('applies a journal patch to the entry it was made to, and refuses it (CONFLICT, nothing changed) on any other', async () => {
      const version = value(await h.api.readArticle('a.md')).version
      value(await h.api.writeJournal({ path: 'a.md', text: 'one two three\n', baseVersion: version, entry: { id: 'w1', step: 0 } }))
      value(await h.api.writeJournal({ path: 'a.md', text: '2', baseVersion: version, entry: { id: 'w1', step: 1 }, patch: { from: 4, to: 7 } }))
      value(await h.api.writeJournal({ path: 'a.md', text: ' and', baseVersion: null, entry: { id: 'w1', step: 2 }, patch: { from: 5, to: 5 } }))
      const text = async () => value(await h.api.listJournal()).find((e) => e.path === 'a.md')
      expect(await text()).toMatchObject({ text: 'one 2 and three\n', baseVersion: null })
      for (const [entry, patch] of [[{ id: 'w1', step: 2 }, { from: 0, to: 0 }], [{ id: 'w1', step: 4 }, { from: 0, to: 0 }], [{ id: 'w2', step: 3 }, { from: 0, to: 0 }], [{ id: 'w1', step: 3 }, { from: 0, to: 99 }]] as const) {
        expect(await h.api.writeJournal({ path: 'a.md', text: 'lost', baseVersion: null, entry, patch })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
      }
      expect(await h.api.writeJournal({ path: 'b.md', text: 'lost', baseVersion: null, entry: { id: 'w1', step: 1 }, patch: { from: 0, to: 0 } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
      expect(await text()).toMatchObject({ text: 'one 2 and three\n' })
      // A patch whose range was lost on the way is refused, never kept as the whole text.
      expect(await h.api.writeJournal({ path: 'a.md', text: 'lost', baseVersion: null, entry: { id: 'w1', step: 3 } })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
      expect(await text()).toMatchObject({ text: 'one 2 and three\n' })
      // A whole text without an entry (an older writer) takes no patch.
      value(await h.api.writeJournal({ path: 'a.md', text: 'whole\n', baseVersion: null }))
      expect(await h.api.writeJournal({ path: 'a.md', text: 'x', baseVersion: null, entry: { id: 'w1', step: 3 }, patch: { from: 0, to: 0 } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
      expect(value(await h.api.listJournal()).map((e) => e.path)).toEqual(['a.md'])
      value(await h.api.clearJournal('a.md'))
    })

    it('keeps settings and folder state as saved, starting from the defaults', async () => {
      expect(value(await h.api.getSettings())).toEqual(defaultSettings)
      expect(value(await h.api.getFolderState())).toEqual(emptyFolderState)
      const settings = { ...defaultSettings, autosave: 'pause' as const, editorFontSize: 17 }
      value(await h.api.saveSettings(settings))
      expect(value(await h.api.getSettings())).toEqual(settings)
      const state = { ...emptyFolderState, openPaths: ['a.md'], activePath: 'a.md' }
      value(await h.api.saveFolderState(state))
      expect(value(await h.api.getFolderState())).toMatchObject({ openPaths: ['a.md'], activePath: 'a.md' })
    })

    it('previews a replace in the body and applies it over the previewed versions; a file changed since is refused', async () => {
      const query: ReplaceQuery = { find: 'council', replace: 'board', isRegex: false, isCaseSensitive: true, isWholeWord: true, scope: 'body' }
      const preview = value(await h.api.previewReplace(query))
      expect(preview).toMatchObject({ fileCount: 2, changeCount: 3 })
      expect(preview.files.map((f) => [f.path, f.changeCount])).toEqual([
        ['a.md', 2],
        ['b.md', 1],
      ])
      const choices = preview.files.map((f) => ({ path: f.path, version: f.version, changes: 'all' as const }))
      const applied = value(await h.api.applyReplace({ query, choices }))
      expect(applied.outcomes.map((o) => [o.path, o.kind])).toEqual([
        ['a.md', 'written'],
        ['b.md', 'written'],
      ])
      expect(value(await h.api.readArticle('a.md')).text).toBe('---\ntitle: Ay\n---\nThe board and the board.\n')
      const again = value(await h.api.applyReplace({ query: { ...query, find: 'board', replace: 'council' }, choices }))
      expect(again.outcomes.map((o) => [o.path, o.kind, o.kind === 'failed' ? o.code : null])).toEqual([
        ['a.md', 'failed', 'CONFLICT'],
        ['b.md', 'failed', 'CONFLICT'],
      ])
    })
  })
}

testFolioApi('the request handlers over a FolderSession (the real host)', async () => {
  const dir = makeTempDir('folio-api-contract-')
  const state = makeTempDir('folio-api-contract-state-')
  for (const [rel, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, rel), text)
  const opened = await FolderSession.open(dir)
  if (!opened.ok) throw new Error(opened.error.message)
  const session = opened.value
  const api = createRequestHandlers({ session: () => session, pickFolder: () => Promise.resolve(fail('UNSUPPORTED', 'no picker')), journal: new JournalStore(state), stateDir: state })
  return {
    api: api as unknown as ContractApi,
    dispose: async () => {
      await session.dispose()
      removeTempDir(dir)
      removeTempDir(state)
    },
  }
})

testFolioApi('FakeApi (the renderer tests)', () => Promise.resolve({ api: new FakeApi(files), dispose: () => Promise.resolve() }))

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import type { ReplaceQuery } from '@shared/replace/replace-text'
import { sessionReplaceStore } from '../../../../src/core/comfort-handlers'
import { FolderSession } from '../../../../src/core/folder-session'
import { applyReplace, previewReplace } from '../../../../src/core/replace/folder-replace'
import { ReplaceJournalStore } from '../../../../src/core/replace/replace-journal'
import { folio } from '../../cli/cli-harness'
import { useFileEnv } from '../../../support/file-env'

const q = (find: string, replace: string, more: Partial<ReplaceQuery> = {}): ReplaceQuery => ({ find, replace, isRegex: false, isCaseSensitive: true, isWholeWord: false, scope: 'body', ...more })
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-replace-'))
const stateDir = path.join(temp, 'state')
useFileEnv({ FOLIO_STATE_DIR: stateDir })
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }))

const files: Record<string, string | Buffer> = {
  'crlf.md': Buffer.from('\ufeff---\r\ntitle: Old name\r\n---\r\nOld name here.\r\nKeep this line.\r\n'),
  'mixed.md': 'Old name\r\nlf line\nOld name', // mixed endings, no final newline
  'untouched.md': '---\ntitle: Other\n---\nNothing.\n',
  'yaml.md': '---\ntitle: "x: y"\nkey: value\n---\nbody value\n',
}
let root = ''
let n = 0
beforeEach(() => {
  root = path.join(temp, `site-${n++}`)
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    fs.writeFileSync(path.join(root, rel), content)
  }
})
const bytes = (rel: string): Buffer => fs.readFileSync(path.join(root, rel))

async function withSession<T>(run: (session: FolderSession) => Promise<T>): Promise<T> {
  const opened = await FolderSession.open(root, { index: { cacheDir: null } })
  if (!opened.ok) throw new Error(opened.error.message)
  try {
    return await run(opened.value)
  } finally {
    await opened.value.dispose()
  }
}

describe('folder-wide replace', () => {
  it('previews every change as before/after lines and writes nothing', async () => {
    const before = Object.keys(files).map(bytes)
    const preview = await withSession((s) => previewReplace(sessionReplaceStore(s), q('Old name', 'New name')))
    expect(preview.ok && preview.value.files.map((f) => [f.path, f.changeCount])).toEqual([['crlf.md', 1], ['mixed.md', 2]])
    const change = preview.ok ? preview.value.files[0]?.changes[0] : undefined
    expect(change).toMatchObject({ line: 4, column: 1, before: 'Old name here.', after: 'New name here.' })
    expect(Object.keys(files).map(bytes)).toEqual(before)
  })

  it('applies losslessly (BOM, CRLF, mixed endings, no final newline), journaled, and only the chosen changes', async () => {
    const applied = await withSession(async (s) => {
      const store = sessionReplaceStore(s)
      const preview = await previewReplace(store, q('Old name', 'New name', { scope: 'all' }))
      if (!preview.ok) throw new Error(preview.error.message)
      const choices = preview.value.files.map((f) => ({ path: f.path, version: f.version, changes: f.path === 'mixed.md' ? [1] : ('all' as const) }))
      return applyReplace(store, { query: preview.value.query, choices }, new ReplaceJournalStore(stateDir).forFolder(s.info().root))
    })
    expect(applied.ok && applied.value.outcomes.map((o) => [o.path, o.kind])).toEqual([['crlf.md', 'written'], ['mixed.md', 'written']])
    expect(bytes('crlf.md').toString('utf8')).toBe('\ufeff---\r\ntitle: New name\r\n---\r\nNew name here.\r\nKeep this line.\r\n')
    expect(bytes('mixed.md').toString('utf8')).toBe('Old name\r\nlf line\nNew name')
    const journalDir = path.join(stateDir, 'operations')
    const [folder] = fs.readdirSync(journalDir)
    const [record] = fs.readdirSync(path.join(journalDir, folder ?? ''))
    const saved = JSON.parse(fs.readFileSync(path.join(journalDir, folder ?? '', record ?? ''), 'utf8')) as { files: { path: string; before: string }[]; outcomes: unknown[] }
    expect(saved.files.map((f) => f.path)).toEqual(['crlf.md', 'mixed.md'])
    expect(saved.outcomes).toHaveLength(2)
  })

  it('leaves a file that changed since the preview alone (CONFLICT) and one whose front matter would break (PARSE)', async () => {
    const outcome = await withSession(async (s) => {
      const store = sessionReplaceStore(s)
      const preview = await previewReplace(store, q('value', 'a: b: c', { scope: 'all' }))
      if (!preview.ok) throw new Error(preview.error.message)
      expect(preview.value.files[0]?.problem).toMatch(/break the front matter/)
      const first = await previewReplace(store, q('Old name', 'X'))
      if (!first.ok) throw new Error(first.error.message)
      fs.appendFileSync(path.join(root, 'mixed.md'), '\nmore')
      const choices = [...first.value.files, ...preview.value.files].map((f) => ({ path: f.path, version: f.version, changes: 'all' as const }))
      return applyReplace(store, { query: first.value.query, choices: choices.slice(0, 2) }, null)
    })
    expect(outcome.ok && outcome.value.outcomes.map((o) => [o.path, o.kind === 'failed' ? o.code : o.kind])).toEqual([['mixed.md', 'CONFLICT'], ['crlf.md', 'written']])
  })
})

describe('folio replace', () => {
  it('--dry-run prints a unified diff and writes nothing; without it, writes and lists the files', async () => {
    const before = bytes('crlf.md')
    const dry = await folio(root, 'replace', '.', '(\\w+) name', '$1 title', '--regex', '--dry-run')
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain('--- a/crlf.md')
    expect(dry.stdout).toContain('-Old name here.\n+Old title here.')
    expect(dry.stderr).toContain('3 change(s) in 2 of 4 article(s) (dry run: nothing written)')
    expect(bytes('crlf.md')).toEqual(before)
    const real = await folio(root, 'replace', '.', 'Old name', 'New name', '--in', 'all')
    expect(real.code).toBe(0)
    expect(real.stdout).toBe('crlf.md\nmixed.md\n')
    expect(bytes('crlf.md').toString('utf8')).toContain('title: New name\r\n')
  })

  it('exits 1 when nothing matches and 2 on a usage error', async () => {
    expect((await folio(root, 'replace', '.', 'zzz', 'y')).code).toBe(1)
    expect((await folio(root, 'replace', '.', 'x')).code).toBe(2)
    expect((await folio(root, 'replace', '.', 'x', 'y', '--in', 'nowhere')).code).toBe(2)
    expect((await folio(root, 'replace', '.', '(', 'y', '--regex')).code).toBe(2)
  })
})

import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { FolioApi } from '@shared/api'
import { ok } from '@shared/result'
import type { RetagPlan, RetagRequest } from '@shared/authoring/plans'
import { authoringRequestFor } from '@renderer/components/authoring/authoring-commands'
import { imageInsertAt } from '@renderer/components/authoring/image-paste'
import { TermsDialog } from '@renderer/components/authoring/TermsDialog'
import { commands } from '@shared/commands'
import { FakeApi } from '../fake-api'

describe('authoringRequestFor', () => {
  it('maps every authoring command of the shared table, and needs an open article for the article ones', () => {
    expect(authoringRequestFor('article.new', null)).toEqual({ kind: 'new' })
    expect(authoringRequestFor('terms.open', null)).toEqual({ kind: 'terms' })
    for (const [id, kind] of [['article.rename', 'rename'], ['article.move', 'move'], ['article.duplicate', 'duplicate'], ['article.delete', 'delete'], ['image.insert', 'insert-image']] as const) {
      expect(commands.some((c) => c.id === id)).toBe(true)
      expect(authoringRequestFor(id, 'a/b.md')).toEqual({ kind, path: 'a/b.md' })
      expect(authoringRequestFor(id, null)).toBeNull()
    }
    expect(authoringRequestFor('article.save', 'a/b.md')).toBeNull()
  })
})

describe('imageInsertAt', () => {
  it('inserts at the caret, but after an image link when the caret is inside one (images never nest)', () => {
    expect(imageInsertAt('Hello world', 5)).toEqual({ at: 5, prefix: '' })
    const text = 'Pictures:\n![](a.png) and more'
    expect(imageInsertAt(text, text.indexOf('](') )).toEqual({ at: text.indexOf(' and'), prefix: '\n' })
    expect(imageInsertAt(text, text.indexOf(' and'))).toEqual({ at: text.indexOf(' and'), prefix: '' })
    expect(imageInsertAt('![alt](x.png)', 0)).toEqual({ at: 0, prefix: '' })
  })
})

describe('TermsDialog', () => {
  const plan: RetagPlan = { taxonomy: 'tags', from: 'Hugo', to: 'Static', files: [{ path: 'a.md', newPath: 'a.md', diff: '--- a/a.md\n+++ b/a.md\n@@ -1,1 +1,1 @@\n-tags: [Hugo]\n+tags: [Static]\n' }], digest: 'd1' }
  const makeApi = () => {
    const api: FolioApi = new FakeApi({})
    const listTerms = vi.fn(() =>
      Promise.resolve(ok([
        { key: 'hugo', term: 'Hugo', spellings: [{ term: 'Hugo', count: 2 }, { term: 'hugo', count: 1 }], articles: ['a.md', 'b.md', 'c.md'] },
        { key: 'go', term: 'Go', spellings: [{ term: 'Go', count: 1 }], articles: ['a.md'] },
      ])),
    )
    const applyRetag = vi.fn((r: RetagRequest) => Promise.resolve(ok({ ...plan, to: r.to })))
    api.listTerms = listTerms
    api.planRetag = (r: RetagRequest) => Promise.resolve(ok({ ...plan, to: r.to }))
    api.applyRetag = applyRetag
    return { api, listTerms, applyRetag }
  }

  it('lists terms with counts, spellings and articles; renames only after showing the diff, with its digest', async () => {
    const { api, listTerms, applyRetag } = makeApi()
    const onOpen = vi.fn()
    render(<TermsDialog api={api} onOpen={onOpen} onClose={() => undefined} />)
    const hugo = await screen.findByRole('listitem', { name: 'Hugo' })
    expect(hugo.textContent).toContain('3')
    expect(hugo.textContent).toContain('also written “hugo” (1)')
    fireEvent.click(within(hugo).getByRole('button', { name: 'c.md' }))
    expect(onOpen).toHaveBeenCalledWith('c.md')
    fireEvent.click(within(hugo).getByRole('button', { name: 'Rename or merge Hugo' }))
    const input = screen.getByLabelText(/Rename “Hugo” \(and 1 other spelling/)
    fireEvent.change(input, { target: { value: 'Go' } })
    expect(await screen.findByText(/“Go” exists: the two terms are merged/)).toBeTruthy()
    fireEvent.change(input, { target: { value: 'Static' } })
    await waitFor(() => expect(screen.getByLabelText('Changes').textContent).toContain('+tags: [Static]'))
    expect(applyRetag).not.toHaveBeenCalled()
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }))
    await waitFor(() => expect(applyRetag).toHaveBeenCalledWith({ taxonomy: 'tags', from: 'Hugo', to: 'Static', digest: 'd1' }))
    expect(await screen.findByRole('status')).toHaveProperty('textContent', '"Hugo" is now "Static" in 1 article(s).')
    await waitFor(() => expect(listTerms).toHaveBeenCalledTimes(2))
  })
})

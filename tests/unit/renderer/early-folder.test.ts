import { describe, expect, it } from 'vitest'
import type { IndexPage } from '@shared/api'
import { earlyDataElementId, earlyDataJson, type EarlyData } from '@shared/early-data'
import { ok } from '@shared/result'
import { startEarly, takeEarlyData } from '../../../src/renderer/early-folder'
import { FakeApi } from './fake-api'

function counted(api: FakeApi): { folders: () => number; pages: () => IndexPage[] } {
  let folders = 0
  const getFolder = api.getFolder
  api.getFolder = () => {
    folders++
    return getFolder()
  }
  return { folders: () => folders, pages: () => api.indexPages.filter((page): page is IndexPage => page !== undefined) }
}

const data: EarlyData = {
  folder: ok({ root: '/srv/site', name: 'site' }),
  index: ok({ articles: [{ path: 'a.md', title: 'A', date: null, isDraft: false, format: 'yaml', tags: [], categories: [], buildStatus: 'published' }], done: 1, total: 3, isComplete: false, nextAfter: null }),
}

describe('startEarly', () => {
  it('without early data asks for the folder and the first index page at once, side by side, and hands the folder to the first getFolder only', async () => {
    const api = new FakeApi({ 'a.md': '# A\n' })
    const asked = counted(api)
    const started = startEarly(api, null)
    expect(asked.folders()).toBe(1)
    expect(asked.pages()).toEqual([{ after: null, limit: 200 }])
    expect((await started.early.firstPage)?.ok).toBe(true)
    expect(await started.api.getFolder()).toEqual({ ok: true, value: { root: '/tmp/site', name: 'site' } })
    expect(asked.folders()).toBe(1)
    api.folder = { root: '/tmp/other', name: 'other' }
    expect(await started.api.getFolder()).toEqual({ ok: true, value: { root: '/tmp/other', name: 'other' } })
    expect(asked.folders()).toBe(2)
  })

  it('with the early data the page carries asks the host nothing before the first render', async () => {
    const api = new FakeApi({ 'a.md': '# A\n' })
    const asked = counted(api)
    const started = startEarly(api, data)
    expect(started.early).toEqual({ data, firstPage: null })
    expect(await started.api.getFolder()).toEqual(data.folder)
    expect(asked.folders()).toBe(0)
    expect(asked.pages()).toEqual([])
    await started.api.getFolder()
    expect(asked.folders()).toBe(1)
  })

  it('passes every other method through', async () => {
    const api = new FakeApi({ 'a.md': '# A\n' })
    const started = startEarly(api, data)
    expect((await started.api.readArticle('a.md')).ok).toBe(true)
    expect((await started.api.getArticleIndex()).ok).toBe(true)
  })
})

describe('takeEarlyData', () => {
  function pageWith(text: string | null): Document {
    const doc = document.implementation.createHTMLDocument('Folio')
    if (text !== null) {
      const element = doc.createElement('script')
      element.type = 'application/json'
      element.id = earlyDataElementId
      element.textContent = text
      doc.body.append(element)
    }
    return doc
  }

  it('reads the data element the server wrote, and takes it out of the page', () => {
    const doc = pageWith(earlyDataJson(data))
    expect(takeEarlyData(doc)).toEqual(data)
    expect(doc.getElementById(earlyDataElementId)).toBeNull()
  })

  it('is null without the element, and for text that is not early data (the page then asks the host)', () => {
    expect(takeEarlyData(pageWith(null))).toBeNull()
    for (const text of ['', 'not json', '[]', '{"folder":{"ok":true}}', '{"folder":{"ok":true,"value":{"root":1}},"index":null}', '{"folder":{"ok":true,"value":null},"index":{"ok":true,"value":{"articles":"x"}}}']) {
      expect(takeEarlyData(pageWith(text))).toBeNull()
    }
  })
})

import { describe, expect, it } from 'vitest'
import { withEarlyFolder } from '../../../src/renderer/early-folder'
import { FakeApi } from './fake-api'

describe('withEarlyFolder', () => {
  it('asks for the folder at once and hands that answer to the first getFolder only', async () => {
    const api = new FakeApi({ 'a.md': '# A\n' })
    let asked = 0
    const getFolder = api.getFolder
    api.getFolder = () => {
      asked++
      return getFolder()
    }
    const early = withEarlyFolder(api)
    expect(asked).toBe(1)
    expect(await early.getFolder()).toEqual({ ok: true, value: { root: '/tmp/site', name: 'site' } })
    expect(asked).toBe(1)
    api.folder = { root: '/tmp/other', name: 'other' }
    expect(await early.getFolder()).toEqual({ ok: true, value: { root: '/tmp/other', name: 'other' } })
    expect(asked).toBe(2)
  })

  it('passes every other method through', async () => {
    const api = new FakeApi({ 'a.md': '# A\n' })
    const early = withEarlyFolder(api)
    expect((await early.readArticle('a.md')).ok).toBe(true)
    expect((await early.getArticleIndex()).ok).toBe(true)
  })
})

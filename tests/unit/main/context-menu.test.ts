import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { contextMenuTemplate, type ContextMenuInput } from '../../../src/main/context-menu'
import { applySpellCheckLanguages } from '../../../src/main/spellcheck'

const flags = { canUndo: true, canRedo: true, canCut: true, canCopy: true, canPaste: true, canDelete: true, canSelectAll: true, canEditRichly: false }
const input = (overrides: Partial<ContextMenuInput>): ContextMenuInput => ({ misspelledWord: '', dictionarySuggestions: [], isEditable: true, selectionText: '', linkURL: '', editFlags: flags, ...overrides })
const actions = () => ({ replaceMisspelling: vi.fn(), addToDictionary: vi.fn(), openExternal: vi.fn(), copyText: vi.fn() })
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.()

describe('editor context menu', () => {
  it('offers spelling suggestions and Add to Dictionary for a misspelled word, then cut/copy/paste', () => {
    const act = actions()
    const items = contextMenuTemplate(input({ misspelledWord: 'teh', dictionarySuggestions: ['the', 'tech', 'ten', 'tea', 'tee', 'teeth', 'tel'] }), act)
    expect(items.map((item) => item.label ?? item.role ?? item.type)).toEqual(['the', 'tech', 'ten', 'tea', 'tee', 'teeth', 'Add “teh” to Dictionary', 'separator', 'cut', 'copy', 'paste', 'selectAll'])
    click(items[0])
    click(items[6])
    expect(act.replaceMisspelling).toHaveBeenCalledWith('the')
    expect(act.addToDictionary).toHaveBeenCalledWith('teh')
  })

  it('says when there are no suggestions, and greys edit commands the element does not allow', () => {
    const items = contextMenuTemplate(input({ misspelledWord: 'qxzv', editFlags: { ...flags, canCut: false, canPaste: false } }), actions())
    expect(items[0]).toMatchObject({ label: 'No Spelling Suggestions', enabled: false })
    expect(items.find((item) => item.role === 'cut')).toMatchObject({ enabled: false })
    expect(items.find((item) => item.role === 'paste')).toMatchObject({ enabled: false })
  })

  it('opens only safe links in the browser, copies selected text outside editable fields, and is empty otherwise', () => {
    const act = actions()
    const link = contextMenuTemplate(input({ isEditable: false, linkURL: 'https://gohugo.io/' }), act)
    click(link[0])
    click(link[1])
    expect(act.openExternal).toHaveBeenCalledWith('https://gohugo.io/')
    expect(act.copyText).toHaveBeenCalledWith('https://gohugo.io/')
    expect(contextMenuTemplate(input({ isEditable: false, linkURL: 'javascript:alert(1)' }), act)).toEqual([])
    expect(contextMenuTemplate(input({ isEditable: false, linkURL: 'file:///etc/passwd' }), act)).toEqual([])
    expect(contextMenuTemplate(input({ isEditable: false, selectionText: 'some words' }), act).map((item) => item.role)).toEqual(['copy'])
    expect(contextMenuTemplate(input({ isEditable: false }), act)).toEqual([])
  })
})

describe('spell checker languages', () => {
  const session = () => ({ availableSpellCheckerLanguages: ['en-US', 'en-GB', 'de', 'fr'], setSpellCheckerLanguages: vi.fn() })

  it('uses the settings’ languages Chromium has dictionaries for, matching case and base language', () => {
    const s = session()
    expect(applySpellCheckLanguages(s, ['EN-gb', 'de-AT', 'xx', 'de'], 'linux')).toEqual(['en-GB', 'de'])
    expect(s.setSpellCheckerLanguages).toHaveBeenCalledWith(['en-GB', 'de'])
  })

  it('leaves the system languages for an empty or unknown list, and on macOS', () => {
    const s = session()
    expect(applySpellCheckLanguages(s, [], 'win32')).toEqual([])
    expect(applySpellCheckLanguages(s, ['xx'], 'win32')).toEqual([])
    expect(applySpellCheckLanguages(s, ['de'], 'darwin')).toEqual([])
    expect(s.setSpellCheckerLanguages).not.toHaveBeenCalled()
  })
})

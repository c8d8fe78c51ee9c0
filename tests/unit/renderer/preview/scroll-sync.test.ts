import { lastBlockAtOrAbove } from '@renderer/preview/scroll-sync'

describe('lastBlockAtOrAbove', () => {
  it('picks the block that starts at or last before the editor line', () => {
    const preview = document.createElement('section')
    preview.innerHTML = '<header data-source-line="1"></header><p data-source-line="6">a</p><p data-source-line="9">b</p>'
    expect(lastBlockAtOrAbove(preview, 8)?.textContent).toBe('a')
    expect(lastBlockAtOrAbove(preview, 9)?.textContent).toBe('b')
    expect(lastBlockAtOrAbove(preview, 1)?.tagName).toBe('HEADER')
    expect(lastBlockAtOrAbove(document.createElement('div'), 3)).toBeNull()
  })
})

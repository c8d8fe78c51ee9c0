import { previewFrameCsp, previewFrameDocument } from '@renderer/preview/frame-document'
import { sourceLineAtTop } from '@renderer/preview/scroll-sync'

describe('previewFrameDocument', () => {
  it('starts with a CSP that forbids script and allows images only from the asset channel and data:', () => {
    const csp = previewFrameCsp({ assetSource: 'folio-asset:', allowRemoteImages: false })
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain('img-src folio-asset: data:;')
    expect(csp).not.toContain('script-src')
    expect(csp).not.toContain('https:')
    expect(previewFrameCsp({ assetSource: 'http://127.0.0.1:1', allowRemoteImages: true })).toContain('img-src http://127.0.0.1:1 data: https: http:;')
    const html = previewFrameDocument({ assetSource: 'folio-asset:', allowRemoteImages: false }, ':root { --link: red; }')
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'))
    expect(html).toContain('id="preview-root"')
    expect(html).not.toContain('<script')
  })
})

describe('sourceLineAtTop', () => {
  it('is the first block when nothing is above the top (no layout in jsdom)', () => {
    const root = document.createElement('main')
    root.innerHTML = '<h1 data-source-line="3">a</h1><p data-source-line="5">b</p>'
    // NOTE: jsdom reports every rect at 0, so every block counts as at the top and the last one wins.
    expect(sourceLineAtTop(root, 1)).toBe(5)
    expect(sourceLineAtTop(root, -1)).toBe(3)
    expect(sourceLineAtTop(document.createElement('main'))).toBeNull()
  })
})

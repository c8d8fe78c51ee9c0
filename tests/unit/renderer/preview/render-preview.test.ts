import { EditorState } from '@codemirror/state'
import { renderPreviewHtml } from '@renderer/preview/render-preview'
import { assetBaseFor, createAssetResolver } from '@renderer/preview/resolve-url'

const text = `---
title: "Trip"
thumbnail: "cover.png"
---

![Cover](cover.png) ![Logo](/img/logo.png)

<img src="folio-asset://root/x.png" onerror="alert(1)"> <img src="folio-asset://evil/x.png"> <a href="folio-asset://root/x.png">l</a>
<img src="javascript:alert(1)"> <video poster="folio-asset://root/p.png"></video>
`

describe('renderPreviewHtml', () => {
  it('keeps Electron asset URLs for images (DOMPurify alone drops the unknown scheme) and nothing else new', () => {
    const resolveUrl = createAssetResolver('content/posts/trip/index.md', assetBaseFor(false, 'folio-app://app'))
    const html = renderPreviewHtml(EditorState.create({ doc: text }), { resolveUrl, isPageBundle: true })
    expect(html).toContain('<img src="folio-asset://root/content/posts/trip/cover.png" alt="Cover">')
    expect(html).toContain('src="folio-asset://root/static/img/logo.png"')
    expect(html).toContain('<img class="article-thumbnail" src="folio-asset://root/content/posts/trip/cover.png"')
    expect(html).toContain('poster="folio-asset://root/p.png"')
    expect(html).not.toContain('onerror')
    expect(html).not.toContain('folio-asset://evil')
    expect(html).not.toContain('href="folio-asset:')
    expect(html).not.toContain('javascript:')
  })

  it('resolves to /asset/ paths in browser mode', () => {
    const resolveUrl = createAssetResolver('content/posts/trip/index.md', assetBaseFor(true, 'http://127.0.0.1:9'))
    const html = renderPreviewHtml(EditorState.create({ doc: text }), { resolveUrl, isPageBundle: true })
    expect(html).toContain('src="/asset/content/posts/trip/cover.png"')
    expect(html).toContain('src="/asset/static/img/logo.png"')
  })
})

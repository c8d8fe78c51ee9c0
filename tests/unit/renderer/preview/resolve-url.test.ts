import { assetBaseFor, createAssetResolver } from '@renderer/preview/resolve-url'

const browser = assetBaseFor(true, 'http://127.0.0.1:4000')
const electron = assetBaseFor(false, 'folio-app://app')

describe('createAssetResolver', () => {
  it('resolves relative images against the article folder and /x against static/', () => {
    const resolve = createAssetResolver('content/posts/trip/index.md', browser)
    expect(resolve('cover.png', 'image')).toBe('/asset/content/posts/trip/cover.png')
    expect(resolve('./img/a%20b.png?x=1#y', 'image')).toBe('/asset/content/posts/trip/img/a%20b.png')
    expect(resolve('../shared/x.png', 'image')).toBe('/asset/content/posts/shared/x.png')
    expect(resolve('/img/logo.png', 'image')).toBe('/asset/static/img/logo.png')
    expect(resolve('caf%C3%A9.png', 'image')).toBe('/asset/content/posts/trip/caf%C3%A9.png')
  })

  it('uses the custom scheme in Electron and allows it in the frame CSP', () => {
    expect(createAssetResolver('posts/a.md', electron)('b.png', 'image')).toBe('folio-asset://root/posts/b.png')
    expect(electron.cspSource).toBe('folio-asset:')
    expect(browser.cspSource).toBe('http://127.0.0.1:4000')
  })

  it('leaves links, escapes above the folder and malformed URLs alone', () => {
    const resolve = createAssetResolver('posts/a.md', browser)
    expect(resolve('other.md', 'link')).toBeNull()
    expect(resolve('../../x.png', 'image')).toBeNull()
    expect(resolve('/../x.png', 'image')).toBeNull()
    expect(resolve('%E0%A4%A.png', 'image')).toBeNull()
    expect(resolve('a%5C..%5Cb.png', 'image')).toBeNull()
    expect(resolve('?x', 'image')).toBeNull()
  })
})

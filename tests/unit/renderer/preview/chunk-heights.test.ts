import { ChunkHeights, rawHeight, type ObserveSizes } from '../../../../src/renderer/preview/chunk-heights'
import { restoreBrokenImages } from '../../../../src/renderer/preview/broken-images'

/** A ResizeObserver stand-in: the test says when and what the browser reports. */
function fakeObserver(): { observe: ObserveSizes; observed: Set<Element>; report: (target: Element, blockSize: number, inlineSize?: number) => void } {
  const observed = new Set<Element>()
  let sink: ((target: Element, blockSize: number, inlineSize: number) => void) | null = null
  const observe: ObserveSizes = (report) => {
    sink = report
    return { observe: (target) => void observed.add(target), unobserve: (target) => void observed.delete(target), disconnect: () => observed.clear() }
  }
  return { observe, observed, report: (target, blockSize, inlineSize = 0) => sink?.(target, blockSize, inlineSize) }
}

/** A chunk of `paragraphs` paragraphs of `chars` characters each, on the page under `root`. */
function chunkOf(root: HTMLElement, paragraphs: number, chars: number): HTMLElement {
  const chunk = document.createElement('folio-chunk')
  for (let i = 0; i < paragraphs; i++) {
    const p = document.createElement('p')
    p.textContent = 'x'.repeat(chars)
    chunk.append(p)
  }
  root.append(chunk)
  return chunk
}

const given = (chunk: HTMLElement): number => Number(/^auto (\d+)px$/.exec(chunk.style.getPropertyValue('contain-intrinsic-size'))?.[1])

describe('the heights of chunks not yet shown', () => {
  it('grow as the pane narrows: a paragraph takes more lines', () => {
    const root = document.createElement('main')
    const chunk = chunkOf(root, 10, 300)
    expect(rawHeight(chunk, 300)).toBeGreaterThan(1.8 * rawHeight(chunk, 700))
    // NOTE: the text column is 44rem at most, so a wider pane does not make lines longer.
    expect(rawHeight(chunk, 1400)).toBe(rawHeight(chunk, 700))
  })

  it('learn from the chunks the browser shows: the unseen ones take the ratio of real to estimated height at that width', () => {
    const root = document.createElement('main')
    document.body.append(root)
    const sizes = fakeObserver()
    const heights = new ChunkHeights(root, sizes.observe)
    sizes.report(root, 0, 420)
    const chunks = [chunkOf(root, 20, 200), chunkOf(root, 20, 200), chunkOf(root, 20, 200)]
    for (const chunk of chunks) heights.estimate(chunk)
    const [first, second, third] = chunks.map(given)
    expect(first).toBe(Math.round(rawHeight(chunks[0], 420)))
    // The first chunk is shown: it is 1.4 times as tall as estimated, and stops being followed.
    sizes.report(chunks[0], first * 1.4)
    expect(sizes.observed.has(chunks[0])).toBe(false)
    expect(given(chunks[1])).toBe(Math.round(second * 1.4))
    expect(given(chunks[2])).toBe(Math.round(third * 1.4))
    // A report of the size it was given is the chunk still unseen; a report of the size given before is a late one.
    sizes.report(chunks[1], given(chunks[1]))
    sizes.report(chunks[2], third)
    expect(given(chunks[2])).toBe(Math.round(third * 1.4))
    // A chunk shown keeps its real height (contain-intrinsic-size: auto), whatever its content becomes.
    const shown = chunks[0].style.getPropertyValue('contain-intrinsic-size')
    chunks[0].append(document.createElement('p'))
    heights.estimate(chunks[0])
    expect(chunks[0].style.getPropertyValue('contain-intrinsic-size')).toBe(shown)
    // At another width nothing was learned yet but the nearest width's ratio; the unseen chunks are estimated again.
    sizes.report(root, 0, 700)
    expect(given(chunks[1])).toBe(Math.round(rawHeight(chunks[1], 700) * 1.4))
    heights.dispose()
    expect(sizes.observed.size).toBe(0)
    root.remove()
  })

  it('ignore a chunk built off the page (it reports 0) and forget chunks taken away', () => {
    const root = document.createElement('main')
    document.body.append(root)
    const sizes = fakeObserver()
    const heights = new ChunkHeights(root, sizes.observe)
    const fragment = document.createDocumentFragment()
    const chunk = document.createElement('folio-chunk')
    chunk.append(document.createElement('p'))
    fragment.append(chunk)
    heights.estimate(chunk)
    const before = given(chunk)
    sizes.report(chunk, 0)
    root.append(fragment)
    const other = chunkOf(root, 3, 50)
    heights.estimate(other)
    expect(given(other)).toBe(Math.round(rawHeight(other, Math.max(200, window.innerWidth - 60))))
    expect(given(chunk)).toBe(before)
    heights.forget(chunk)
    expect(sizes.observed.has(chunk)).toBe(false)
    heights.reset()
    expect([...sizes.observed]).toEqual([root])
    root.remove()
  })
})

describe('images that failed while their chunk was skipped', () => {
  it('get their box rebuilt when the chunk is shown: out of the layout tree for one pass, their attributes as they were', () => {
    const root = document.createElement('main')
    document.body.append(root)
    const chunk = chunkOf(root, 1, 10)
    const broken = document.createElement('img')
    broken.setAttribute('src', '/asset/x/missing.png')
    broken.setAttribute('alt', 'Missing')
    const styled = broken.cloneNode() as HTMLImageElement
    styled.setAttribute('style', 'display: block; width: 10px')
    chunk.firstElementChild!.append(broken, styled)
    // NOTE: jsdom loads no image and lays nothing out: `complete` with no picture is what a failed load leaves.
    for (const image of [broken, styled]) Object.defineProperty(image, 'complete', { value: true })
    const displays: string[] = []
    const rects = vi.spyOn(Element.prototype, 'getClientRects')
    rects.mockImplementation(function (this: Element) {
      displays.push(`${this.getAttribute('alt')}:${(this as HTMLElement).style.display}`)
      return [] as unknown as DOMRectList
    })
    const stop = restoreBrokenImages(document)
    const shown = Object.assign(new Event('contentvisibilityautostatechange'), { skipped: false })
    chunk.dispatchEvent(shown)
    expect(displays).toEqual(['Missing:', 'Missing:none', 'Missing:block', 'Missing:none'])
    expect(broken.hasAttribute('style')).toBe(false)
    expect(styled.getAttribute('style')).toBe('display: block; width: 10px;')
    // Skipped again, or an event of something else: nothing is done.
    displays.length = 0
    chunk.dispatchEvent(Object.assign(new Event('contentvisibilityautostatechange'), { skipped: true }))
    root.dispatchEvent(Object.assign(new Event('contentvisibilityautostatechange'), { skipped: false }))
    stop()
    chunk.dispatchEvent(Object.assign(new Event('contentvisibilityautostatechange'), { skipped: false }))
    expect(displays).toEqual([])
    rects.mockRestore()
    root.remove()
  })
})

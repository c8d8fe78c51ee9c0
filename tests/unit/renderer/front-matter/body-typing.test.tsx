import '../dom-shims'
import { act } from '@testing-library/react'
import { FrontMatterForm } from '@renderer/components/front-matter/FrontMatterForm'
import { frontMatterOf } from '@renderer/editor/extensions/front-matter-state'
import { renderApp, openArticle, form } from '../render-app'
import { helloText } from '../fixtures'

/** A fiber of React's current tree: the fields read here have kept their names since React 16. */
interface Fiber {
  child: Fiber | null
  sibling: Fiber | null
  elementType: unknown
  memoizedProps: unknown
  stateNode: unknown
}

/**
 * The props the mounted front-matter form last rendered with, from React's current tree. NOTE: a memoised component
 * that skips a render keeps its last props object; every render takes a new one, so the object says whether it ran.
 */
function formProps(container: HTMLElement): unknown {
  const key = Object.keys(container).find((k) => k.startsWith('__reactContainer$'))
  const root = key === undefined ? undefined : (container as unknown as Record<string, Fiber>)[key]
  const current = (root?.stateNode as { current?: Fiber } | undefined)?.current ?? null
  const stack: Fiber[] = current === null ? [] : [current]
  const found: Fiber[] = []
  while (stack.length > 0) {
    const fiber = stack.pop() as Fiber
    if (fiber.elementType === FrontMatterForm) found.push(fiber)
    if (fiber.sibling) stack.push(fiber.sibling)
    if (fiber.child) stack.push(fiber.child)
  }
  expect(found).toHaveLength(1)
  return found[0]?.memoizedProps
}

describe('typing in the body', () => {
  beforeEach(() => localStorage.clear())

  it('neither parses the front matter again nor renders the form again, even as the article becomes unsaved', async () => {
    const { container } = renderApp()
    const view = await openArticle('Hello world', helloText)
    const parsed = frontMatterOf(view.state)
    const props = formProps(container)
    for (const [i, key] of [...'Typing in the body.'].entries()) {
      act(() => view.dispatch({ changes: { from: view.state.doc.length, insert: key }, userEvent: 'input.type' }))
      if (i === 0) expect(document.title.startsWith('• ')).toBe(true)
    }
    expect(view.state.doc.toString().endsWith('Typing in the body.')).toBe(true)
    expect(frontMatterOf(view.state)).toBe(parsed)
    expect(formProps(container)).toBe(props)
    // The form still follows an edit of the block.
    act(() => view.dispatch({ changes: { from: helloText.indexOf('world'), insert: 'new ' }, userEvent: 'input.type' }))
    expect(formProps(container)).not.toBe(props)
    expect(form().querySelector('input')?.value).toBe('Hello new world')
  })
})

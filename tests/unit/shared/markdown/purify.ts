import createDOMPurify, { type DOMPurify } from 'dompurify'

/**
 * DOMPurify over the test's jsdom window. Test files importing this start with `@vitest-environment jsdom`
 * (jsdom ships no types, and a real DOM is what the CLI would hand to DOMPurify too).
 */
export const purify: DOMPurify = createDOMPurify(window)

/** Parses HTML the way the preview will (innerHTML into a fresh element) and returns that element. */
export function parse(html: string): Element {
  const host = document.createElement('div')
  host.innerHTML = html
  return host
}

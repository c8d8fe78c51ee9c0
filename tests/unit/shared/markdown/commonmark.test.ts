import { renderMarkdown } from '@shared/markdown'
import { commonmarkCases } from './commonmark-cases'

/** Drops what Folio adds on purpose (source lines, heading ids) and markdown-it's HTML (not XHTML) void tags. */
function comparable(html: string): string {
  return html.replace(/ data-source-line="\d+"/g, '').replace(/(<h\d) id="[^"]*"/g, '$1')
}

describe('CommonMark spec examples', () => {
  it.each(commonmarkCases)('example %i', (_n, markdown, expected) => {
    expect(comparable(renderMarkdown(markdown).html)).toBe(expected.replace(/ \/>/g, '>'))
  })
})

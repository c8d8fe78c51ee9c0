import type { BlockContext, Element, Line, MarkdownConfig } from '@lezer/markdown'
import { styleTags, tags } from '@lezer/highlight'

const keyPattern = /^(\s*)(["']?[\w.-]+["']?)\s*[:=]/

/**
 * A Markdown parser extension that reads a front-matter block (`---` or `+++` fences on the first line) as one
 * `FrontMatter` node, so its lines are not highlighted as Markdown (a YAML `# comment` is no heading). Keys and
 * fences get their own nodes for highlighting. An unclosed block runs to the end, which shows it is unclosed.
 */
export const frontMatterSyntax: MarkdownConfig = {
  defineNodes: [{ name: 'FrontMatter', block: true }, 'FrontMatterMark', 'FrontMatterKey'],
  parseBlock: [
    {
      name: 'FrontMatter',
      before: 'HorizontalRule',
      parse: (cx, line) => parseFrontMatterBlock(cx, line),
    },
  ],
  props: [
    styleTags({
      FrontMatter: tags.meta,
      FrontMatterMark: tags.processingInstruction,
      FrontMatterKey: tags.propertyName,
    }),
  ],
}

function parseFrontMatterBlock(cx: BlockContext, line: Line): boolean {
  const fence = line.text.trimEnd()
  if (cx.lineStart !== 0 || (fence !== '---' && fence !== '+++')) return false
  const children: Element[] = [cx.elt('FrontMatterMark', 0, fence.length)]
  let end = line.text.length
  while (cx.nextLine()) {
    const from = cx.lineStart
    end = from + line.text.length
    if (line.text.trimEnd() === fence) {
      children.push(cx.elt('FrontMatterMark', from, from + fence.length))
      cx.nextLine()
      break
    }
    const key = keyPattern.exec(line.text)
    if (key) children.push(cx.elt('FrontMatterKey', from + key[1].length, from + key[1].length + key[2].length))
  }
  cx.addElement(cx.elt('FrontMatter', 0, end, children))
  return true
}

import type { MarkdownIt, StateCore, Token } from 'markdown-it'

const TASK = /^\[([ xX])\][ \t]/

function makeCheckbox(state: StateCore, isChecked: boolean): Token {
  const token = new state.Token('html_inline', '', 0)
  token.content = `<input${isChecked ? ' checked=""' : ''} disabled="" type="checkbox"> `
  return token
}

function convert(state: StateCore): void {
  const tokens = state.tokens
  for (let i = 2; i < tokens.length; i++) {
    const inline = tokens[i]
    const first = inline?.children?.[0]
    if (inline?.type !== 'inline' || tokens[i - 1]?.type !== 'paragraph_open' || tokens[i - 2]?.type !== 'list_item_open') continue
    const match = first?.type === 'text' ? TASK.exec(first.content) : null
    if (!first || !match) continue
    first.content = first.content.slice(match[0].length)
    inline.children?.unshift(makeCheckbox(state, match[1] !== ' '))
    tokens[i - 2]?.attrJoin('class', 'task-list-item')
  }
}

/** A markdown-it plugin for GFM task list items (`- [ ] todo`, `- [x] done`), rendered like Goldmark: a disabled checkbox. */
export function taskListPlugin(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'gfm_task_lists', convert)
}

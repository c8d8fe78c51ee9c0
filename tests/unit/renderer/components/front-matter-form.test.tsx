import '../dom-shims'
import { useState } from 'react'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { applyChanges, parseFrontMatter, setValue } from '@shared/front-matter'
import { Text } from '@codemirror/state'
import { FrontMatterForm } from '@renderer/components/front-matter/FrontMatterForm'
import { rawValueText } from '@renderer/components/front-matter/raw-value'

const source = `---
title: Plain title
summary: Short.
weight: 10
draft: true
tags: [a, b]
menu:
  main:
    weight: 5
---
Body
`

/** The form over a text that re-derives after every edit, like the editor does. */
function Harness({ initial, onText }: { initial: string; onText: (text: string) => void }) {
  const [text, setText] = useState(initial)
  return (
    <FrontMatterForm
      frontMatter={parseFrontMatter(text)}
      isReadOnly={false}
      readRaw={(from, to) => rawValueText(Text.of(text.split('\n')), from, to)}
      onChange={(key, value) => {
        const result = setValue(text, [key], value)
        if (!result.ok) throw new Error(result.error.message)
        const next = applyChanges(text, result.value)
        setText(next)
        onText(next)
      }}
    />
  )
}

function setup() {
  const texts: string[] = []
  render(<Harness initial={source} onText={(t) => texts.push(t)} />)
  return { texts, form: screen.getByRole('form', { name: 'Front matter' }), user: userEvent.setup() }
}

describe('FrontMatterForm', () => {
  it('labels each field with its key and picks a widget per kind, in file order', () => {
    const { form } = setup()
    const labels = within(form).getAllByText(/^(title|summary|weight|draft|tags|menu)$/).map((l) => l.textContent)
    expect(labels).toEqual(['title', 'summary', 'weight', 'draft', 'tags', 'menu'])
    expect(within(form).getByLabelText('summary').tagName).toBe('TEXTAREA')
    expect(within(form).getByLabelText<HTMLInputElement>('draft').type).toBe('checkbox')
    expect(within(form).getByLabelText<HTMLTextAreaElement>('menu').readOnly).toBe(true)
    expect(within(form).getByLabelText('menu').textContent).toBe('main:\n  weight: 5')
  })

  it('keeps focus and caret while typing, and each keystroke edits only the title line', async () => {
    const { form, texts, user } = setup()
    const title = within(form).getByLabelText<HTMLInputElement>('title')
    await user.click(title)
    await user.keyboard('{End}!!')
    expect(document.activeElement).toBe(title)
    expect(title.value).toBe('Plain title!!')
    const last = texts.at(-1) ?? ''
    expect(last.split('\n').filter((line, i) => line !== source.split('\n')[i])).toEqual([last.split('\n')[1]])
    expect(parseFrontMatter(last).data.title).toBe('Plain title!!')
  })

  it('keeps a half-typed number in the input', async () => {
    const { form, texts, user } = setup()
    const weight = within(form).getByLabelText<HTMLInputElement>('weight')
    await user.clear(weight)
    await user.type(weight, '2.')
    expect(weight.value).toBe('2.')
    await user.type(weight, '5')
    expect(parseFrontMatter(texts.at(-1) ?? '').data.weight).toBe(2.5)
  })

  it('adds a chip with Enter and removes one with its button', async () => {
    const { form, texts, user } = setup()
    await user.type(within(form).getByLabelText('tags'), 'c{Enter}')
    expect(parseFrontMatter(texts.at(-1) ?? '').data.tags).toEqual(['a', 'b', 'c'])
    await user.click(within(form).getByRole('button', { name: 'Remove a' }))
    expect(parseFrontMatter(texts.at(-1) ?? '').data.tags).toEqual(['b', 'c'])
  })
})

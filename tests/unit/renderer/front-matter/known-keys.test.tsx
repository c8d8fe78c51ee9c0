import { within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { parseFrontMatter } from '@shared/front-matter'
import { widgetFor } from '@shared/front-matter/schema-widget'
import { schemaOf, setup } from './harness'

// NOTE: a site without drafts, weights or dates: nothing in the folder says what these keys hold.
const folder = ['---\ntitle: A\nsidebar: left\n---\n', '---\ntitle: B\nsidebar: right\n---\n']

describe("Hugo's known keys get Hugo's types without any folder hint", () => {
  it('picks the widget from the rulebook for a key with no value to go by, in any case', () => {
    const schema = schemaOf(folder)
    const field = (key: string) => schema.fields.find((f) => f.key === key)
    const widgets = Object.fromEntries(['draft', 'Headless', 'date', 'publishDate', 'expiryDate', 'lastmod', 'pubdate', 'weight', 'tags', 'categories', 'keywords', 'aliases', 'sidebar'].map((k) => [k, widgetFor(k, undefined, field(k))]))
    expect(widgets).toEqual({
      draft: 'boolean', Headless: 'boolean', date: 'datetime', publishDate: 'datetime', expiryDate: 'datetime', lastmod: 'datetime', pubdate: 'datetime',
      weight: 'number', tags: 'tags', categories: 'tags', keywords: 'tags', aliases: 'tags', sidebar: 'text',
    })
    expect(widgetFor('draft', null, undefined)).toBe('boolean')
  })

  it('adds draft as a switch (draft: false), weight as a number and aliases as a list, never as empty text', async () => {
    const { form, last, user } = setup('---\ntitle: T\n---\nBody\n', schemaOf(folder))
    for (const key of ['draft', 'weight', 'aliases']) {
      await user.click(within(form).getByRole('button', { name: 'Add field' }))
      await user.type(within(form).getByRole('combobox', { name: 'New field' }), `${key}{Enter}`)
    }
    expect(parseFrontMatter(last()).data).toEqual({ title: 'T', draft: false, weight: 0, aliases: [] })
    expect(last()).not.toContain('draft: ""')
    expect(within(form).getByRole('switch', { name: 'draft' })).toBeTruthy()
  })

  it('shows an empty draft: as a switch', () => {
    const { form } = setup('---\ntitle: T\ndraft:\n---\n', schemaOf(folder))
    expect(within(form).getByRole('switch', { name: 'draft' })).toBeTruthy()
  })

  it('knows the depth: a nested params.draft (or date, weight) is not Hugo\'s key, so it is no switch', () => {
    expect(widgetFor('draft', null, undefined, false)).toBe('text')
    expect(widgetFor('date', undefined, undefined, false)).not.toBe('datetime')
    const { form } = setup('---\ntitle: T\nparams:\n  draft:\n  weight:\n---\n', schemaOf(folder))
    expect(within(form).queryByRole('switch', { name: 'draft' })).toBeNull()
    expect(within(form).getByRole('textbox', { name: 'draft' })).toBeTruthy()
  })
})

describe('a duplicate key in the form', () => {
  it('says under the field that Hugo reads the last one and that editing it changes that one only', async () => {
    const text = '---\ntitle: first\ndate: 2024-01-01\ntitle: second\n---\nBody\n'
    const { form, last, user } = setup(text)
    const input = within(form).getByLabelText<HTMLInputElement>('title')
    expect(input.value).toBe('second')
    const notes = document.getElementById(input.getAttribute('aria-describedby')?.split(' ')[0] ?? '')?.textContent ?? ''
    expect(notes).toContain('title is also written on line 2; Hugo reads this last one, and editing here changes only this one')
    await user.clear(input)
    await user.type(input, 'third')
    expect(last()).toBe('---\ntitle: first\ndate: 2024-01-01\ntitle: third\n---\nBody\n')
  })
})

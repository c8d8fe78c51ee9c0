import { fireEvent, within } from '@testing-library/react'
import { parseFrontMatter } from '@shared/front-matter'
import { changedLines, schemaOf, setup } from './harness'

const folder = [
  '---\nsidebar: right\nwidgets: [search, recent]\ntags: [hugo, go]\n---\n',
  '---\nsidebar: left\nwidgets: [search, taglist]\ntags: [hugo, writing]\n---\n',
]

const article = `---
title: "Hello"
date: "2025-02-11 17:15:27"
sidebar: "right"
widgets:
  - "search"
tags:
  - "hugo"
menu:
  main:
    name: "Nested"
    weight: 5
thumbnail:
  src: "img/logo.png"
  visibility:
    - list
authors:
  - name: Ann
    email: ann@example.org
matrix: [[1, 2], [3]]
---
Body
`

describe('front-matter widgets', () => {
  it('date picker: writes the picked time in the file layout and quoting, and names the time zone', () => {
    const { form, last } = setup(article, schemaOf(folder, {}, 'Europe/Oslo'))
    const picker = within(form).getByLabelText<HTMLInputElement>('date')
    expect(picker.type).toBe('datetime-local')
    expect(picker.value).toMatch(/^2025-02-11T17:15:27/)
    fireEvent.change(picker, { target: { value: '2025-03-01T08:05:09' } })
    expect(changedLines(article, last())).toEqual(['date: "2025-03-01 08:05:09"'])
    expect(within(form).getByText('Time zone: Europe/Oslo (site timeZone)')).toBeTruthy()
  })

  it('date field: a date-only value gets a date picker; a written offset is the zone shown', () => {
    const { form, last } = setup('---\ndate: 2024-05-06\nlastmod: 2024-05-06T10:00:00+02:00\n---\n')
    const picker = within(form).getByLabelText<HTMLInputElement>('date')
    expect(picker.type).toBe('date')
    fireEvent.change(picker, { target: { value: '2024-06-07' } })
    expect(last()).toBe('---\ndate: 2024-06-07\nlastmod: 2024-05-06T10:00:00+02:00\n---\n')
    expect(within(form).getByText('Time zone: UTC+02:00 (written)')).toBeTruthy()
    fireEvent.change(within(form).getByLabelText('lastmod'), { target: { value: '2024-05-07T11:30:00' } })
    expect(parseFrontMatter(last()).data.lastmod).toBe('2024-05-07T11:30:00+02:00')
  })

  it('chips: buttons named by value with Remove controls, and folder suggestions', async () => {
    const { form, last, user } = setup(article, schemaOf(folder))
    expect(within(form).getByRole('button', { name: 'hugo' })).toBeTruthy()
    const input = within(form).getByLabelText('tags')
    const listId = input.getAttribute('list') ?? ''
    expect([...(document.getElementById(listId)?.querySelectorAll('option') ?? [])].map((o) => o.value)).toEqual(['go', 'writing'])
    await user.type(input, 'go{Enter}')
    expect(changedLines(article, last())).toEqual(['  - "go"'])
    await user.click(within(form).getByRole('button', { name: 'Remove hugo' }))
    expect(parseFrontMatter(last()).data.tags).toEqual(['go'])
    within(form).getByRole('button', { name: 'go' }).focus()
    await user.keyboard('{Delete}')
    expect(parseFrontMatter(last()).data.tags).toEqual([])
  })

  it('select: a small repeated set from the folder becomes a select', async () => {
    const { form, last, user } = setup(article, schemaOf([...folder, article]))
    const select = within(form).getByLabelText<HTMLSelectElement>('sidebar')
    expect(select.tagName).toBe('SELECT')
    expect([...select.options].map((o) => o.textContent)).toEqual(['right', 'left', 'Other…'])
    expect(within(form).getAllByText('from 3 articles').length).toBeGreaterThan(0)
    await user.selectOptions(select, 'left')
    expect(changedLines(article, last())).toEqual(['sidebar: "left"'])
    await user.selectOptions(select, 'Other…')
    const text = within(form).getByLabelText<HTMLInputElement>('sidebar')
    expect(text.tagName).toBe('INPUT')
    await user.clear(text)
    await user.type(text, 'top')
    expect(changedLines(article, last())).toEqual(['sidebar: "top"'])
  })

  it('select: explicit choices win, and a value outside them is flagged', () => {
    const schema = schemaOf(folder, { sidebar: { widget: 'select', choices: ['left', 'right', 'none'], isRequired: true, source: 'frontmatter.json' } })
    const { form } = setup(article.replace('sidebar: "right"', 'sidebar: "top"'), schema)
    const select = within(form).getByLabelText<HTMLSelectElement>('sidebar')
    expect([...select.options].map((o) => o.textContent)).toEqual(['top', 'left', 'right', 'none', 'Other…'])
    expect(within(form).getByText('"top" is not one of left, right, none')).toBeTruthy()
  })

  it('multi-select: checkboxes named by choice inside a group named by the key', async () => {
    const { form, last, user } = setup(article, schemaOf(folder))
    const group = within(form).getByRole('group', { name: 'widgets' })
    expect(within(group).getAllByRole('checkbox').map((c) => c.parentElement?.textContent)).toEqual(['search', 'recent', 'taglist'])
    await user.click(within(group).getByRole('checkbox', { name: 'taglist' }))
    expect(changedLines(article, last())).toEqual(['  - "taglist"'])
  })

  it('nested object: a collapsible group whose member edits change only that line', async () => {
    const { form, last, user } = setup(article)
    const menu = within(form).getByRole('group', { name: 'menu' })
    const main = within(menu).getByRole('group', { name: 'main' })
    const weight = within(main).getByLabelText('weight')
    await user.clear(weight)
    await user.type(weight, '7')
    expect(changedLines(article, last())).toEqual(['    weight: 7'])
    const thumbnail = within(form).getByRole('group', { name: 'thumbnail' })
    fireEvent.change(within(thumbnail).getByLabelText('src'), { target: { value: 'img/new.png' } })
    expect(parseFrontMatter(last()).data.thumbnail).toEqual({ src: 'img/new.png', visibility: ['list'] })
    const toggle = within(form).getByRole('button', { name: 'menu' })
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    await user.click(toggle)
    expect(within(form).queryByRole('group', { name: 'menu' })).toBeNull()
  })

  it('list of objects: one group per item, with add and remove', async () => {
    const { form, last, user } = setup(article)
    const authors = within(form).getByRole('group', { name: 'authors' })
    fireEvent.change(within(within(authors).getByRole('group', { name: 'authors 1' })).getByLabelText('name'), { target: { value: 'Anne' } })
    expect(changedLines(article, last())).toEqual(['  - name: Anne'])
    await user.click(within(authors).getByRole('button', { name: 'Add item to authors' }))
    expect(parseFrontMatter(last()).data.authors).toEqual([{ name: 'Anne', email: 'ann@example.org' }, { name: '', email: '' }])
    await user.click(within(form).getByRole('button', { name: 'Remove authors 2' }))
    expect(parseFrontMatter(last()).data.authors).toEqual([{ name: 'Anne', email: 'ann@example.org' }])
  })

  it('raw fallback: edits the value text, writing only when it parses, never losing the value', () => {
    const { form, last, texts } = setup(article)
    const raw = within(form).getByLabelText<HTMLTextAreaElement>('matrix')
    expect(raw.value).toBe('[[1, 2], [3]]')
    fireEvent.change(raw, { target: { value: '[[1, 2], [3' } })
    expect(texts).toHaveLength(0)
    expect(within(form).getByText(/Not saved into the front matter yet/)).toBeTruthy()
    fireEvent.change(raw, { target: { value: '[[1, 2], [3, 4]]' } })
    expect(parseFrontMatter(last()).data.matrix).toEqual([[1, 2], [3, 4]])
    expect(changedLines(article, last())).toHaveLength(1)
  })

  it('raw fallback in TOML: the value in TOML syntax, written back in place with the rest untouched', () => {
    const toml = '+++\ntitle = "T" # kept\nmatrix = [[1, 2], [3]]\n\n[params]\nsidebar = "right"\n+++\nBody\n'
    const { form, last, texts } = setup(toml)
    const raw = within(form).getByLabelText<HTMLTextAreaElement>('matrix')
    expect(raw.value).toBe('[[1, 2], [3]]')
    fireEvent.change(raw, { target: { value: '[[1, 2], [3' } })
    expect(texts).toHaveLength(0)
    fireEvent.change(raw, { target: { value: '[[1, 2], [3, 4]]' } })
    expect(parseFrontMatter(last()).data).toEqual({ title: 'T', matrix: [[1, 2], [3, 4]], params: { sidebar: 'right' } })
    expect(changedLines(toml, last())).toHaveLength(1)
    expect(last()).toContain('title = "T" # kept\n')
  })

  it('shows a date Hugo drops beside the field, and a kind unlike the folder', () => {
    const folderWeights = ['---\nweight: 1\n---\n', '---\nweight: 2\n---\n', '---\nweight: 3\n---\n']
    const { form } = setup('---\ndate: Feb 11, 2025\nweight: heavy\n---\n', schemaOf(folderWeights))
    const dateNotes = within(form).getByLabelText('date').getAttribute('aria-describedby') ?? ''
    expect(document.getElementById(dateNotes.split(' ')[0] ?? '')?.textContent).toMatch(/Hugo does not read "Feb 11, 2025" as a date/)
    expect(within(form).getByText('3 of 3 articles have a number here')).toBeTruthy()
  })

  it('shows YAML 1.1 traps and "from N articles" beside the field', () => {
    const { form } = setup('---\ncountry: no\ntags: [a]\n---\n', schemaOf(folder))
    const notes = within(form).getByLabelText('country').getAttribute('aria-describedby') ?? ''
    expect(document.getElementById(notes)?.textContent).toMatch(/YAML 1\.1|false|boolean/i)
    expect(within(form).getByText('from 2 articles')).toBeTruthy()
  })

  it('number field: shows and writes a number a double cannot hold exactly as typed', () => {
    const text = '---\nbig: 12345678901234567890\nw: 5\n---\nBody\n'
    const { form, last } = setup(text)
    const input = within(form).getByLabelText<HTMLInputElement>('big')
    expect(input.value).toBe('12345678901234567890')
    fireEvent.change(input, { target: { value: '12345678901234567891' } })
    expect(last()).toBe(text.replace('12345678901234567890', '12345678901234567891'))
    fireEvent.change(within(form).getByLabelText<HTMLInputElement>('w'), { target: { value: '9007199254740993' } })
    expect(last()).toBe(text.replace('12345678901234567890', '12345678901234567891').replace('w: 5', 'w: 9007199254740993'))
  })

  it('writes a number typed inside a group or a list of groups exactly as typed', () => {
    const text = '---\nparams:\n  count: 5\n  name: a\n  big: 12345678901234567890\nlinks:\n  - id: 1\n  - id: 2\n---\nBody\n'
    const { form, last } = setup(text)
    expect(within(within(form).getByRole('group', { name: 'params' })).getByLabelText<HTMLInputElement>('big').value).toBe('12345678901234567890')
    const count = within(within(form).getByRole('group', { name: 'params' })).getByLabelText<HTMLInputElement>('count')
    fireEvent.change(count, { target: { value: '12345678901234567891' } })
    const afterCount = text.replace('count: 5', 'count: 12345678901234567891')
    expect(last()).toBe(afterCount)
    const second = within(within(form).getByRole('group', { name: 'links 2' })).getByLabelText<HTMLInputElement>('id')
    fireEvent.change(second, { target: { value: '9007199254740993' } })
    expect(last()).toBe(afterCount.replace('id: 2', 'id: 9007199254740993'))
  })
})

import { within } from '@testing-library/react'
import { parseFrontMatter } from '@shared/front-matter'
import { changedLines, schemaOf, setup } from './harness'

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

describe('FrontMatterForm', () => {
  it('labels each field with its key and picks a widget per kind, in file order', () => {
    const { form } = setup(source)
    const labels = [...form.querySelectorAll(':scope > .field-row > .field-head > .field-label')].map((l) => l.textContent?.replace(/[▾▸]/, ''))
    expect(labels).toEqual(['title', 'summary', 'weight', 'draft', 'tags', 'menu'])
    expect(within(form).getByLabelText('summary').tagName).toBe('TEXTAREA')
    expect(within(form).getByRole('switch', { name: 'draft' })).toBeTruthy()
    expect(within(form).getByRole('group', { name: 'menu' })).toBeTruthy()
    expect(within(form).getByRole('button', { name: 'Add field' })).toBeTruthy()
  })

  it('keeps focus and caret while typing, and each keystroke edits only the title line', async () => {
    const { form, last, user } = setup(source)
    const title = within(form).getByLabelText<HTMLInputElement>('title')
    await user.click(title)
    await user.keyboard('{End}!!')
    expect(document.activeElement).toBe(title)
    expect(title.value).toBe('Plain title!!')
    expect(changedLines(source, last())).toEqual(['title: Plain title!!'])
  })

  it('keeps a half-typed number in the input', async () => {
    const { form, last, user } = setup(source)
    const weight = within(form).getAllByLabelText<HTMLInputElement>('weight')[0]
    await user.clear(weight)
    await user.type(weight, '2.')
    expect(weight.value).toBe('2.')
    await user.type(weight, '5')
    expect(parseFrontMatter(last()).data.weight).toBe(2.5)
  })

  it('toggles a boolean switch with the keyboard', async () => {
    const { form, last, user } = setup(source)
    within(form).getByRole('switch', { name: 'draft' }).focus()
    await user.keyboard(' ')
    expect(changedLines(source, last())).toEqual(['draft: false'])
  })

  it('removes a field and renames a key through the engine', async () => {
    const { form, last, user } = setup(source)
    await user.click(within(form).getByRole('button', { name: 'Remove field summary' }))
    expect(last()).toBe(source.replace('summary: Short.\n', ''))
    await user.click(within(form).getByRole('button', { name: 'Rename title' }))
    const box = within(form).getByRole('textbox', { name: 'New name for title' })
    await user.clear(box)
    await user.type(box, 'linkTitle{Enter}')
    expect(last()).toBe(source.replace('summary: Short.\n', '').replace('title: Plain', 'linkTitle: Plain'))
  })

  it('adds a field from the suggestions (folder keys first, then Hugo reserved keys)', async () => {
    const schema = schemaOf(['---\nsidebar: left\n---\n', '---\nsidebar: right\n---\n'])
    const { form, last, user } = setup(source, schema)
    await user.click(within(form).getByRole('button', { name: 'Add field' }))
    const name = within(form).getByRole('combobox', { name: 'New field' })
    const options = [...form.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'))
    expect(options.slice(0, 2)).toEqual(['sidebar', 'date'])
    expect(options).toContain('lastmod')
    expect(options).toContain('aliases')
    expect(options).not.toContain('title')
    await user.type(name, 'description{Enter}')
    expect(parseFrontMatter(last()).data.description).toBe('')
    expect(within(form).getByLabelText('description').tagName).toBe('TEXTAREA')
  })

  it('says whether Hugo will build the page and why not', () => {
    const { form } = setup(source)
    expect(within(form).getByRole('status').textContent).toBe("Hugo: won't build (draft is true)")
    document.body.innerHTML = ''
    const later = setup('---\ntitle: x\npublished: 2027-05-01\nunpublishdate: 2025-01-01\n---\n')
    expect(within(later.form).getByRole('status').textContent).toBe("Hugo: won't build (unpublishdate has passed; published is in the future)")
    expect(within(later.form).getByText('Hugo reads this as publishDate')).toBeTruthy()
    expect(within(later.form).getByText('Hugo reads this as expiryDate')).toBeTruthy()
    document.body.innerHTML = ''
    expect(within(setup('---\ntitle: x\ndate: 2025-01-01\n---\n').form).getByRole('status').textContent).toBe('Hugo: will build')
  })

  it('names missing required keys and broken schema files', () => {
    const schema = { ...schemaOf([], { author: { isRequired: true, source: '.folio/schema.json' } }), problems: [{ file: 'frontmatter.json', message: 'not valid JSON' }] }
    const { form } = setup(source, schema)
    expect(within(form).getByText('Missing required: author')).toBeTruthy()
    expect(within(form).getByText('frontmatter.json is ignored: not valid JSON')).toBeTruthy()
  })

  it('says why the site config could not be used (dates in UTC)', () => {
    const message = '"../hugo.toml" is not a regular file (a FIFO, socket or device); Folio does not open it. Dates are read in UTC (Hugo\'s default).'
    const schema = { ...schemaOf([], {}), problems: [{ file: '../hugo.toml', message, isSiteConfig: true }] }
    const { form } = setup(source, schema)
    expect(within(form).getByText(`Site config: ${message}`)).toBeTruthy()
  })

  it('shows the errors of a block that does not parse instead of fields', () => {
    const { form } = setup('---\ntitle: [unclosed\n---\n')
    expect(within(form).getByRole('alert').textContent).toMatch(/line \d+:\d+/)
    expect(within(form).queryByRole('button', { name: 'Add field' })).toBeNull()
  })
})

import { describe, expect, it } from 'vitest'
import { readFrontMatterData } from '@shared/front-matter'
import { dateLayoutOf, SchemaAccumulator } from '@shared/front-matter/schema-infer'
import { hugoAliasOf } from '@shared/front-matter/schema-hugo'
import { hugoVerdict, readHugoPage } from '@shared/hugo'
import type { FrontMatterValue } from '@shared/front-matter/types'

const hugoBuildVerdict = (data: Record<string, FrontMatterValue>, now: Date) => {
  const verdict = hugoVerdict(readHugoPage(Object.entries(data).map(([key, value]) => ({ key, value })), 'yaml'), now.getTime())
  return { willBuild: verdict.status === 'published', reasons: verdict.reasons }
}
import { fieldProblems, missingRequired } from '@shared/front-matter/schema-validate'
import { emptyValueFor, widgetFor } from '@shared/front-matter/schema-widget'
import { parseFolioSchema, parseFrontMatterCmsConfig, withExplicitFields } from '@shared/front-matter/schema-explicit'

function schemaOf(texts: string[]) {
  const acc = new SchemaAccumulator()
  for (const t of texts) acc.add(readFrontMatterData(t).data)
  return acc.finish()
}

describe('schema inference', () => {
  it('names Go layouts of written dates', () => {
    expect(dateLayoutOf('2025-02-11')).toBe('2006-01-02')
    expect(dateLayoutOf('2025-02-11 17:15:27')).toBe('2006-01-02 15:04:05')
    expect(dateLayoutOf('2025-02-11T17:15:27.120+01:00')).toBe('2006-01-02T15:04:05.000-07:00')
    expect(dateLayoutOf('2025-02-11T17:15:27Z')).toBe('2006-01-02T15:04:05Z07:00')
    expect(dateLayoutOf('Feb 11, 2025')).toBeNull()
  })

  it('counts a value once per article and gives up on open-ended keys', () => {
    const texts = Array.from({ length: 70 }, (_, i) => `---\ntitle: Post ${i}\ntags: [a, a, b]\n---\n`)
    const schema = schemaOf(texts)
    expect(schema.fields.find((f) => f.key === 'title')?.values).toBeNull()
    expect(schema.fields.find((f) => f.key === 'tags')?.values).toEqual([{ value: 'a', count: 70 }, { value: 'b', count: 70 }])
  })

  it('picks widgets from values and the folder', () => {
    const schema = schemaOf(['---\nsidebar: left\nwidgets: [a]\ntags: [x]\n---\n', '---\nsidebar: left\nwidgets: [a, b]\ntags: [x]\n---\n'])
    const field = (k: string) => schema.fields.find((f) => f.key === k)
    expect(widgetFor('sidebar', 'left', field('sidebar'))).toBe('select')
    expect(widgetFor('widgets', ['a'], field('widgets'))).toBe('multi-select')
    expect(widgetFor('tags', ['x'], field('tags'))).toBe('tags')
    expect(widgetFor('title', 'left', { ...field('sidebar')!, key: 'title' })).toBe('text')
    expect(widgetFor('date', '2025-01-01', undefined)).toBe('date')
    expect(widgetFor('date', '2025-01-01 10:00:00', undefined)).toBe('datetime')
    expect(widgetFor('summary', 'x', undefined)).toBe('long-text')
    expect(widgetFor('menu', { main: { weight: 1 } }, undefined)).toBe('object')
    expect(widgetFor('authors', [{ name: 'a' }], undefined)).toBe('objects')
    expect(widgetFor('mixed', [1, 'a'], undefined)).toBe('raw')
    expect(widgetFor('sidebar', undefined, field('sidebar'))).toBe('select')
    expect(emptyValueFor('tags')).toEqual([])
  })

  it('lets an explicit widget win when the value fits it', () => {
    const explicit = parseFolioSchema({ fields: { rating: { type: 'select', choices: ['1', '2'] }, flag: { type: 'number' } } })
    if (!explicit.ok) throw new Error(explicit.message)
    const schema = withExplicitFields(schemaOf(['---\nrating: "3"\nflag: yes-please\n---\n']), explicit.fields)
    const field = (k: string) => schema.fields.find((f) => f.key === k)
    expect(widgetFor('rating', '3', field('rating'))).toBe('select')
    expect(widgetFor('flag', 'yes-please', field('flag'))).toBe('text')
    expect(fieldProblems('rating', '3', field('rating'), 1)).toEqual(['"3" is not one of 1, 2'])
    expect(fieldProblems('flag', 'yes-please', field('flag'), 1)).toEqual(['.folio/schema.json says this is a number'])
  })

  it('reads Front Matter CMS content types', () => {
    const parsed = parseFrontMatterCmsConfig({ 'frontMatter.taxonomy.contentTypes': [{ name: 'default', fields: [{ name: 'title', type: 'string', required: true }, { name: 'pub', type: 'datetime' }] }] })
    if (!parsed.ok) throw new Error(parsed.message)
    expect(Object.fromEntries(parsed.fields)).toEqual({ title: { widget: 'text', isRequired: true, source: 'frontmatter.json' }, pub: { widget: 'datetime', source: 'frontmatter.json' } })
    expect(missingRequired(withExplicitFields(schemaOf([]), parsed.fields), {})).toEqual(['title'])
    expect(parseFrontMatterCmsConfig([]).ok).toBe(false)
  })

  it('flags a kind unlike most of the folder', () => {
    const schema = schemaOf(['---\nweight: 1\n---\n', '---\nweight: 2\n---\n', '---\nweight: 3\n---\n'])
    expect(fieldProblems('weight', 'heavy', schema.fields[0], 3)).toEqual(['3 of 3 articles have a number here'])
    expect(fieldProblems('weight', 4, schema.fields[0], 3)).toEqual([])
  })
})

describe('Hugo awareness', () => {
  const now = new Date('2026-01-01T00:00:00Z')
  it('builds unless draft, future or expired, with aliases', () => {
    expect(hugoBuildVerdict({ title: 'x', date: '2025-01-01' }, now)).toEqual({ willBuild: true, reasons: [] })
    expect(hugoBuildVerdict({ draft: true }, now).reasons).toEqual(['draft is true'])
    expect(hugoBuildVerdict({ date: '2027-01-01' }, now).reasons).toEqual(['date is in the future'])
    expect(hugoBuildVerdict({ date: '2027-01-01', publishDate: '2025-01-01' }, now).willBuild).toBe(true)
    expect(hugoBuildVerdict({ pubdate: '2027-01-01' }, now).reasons).toEqual(['pubdate is in the future'])
    expect(hugoBuildVerdict({ expiryDate: '2025-12-31T23:59:59Z' }, now).reasons).toEqual(['expiryDate has passed'])
    expect(hugoBuildVerdict({ unpublishdate: '2025-12-31' }, now).reasons).toEqual(['unpublishdate has passed'])
    expect(hugoAliasOf('Modified')).toBe('lastmod')
    expect(hugoAliasOf('title')).toBeNull()
  })
})

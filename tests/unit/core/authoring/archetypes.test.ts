import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ContentRoot } from '../../../../src/core/content-root'
import { findHugo, runHugoNew } from '../../../../src/core/authoring/hugo-runner'
import { prepareNewArticle, type NewArticlePlan } from '../../../../src/core/authoring/new-article'
import { readSiteLayout } from '../../../../src/core/authoring/site-layout'
import { SiteReader } from '../../../../src/core/authoring/site-reader'
import { hugoTitle } from '@shared/hugo/title-case'
import { hugoPathKey, urlize } from '@shared/hugo/urlize'
import type { Result } from '@shared/result'

const fixtures = path.resolve(import.meta.dirname, '../../../fixtures/hugo-new')

interface RecordedCase {
  site: string
  path: string
  kind?: string
  tz: string
  ok: boolean
  date: string | null
  files: Record<string, string>
}

const recorded = JSON.parse(readFileSync(path.join(fixtures, 'recorded.json'), 'utf8')) as {
  cases: RecordedCase[]
  urlize: { input: string; output: string }[]
  title: { input: string; output: string }[]
}

function offsetOf(date: string): number {
  const m = /([+-])(\d\d):(\d\d)$/.exec(date)
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0
}

async function prepare(c: { site: string; path: string; kind?: string; date: string | null }, useHugo: boolean): Promise<Result<NewArticlePlan>> {
  const root = await ContentRoot.open(path.join(fixtures, c.site))
  if (!root.ok) throw new Error(root.error.message)
  const reader = new SiteReader(root.value)
  const layout = await readSiteLayout(reader)
  if (!layout.ok) throw new Error(layout.error.message)
  const target = c.path.endsWith('.md') ? c.path : `${c.path.replace(/\/$/, '')}/index.md`
  const now = c.date === null ? new Date() : new Date(c.date)
  return prepareNewArticle(reader, layout.value, { path: `content/${target}`, kind: c.kind }, { now, offsetMinutes: c.date === null ? 0 : offsetOf(c.date), hugo: useHugo ? runHugoNew : null })
}

const filesOf = (plan: NewArticlePlan): Record<string, string> =>
  Object.fromEntries(plan.files.map((f): [string, string] => [f.path.replace(/^content\//, ''), new TextDecoder().decode(f.bytes)]).sort(([a], [b]) => (a < b ? -1 : 1)))

describe('Hugo functions, as recorded from hugo 0.111', () => {
  it.each(recorded.urlize)('urlize($input)', ({ input, output }) => {
    expect(urlize(input)).toBe(output)
  })
  it.each(recorded.title)('title($input)', ({ input, output }) => {
    expect(hugoTitle(input)).toBe(output)
  })
  it('groups terms by the unescaped key', () => {
    expect(hugoPathKey(' Hugo ')).toBe(hugoPathKey('hugo'))
    expect(hugoPathKey('Über Größe')).toBe('über-größe')
  })
})

describe('new article from archetypes, against hugo new (recorded)', () => {
  const same = recorded.cases.filter((c) => c.ok && c.kind !== 'fancy')
  it.each(same)('$site: hugo new $path $kind ($tz)', async (c) => {
    const plan = await prepare(c, false)
    if (!plan.ok) throw new Error(plan.error.message)
    expect(filesOf(plan.value)).toEqual(c.files)
    expect(plan.value.renderer).toBe('folio')
  })

  it('refuses an archetype with template logic it cannot run, naming it', async () => {
    const c = recorded.cases.find((x) => x.kind === 'fancy') as RecordedCase
    const plan = await prepare(c, false)
    expect(plan.ok).toBe(false)
    if (!plan.ok) {
      expect(plan.error.code).toBe('UNSUPPORTED')
      expect(plan.error.message).toContain('{{- if eq .Section "posts" }}')
      expect(plan.error.message).toContain('archetypes/fancy.md')
    }
  })

  it('makes a bundle from the section archetype where Hugo needs a bundle archetype', async () => {
    const plan = await prepare({ site: 'custom', path: 'posts/no-bundle-archetype/', date: '2026-01-02T03:04:05Z' }, false)
    if (!plan.ok) throw new Error(plan.error.message)
    expect(Object.keys(filesOf(plan.value))).toEqual(['posts/no-bundle-archetype/index.md'])
    expect(plan.value.archetype).toBe('archetypes/posts.md')
  })

  it('lists actions it cannot render, and leaves them out', async () => {
    const { renderArchetype } = await import('@shared/authoring/archetype-template')
    const { wallTimeAt } = await import('@shared/hugo/go-time')
    const ctx = { name: 'x', title: 'X', section: 's', type: 's', siteTitle: '', filePath: 's/x.md', now: wallTimeAt(new Date(0), 0) }
    const out = renderArchetype('a: {{ .Params.author }}\nb: {{ .Name | upper }}\n', ctx)
    expect(out.text).toBe('a: \nb: X\n')
    expect(out.unrendered.map((u) => [u.action, u.line])).toEqual([['{{ .Params.author }}', 1]])
  })
})

const hugo = await findHugo()

describe.runIf(hugo !== null)('live: Folio renders what the installed hugo makes', () => {
  // NOTE: each hugo run costs about half a second, so three cases cover the built-in, a site and a bundle archetype.
  const picked = ['posts/my-first-post.md', 'posts/hello-world.md', 'posts/my-gallery']
  const live = recorded.cases.filter((c) => picked.includes(c.path))
  it.each(live)('$site: $path $kind', async (c) => {
    const byHugo = await prepare({ ...c, date: null }, true)
    if (!byHugo.ok) throw new Error(byHugo.error.message)
    expect(byHugo.value.renderer).toBe('hugo')
    const files = filesOf(byHugo.value)
    const date = Object.values(files).join('\n').match(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d)/)?.[0] ?? null
    const byFolio = await prepare({ ...c, date }, false)
    if (!byFolio.ok) throw new Error(byFolio.error.message)
    expect(filesOf(byFolio.value)).toEqual(files)
  })
})

import { describe, expect, it } from 'vitest'
import { frontMatterBudget } from '../../../../src/shared/front-matter/budget'
import { parseFrontMatter, readFrontMatterData } from '../../../../src/shared/front-matter/index'
import { parseForEdit } from '../../../../src/shared/front-matter/parse'
import { setValue } from '../../../../src/shared/front-matter/edit'
import { aliasBomb, manyAliases, manyKeys } from '../../../support/hostile-content'

// Hostile front matter must cost little in every reader: errors with a position, never a hang or an out-of-memory.
// The timeouts are generous ceilings against a hang (the unbounded versions take minutes), not measurements.
describe('front-matter parse budget', () => {
  it('stops an alias bomb at the first alias whose expansion passes the budget, in every reader', () => {
    for (const parsed of [parseFrontMatter(aliasBomb), parseForEdit(aliasBomb)]) {
      expect(parsed.data).toEqual({})
      expect(parsed.errors).toHaveLength(1)
      expect(parsed.errors[0]).toMatchObject({ line: 6, column: 8 })
      expect(parsed.errors[0]?.message).toMatch(/alias bomb/)
    }
    expect(readFrontMatterData(aliasBomb).error).toMatchObject({ line: 6, column: 8 })
  }, 10_000)

  it('reads 20,000 aliases of a scalar (resolution is linear, and what they add is within the budget)', () => {
    const parsed = readFrontMatterData(manyAliases(20_000))
    expect(parsed.error).toBeNull()
    expect(Object.keys(parsed.data)).toHaveLength(20_002)
    expect(parsed.data.k19999).toBe(1)
  }, 20_000)

  it('reports 20,000 distinct keys as fine and a duplicate among them as a warning at its line (unique keys checked in one pass)', () => {
    expect(readFrontMatterData(manyKeys(20_000)).error).toBeNull()
    const text = manyKeys(20_000).replace('k19999: 19999', 'k5: again')
    const parsed = parseFrontMatter(text)
    // NOTE: a duplicate key is a warning, as Hugo builds the page and reads the last value (issue 17); it names the
    // key's first place, whose value is overridden.
    expect(parsed.errors).toEqual([])
    expect(parsed.warnings).toHaveLength(1)
    expect(parsed.warnings[0]).toMatchObject({ line: 8, column: 1 })
    expect(parsed.warnings[0]?.message).toMatch(/"k5" appears again/)
    expect((parsed.data as Record<string, unknown>).k5).toBe('again')
  }, 20_000)

  it('still resolves ordinary aliases (the last anchor before the alias) and refuses circular or unknown ones', () => {
    const text = '---\na: &x one\nb: *x\nc: &x two\nd: *x\ne: &y [1, *x]\nf: *y\n---\n'
    expect(parseFrontMatter(text).data).toEqual({ a: 'one', b: 'one', c: 'two', d: 'two', e: [1, 'two'], f: [1, 'two'] })
    expect(parseFrontMatter('---\na: &x [1, *x]\n---\n').errors[0]?.message).toMatch(/contains it/)
    expect(parseFrontMatter('---\na: *nowhere\n---\n').errors[0]).toMatchObject({ line: 2, column: 4 })
  })

  it('refuses a block larger than the budget with an error at its first line, without parsing it', () => {
    const big = `---\ntitle: Big\nfiller: "${'x'.repeat(frontMatterBudget.maxChars)}"\n---\nBody\n`
    const parsed = parseFrontMatter(big)
    expect(parsed.errors).toHaveLength(1)
    expect(parsed.errors[0]).toMatchObject({ line: 2, column: 1 })
    expect(parsed.errors[0]?.message).toMatch(/larger than 256 KB/)
    expect(readFrontMatterData(big).error?.message).toMatch(/larger than/)
  })

  it('reports deep nesting as an error instead of overflowing the stack (JSON, YAML flow, TOML)', () => {
    const depth = 20_000
    const json = `{"a": ${'['.repeat(depth)}${']'.repeat(depth)}}\n`
    const yaml = `---\na: ${'['.repeat(depth)}${']'.repeat(depth)}\n---\n`
    const toml = `+++\na = ${'['.repeat(depth)}${']'.repeat(depth)}\n+++\n`
    expect(parseFrontMatter(json).errors[0]).toMatchObject({ line: 1, column: 206 })
    expect(parseFrontMatter(json).errors[0]?.message).toMatch(/nested more than 200 levels/)
    expect(parseFrontMatter(yaml).errors[0]?.message).toMatch(/nested more than 200 levels/)
    expect(parseFrontMatter(toml).errors).toHaveLength(1)
  }, 20_000)

  it('refuses to edit a document that holds an alias bomb (the edit checks itself with the same bounded parse)', () => {
    const edited = setValue(aliasBomb, ['title'], 'New')
    expect(edited.ok).toBe(false)
  }, 10_000)
})

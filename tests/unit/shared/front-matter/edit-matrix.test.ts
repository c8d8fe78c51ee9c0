import { describe, expect, it } from 'vitest'
import { applyChanges, parseFrontMatter, renameKey, setValue, unsetValue, valueAt, type FrontMatterValue, type KeyPath } from '../../../../src/shared/front-matter/index'

const docs: Record<string, string> = {
  yaml: '---\ntitle: a # c\nparams:\n  author: Ann # who\n  list:\n    - x\n    - y\n  flow: {a: 1, b: [1, 2]}\nitems:\n  - name: one\n    v: 1\n  - name: two\nlit: |-\n  text\n  more\nfolded: >\n  long\n  text\n\nempty:\n---\nbody\n',
  odd: '---\n"quoted key": 1\n\'single\': 2\nk: [ {a: 1}, b ]\nn: 0x1F\nf: .inf\n---\n',
  toml: '+++\ntitle = "a"\n[params]\nauthor = "x"\n[params.deep]\nk = 1\n[[items]]\nname = "one"\n+++\n',
  json: '{\n\t"title": "a",\n\t"nested": {\n\t\t"x": [1, {"y": 2}]\n\t}\n}\n',
}
const values: FrontMatterValue[] = ['s', 'two words', 'yes', '', 1, 2.5, true, null, [], ['a', 'b'], { k: 'v' }, { k: { deep: [1] } }, 'multi\nline\n', "q'\"", '2024-01-01']

function pathsOf(v: FrontMatterValue, prefix: KeyPath = []): KeyPath[] {
  if (v === null || typeof v !== 'object') return []
  const entries: [string | number, FrontMatterValue][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v)
  return entries.flatMap(([k, x]) => [[...prefix, k], ...pathsOf(x, [...prefix, k])])
}

// NOTE: refusals are allowed only for reasons the caller can show: TOML has no null, TOML renames below the top level.
const allowedRefusal = /TOML has no null|only supported for top-level keys|does not exist/

describe.each(Object.keys(docs))('every edit of every path in the %s document', (name) => {
  const doc = docs[name] ?? ''
  const data = parseFrontMatter(doc).data
  const paths = [...pathsOf(data), ['newkey'], ['params', 'newkey'], ['a', 'b', 'c']]

  it('sets each value so that it reads back, or refuses with a reason', () => {
    for (const path of paths) {
      for (const value of values) {
        const result = setValue(doc, path, value)
        if (!result.ok) {
          expect(result.error.message, `${JSON.stringify(path)} = ${JSON.stringify(value)}`).toMatch(allowedRefusal)
          continue
        }
        const after = parseFrontMatter(applyChanges(doc, result.value))
        expect(after.errors).toEqual([])
        expect(valueAt(after.data, path), `${JSON.stringify(path)} = ${JSON.stringify(value)}`).toEqual(value)
      }
    }
  })

  it('removes and renames each path, or refuses with a reason', () => {
    for (const path of paths) {
      const removed = unsetValue(doc, path)
      expect(removed.ok, JSON.stringify(path)).toBe(true)
      const existed = valueAt(data, path) !== undefined
      const after = removed.ok ? parseFrontMatter(applyChanges(doc, removed.value)).data : {}
      const last = path[path.length - 1]
      if (typeof last === 'number') {
        const before = valueAt(data, path.slice(0, -1)) as FrontMatterValue[]
        expect((valueAt(after, path.slice(0, -1)) as FrontMatterValue[]).length, JSON.stringify(path)).toBe(before.length - 1)
      } else {
        expect(valueAt(after, path), JSON.stringify(path)).toBeUndefined()
        expect(removed.ok && removed.value.length > 0, JSON.stringify(path)).toBe(existed)
      }
      if (typeof path[path.length - 1] !== 'string') continue
      const renamed = renameKey(doc, path, 'renamed')
      if (!renamed.ok) expect(renamed.error.message).toMatch(allowedRefusal)
      else expect(valueAt(parseFrontMatter(applyChanges(doc, renamed.value)).data, [...path.slice(0, -1), 'renamed'])).toEqual(valueAt(data, path))
    }
  })
})

import { FormEditRuns } from '@renderer/session/form-edit'
import { minimalChange } from '@renderer/session/minimal-change'
import { applyChanges } from '@shared/front-matter'

const text = '---\ntitle: Plain title   # shown in the list\ncount: 1\n---\nBody\n'

/** Feeds `values` for `key` one by one, as keystrokes in a field would, and returns the final text. */
function type(runs: FormEditRuns, start: string, key: string, values: string[]): string {
  let current = start
  for (const value of values) {
    const result = runs.change('a.md', current, key, value)
    if (!result.ok) throw new Error(result.error.message)
    if (result.value) current = applyChanges(current, [result.value])
  }
  return current
}

describe('FormEditRuns', () => {
  it('gives the same bytes as one edit when typing passes through a value that needs quotes', () => {
    const final = type(new FormEditRuns(), text, 'title', ['Plain title ', 'Plain title x'])
    expect(final).toBe(text.replace('title: Plain title   #', 'title: Plain title x   #'))
  })

  it('restores the original bytes when the original value is typed back', () => {
    const final = type(new FormEditRuns(), text, 'title', ['Plain title ', 'Plain title'])
    expect(final).toBe(text)
  })

  it('starts a new run when the text changed in between', () => {
    const runs = new FormEditRuns()
    const quoted = type(runs, text, 'title', ['Plain title '])
    const elsewhere = quoted.replace('Body', 'Body!')
    const final = type(runs, elsewhere, 'title', ['Plain title x'])
    expect(final.split('\n')[1]).toBe('title: "Plain title x"   # shown in the list')
  })
})

describe('FormEditRuns with numbers a double cannot hold', () => {
  const big = '---\nbig: 12345678901234567890\nw: 5\n---\n'
  const run = (start: string, key: string, typed: string): string => {
    const result = new FormEditRuns().change('a.md', start, key, Number(typed), { text: typed, at: [] })
    if (!result.ok) throw new Error(result.error.message)
    return result.value ? applyChanges(start, [result.value]) : start
  }

  it('writes a different big integer or long decimal exactly as typed', () => {
    expect(run(big, 'big', '12345678901234567891')).toBe(big.replace('12345678901234567890', '12345678901234567891'))
    expect(run(big, 'w', '9007199254740993')).toBe(big.replace('w: 5', 'w: 9007199254740993'))
    expect(run(big, 'w', '0.12345678901234567890')).toBe(big.replace('w: 5', 'w: 0.12345678901234567890'))
  })

  it('changes nothing when the typed number is the one written there', () => {
    expect(new FormEditRuns().change('a.md', big, 'big', Number('12345678901234567890'), { text: '12345678901234567890', at: [] })).toEqual({ ok: true, value: null })
  })

  it('writes a number typed inside a group exactly as typed, keeping the group\'s other edits of the run', () => {
    const nested = '---\nparams:\n  big: 12345678901234567890\n  w: 5\n  name: a\n---\n'
    const runs = new FormEditRuns()
    const first = runs.change('a.md', nested, 'params', { big: Number('12345678901234567890'), w: 5, name: 'b' })
    if (!first.ok || first.value === null) throw new Error('no change')
    const named = applyChanges(nested, [first.value])
    const typed = '12345678901234567891'
    const second = runs.change('a.md', named, 'params', { big: Number(typed), w: 5, name: 'b' }, { text: typed, at: ['big'] })
    if (!second.ok || second.value === null) throw new Error('no change')
    expect(applyChanges(named, [second.value])).toBe(nested.replace('name: a', 'name: b').replace('12345678901234567890', typed))
    const items = '---\nlinks:\n  - id: 1\n  - id: 2\n---\n'
    const item = new FormEditRuns().change('a.md', items, 'links', [{ id: 1 }, { id: Number('9007199254740993') }], { text: '9007199254740993', at: [1, 'id'] })
    if (!item.ok || item.value === null) throw new Error('no change')
    expect(applyChanges(items, [item.value])).toBe(items.replace('id: 2', 'id: 9007199254740993'))
  })
})

describe('minimalChange', () => {
  it('replaces only the differing middle', () => {
    expect(minimalChange('abcXYZdef', 'abc12def')).toEqual({ from: 3, to: 6, insert: '12' })
    expect(minimalChange('aaa', 'aaaa')).toEqual({ from: 3, to: 3, insert: 'a' })
    expect(minimalChange('same', 'same')).toBeNull()
  })
})

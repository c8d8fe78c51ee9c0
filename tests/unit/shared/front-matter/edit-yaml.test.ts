import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { decodeText, encodeText } from '../../../../src/core/file-codec'
import { applyChanges, parseFrontMatter, renameKey, setValue, unsetValue, type FrontMatterValue, type KeyPath } from '../../../../src/shared/front-matter/index'

const sample = fs.readFileSync(new URL('../../../fixtures/front-matter/is-k-rising-un-warns.md', import.meta.url), 'utf8')

function set(text: string, path: KeyPath, value: FrontMatterValue): string {
  const result = setValue(text, path, value)
  if (!result.ok) throw new Error(result.error.message)
  return applyChanges(text, result.value)
}

function unset(text: string, path: KeyPath): string {
  const result = unsetValue(text, path)
  if (!result.ok) throw new Error(result.error.message)
  return applyChanges(text, result.value)
}

/** The lines that differ, as [old, new] pairs (texts with the same line count). */
function changedLines(before: string, after: string): [string, string][] {
  const a = before.split('\n')
  const b = after.split('\n')
  expect(b.length).toBe(a.length)
  return a.flatMap((line, i) => (line === b[i] ? [] : [[line, b[i] ?? '']]))
}

describe('setValue on the sample article', () => {
  it('changes one line for a title, keeping the double quotes, and the rest byte for byte', () => {
    const after = set(sample, ['title'], 'A "new" title: with colon')
    expect(changedLines(sample, after)).toEqual([
      ['title: "IS-K rising? UN warns of global chaos as Pakistan fires back at US"', 'title: "A \\"new\\" title: with colon"'],
    ])
    expect(parseFrontMatter(after).data.title).toBe('A "new" title: with colon')
  })

  it('edits one list item in a block list and keeps the block style', () => {
    const after = set(sample, ['widgets'], ['search', 'social', 'taglist'])
    expect(changedLines(sample, after)).toEqual([['  - "recent"', '  - "social"']])
  })

  it('returns no changes for an equal value', () => {
    expect(setValue(sample, ['date'], '2025-02-11 17:15:27')).toEqual({ ok: true, value: [] })
    expect(setValue(sample, ['widgets'], ['search', 'recent', 'taglist'])).toEqual({ ok: true, value: [] })
  })

  it('adds a missing key at the end of the block, in the style of its siblings', () => {
    const after = set(sample, ['author'], 'Ann')
    expect(after).toBe(sample.replace('  - "taglist"\n---\n', '  - "taglist"\nauthor: "Ann"\n---\n'))
    const withList = set(sample, ['keywords'], ['a', 'b'])
    expect(withList).toContain('  - "taglist"\nkeywords:\n  - "a"\n  - "b"\n---\n')
  })
})

describe('setValue keeps the style of the value it replaces', () => {
  const text = [
    '---',
    "title: 'It''s here' # the headline",
    'plain: word',
    'date: 2024-01-01',
    'zip: 010',
    'tags: [a, b]',
    'spaced: [ "a", "b" ]',
    'cats:',
    '- x',
    '- y',
    '---',
    'body',
  ].join('\n')

  it('keeps single quotes and a comment beside the value', () => {
    expect(set(text, ['title'], "It's new")).toContain("title: 'It''s new' # the headline\n")
  })

  it('writes plain values plain when they can be, and quotes them when they must', () => {
    expect(set(text, ['plain'], 'other word')).toContain('\nplain: other word\n')
    expect(set(text, ['plain'], 'yes')).toContain('\nplain: "yes"\n')
    expect(set(text, ['plain'], 'a: b')).toContain('\nplain: "a: b"\n')
    expect(set(text, ['plain'], '123')).toContain('\nplain: "123"\n')
    expect(set(text, ['plain'], 'line\nbreak')).toContain('\nplain: "line\\nbreak"\n')
  })

  it('keeps an unquoted date unquoted and leaves 010 as written when it is not the edited value', () => {
    const after = set(text, ['date'], '2025-03-04')
    expect(after).toContain('\ndate: 2025-03-04\n')
    expect(after).toContain('\nzip: 010\n')
    expect(parseFrontMatter(after).data.zip).toBe(10)
  })

  it('keeps flow lists flow (with their spacing) and block lists block (with their indentation)', () => {
    expect(set(text, ['tags'], ['a', 'c d', 'e,f'])).toContain('\ntags: [a, c d, "e,f"]\n')
    expect(set(text, ['spaced'], ['b'])).toContain('\nspaced: [ "b" ]\n')
    expect(set(text, ['cats'], ['x', 'y', 'z'])).toContain('\ncats:\n- x\n- y\n- z\n---')
    expect(set(text, ['cats'], [])).toContain('\ncats: []\n---')
  })

  it('every styled write reads back as exactly the value set', () => {
    const values: FrontMatterValue[] = ['', ' lead', 'tab\there', 'quote " and \\ back', "it's", '#hash', '- dash', 'null', '~', '0x1F', '1e3', 'ünï ☃ 😀', 'a\r\nb']
    for (const key of ['title', 'plain', 'date', 'tags']) {
      for (const value of values) {
        const path = key === 'tags' ? ['tags', 0] : [key]
        const after = set(text, path, value)
        const data = parseFrontMatter(after).data
        expect(key === 'tags' ? (data.tags as FrontMatterValue[])[0] : data[key], `${key} = ${JSON.stringify(value)}`).toBe(value)
      }
    }
  })
})

describe('setValue on multi-line strings and nested keys', () => {
  const text = '---\nbody: |\n  first\n  second\nfold: >\n  one long\n  line\nparams:\n  author: Ann\n  social:\n    x: "@ann"\nlast: 1\n---\n'

  it('writes a literal block as a literal block at its indentation', () => {
    const after = set(text, ['body'], 'new\nlines\n')
    expect(after).toContain('body: |\n  new\n  lines\nfold')
    expect(set(text, ['body'], 'no final newline')).toContain('body: |-\n  no final newline\nfold')
  })

  it('writes a folded block as folded when it is one line, and reads back exactly otherwise', () => {
    expect(set(text, ['fold'], 'short\n')).toContain('fold: >\n  short\nparams')
    const after = set(text, ['fold'], 'two\nparagraphs\n')
    expect(parseFrontMatter(after).data.fold).toBe('two\nparagraphs\n')
  })

  it('sets and adds nested keys, indented like their siblings', () => {
    expect(set(text, ['params', 'author'], 'Bo')).toContain('\n  author: Bo\n')
    expect(set(text, ['params', 'social', 'x'], '@bo')).toContain('\n    x: "@bo"\n')
    expect(set(text, ['params', 'social', 'mastodon'], 'bo')).toContain('\n    x: "@ann"\n    mastodon: "bo"\nlast: 1')
    expect(set(text, ['params', 'style', 'color'], 'red')).toContain('\n    x: "@ann"\n  style:\n    color: red\nlast: 1')
  })

  it('replaces a whole mapping member by member, keeping the members that did not change', () => {
    const after = set(text, ['params'], { author: 'Ann', social: { x: '@ann', gh: 'ann' } })
    expect(after).toContain('params:\n  author: Ann\n  social:\n    x: "@ann"\n    gh: "ann"\nlast: 1')
  })

  it('creates a YAML block at the top of a text without front matter', () => {
    expect(set('# Title\n\nText.\n', ['title'], 'Hello')).toBe('---\ntitle: Hello\n---\n\n# Title\n\nText.\n')
    expect(set('\uFEFFText', ['tags'], ['a'])).toBe('\uFEFF---\ntags:\n  - a\n---\n\nText')
  })
})

describe('unsetValue and renameKey', () => {
  const text = '---\ntitle: a\n# Shown in the list.\n# Two lines.\nsummary: b\n\n# Detached comment\ndraft: true\ntags: [x, y, z]\nlist:\n  - one\n  - two\n---\nbody\n'

  it('removes a key with the comment lines directly above it', () => {
    expect(unset(text, ['summary'])).toBe(text.replace('# Shown in the list.\n# Two lines.\nsummary: b\n', ''))
    expect(unset(text, ['draft'])).toBe(text.replace('# Detached comment\ndraft: true\n', ''))
  })

  it('removes list items from flow and block lists', () => {
    expect(unset(text, ['tags', 1])).toContain('tags: [x, z]\n')
    expect(unset(text, ['tags', 2])).toContain('tags: [x, y]\n')
    expect(unset(text, ['list', 0])).toContain('list:\n  - two\n---')
  })

  it('changes nothing for a missing key', () => {
    expect(unsetValue(text, ['nope'])).toEqual({ ok: true, value: [] })
  })

  it('renames a key in place and refuses a name that is taken', () => {
    const result = renameKey(text, ['summary'], 'description')
    expect(result.ok && applyChanges(text, result.value)).toBe(text.replace('\nsummary: b', '\ndescription: b'))
    expect(renameKey(text, ['summary'], 'title')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(renameKey(text, ['nope'], 'x')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})

describe('anchors and aliases', () => {
  const text = '---\ndefaults: &d\n  layout: wide\nparams: *d\nshared: &s 1\nother: *s\nfree: 2\n---\n'

  it('refuses edits that would break an anchor its aliases use, saying why', () => {
    for (const result of [setValue(text, ['defaults', 'layout'], 'narrow'), setValue(text, ['shared'], 5), unsetValue(text, ['shared'])]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringMatching(/anchor &[ds]/) as unknown } })
    }
    expect(setValue(text, ['params', 'layout'], 'x')).toMatchObject({ ok: false, error: { message: expect.stringContaining('alias') as unknown } })
  })

  it('allows edits elsewhere, and replacing an alias by a value', () => {
    expect(set(text, ['free'], 3)).toContain('\nfree: 3\n')
    expect(set(text, ['other'], 7)).toContain('\nother: 7\n')
  })
})

describe('line breaks and encodings', () => {
  it('keeps CRLF and the BOM through the codec, changing only the edited line', () => {
    const original = Buffer.from('\uFEFF---\r\ntitle: "Old"\r\ndraft: false\r\n---\r\n\r\nBody line.\r\n', 'utf8')
    const decoded = decodeText(original)
    if (!decoded.ok) throw new Error('decode')
    const edited = set(decoded.value.text, ['title'], 'New')
    const bytes = Buffer.from(encodeText(edited, decoded.value.format, original))
    expect(bytes.toString('utf8')).toBe('\uFEFF---\r\ntitle: "New"\r\ndraft: false\r\n---\r\n\r\nBody line.\r\n')
  })

  it('edits CRLF text directly and writes new lines with CRLF', () => {
    const text = '---\r\ntitle: a\r\n---\r\nbody'
    expect(set(text, ['title'], 'b')).toBe('---\r\ntitle: b\r\n---\r\nbody')
    expect(set(text, ['tags'], ['x'])).toBe('---\r\ntitle: a\r\ntags:\r\n  - x\r\n---\r\nbody')
  })

  it('works when the file ends at the closing fence without a newline', () => {
    expect(set('---\ntitle: a\n---', ['title'], 'b')).toBe('---\ntitle: b\n---')
    expect(set('---\ntitle: a\n---', ['draft'], true)).toBe('---\ntitle: a\ndraft: true\n---')
  })

  it('refuses to edit front matter with errors, pointing at the error', () => {
    expect(setValue('---\ntitle: a\ntitle: "b\n---\n', ['title'], 'c')).toMatchObject({ ok: false, error: { code: 'PARSE', line: 3, column: 8 } })
  })

  it('edits the last of duplicate keys, the one Hugo reads', () => {
    expect(set('---\nlinkTitle: a\ntitle: t\nlinkTitle: b\n---\n', ['linkTitle'], 'c')).toBe('---\nlinkTitle: a\ntitle: t\nlinkTitle: c\n---\n')
  })
})

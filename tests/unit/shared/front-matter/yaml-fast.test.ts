import { describe, expect, it } from 'vitest'
import { parseFrontMatter, readFrontMatterData } from '../../../../src/shared/front-matter/index'
import { readSimpleYaml } from '../../../../src/shared/front-matter/yaml-fast'

const simple = [
  'title: "IS-K rising? UN warns"\ndate: "2025-02-11 17:15:27"\n',
  'title: plain words here\nn: 010\nf: 1.5\ne: 1e3\nneg: -7\nd: 2024-01-01\nyes_: yes\nb: True\nz: ~\nnil: NULL\n',
  "q: 'it''s'\nu: \"caf\\u00e9 \\\"x\\\" \\\\ \\/\"\nurl: http://example.com/a#b\nbr: a[1]\n",
  'tags:\n  - "a"\n  - b\n  - 3\ncats:\n- x\nempty:\nflow: []\nobj: {}\n# comment\n\nlast: end\n',
  'a: 1\r\nlist:\r\n  - x\r\n',
]

const fallback = [
  'title: a # comment\n',
  'tags: [a, b]\n',
  'params:\n  x: 1\n',
  'hex: 0x1F\n',
  'oct: 0o17\n',
  'inf: .inf\n',
  'text: |\n  block\n',
  'dup: 1\ndup: 2\n',
  'anchor: &a 1\n',
  'esc: "\\x41"\n',
  'tab: "a\tb"\n',
  'multi: first\n  second\n',
  'True: x\n',
  '"quoted key": 1\n',
  'list:\n  - a\n - b\n',
  'list:\n  - [a]\n',
  'title: "a" b\n',
  'x: -\n',
]

describe('readSimpleYaml', () => {
  it.each(simple)('reads %j exactly as the full parser does', (block) => {
    const fast = readSimpleYaml(block)
    expect(fast).not.toBeNull()
    expect(fast).toEqual(parseFrontMatter(`---\n${block}---\n`).data)
    expect(readFrontMatterData(`---\n${block}---\n`).data).toEqual(fast)
  })

  it.each(fallback)('leaves %j to the full parser', (block) => {
    expect(readSimpleYaml(block)).toBeNull()
    const full = parseFrontMatter(`---\n${block}---\n`)
    const cheap = readFrontMatterData(`---\n${block}---\n`)
    expect(cheap.data).toEqual(full.data)
    expect(cheap.error?.line).toBe(full.errors[0]?.line)
  })
})

import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { detectBlock, parseFrontMatter } from '../../../../src/shared/front-matter/index'
import { scanPlainYaml } from '../../../../src/shared/front-matter/yaml-fast'
import { parseYamlBlock, parseYamlBlockFully } from '../../../../src/shared/front-matter/yaml-parse'
import { loadCases } from '../hugo/hugo-cases'
import { makeCorpusTool } from '../../../support/corpus-tool'

// The one fast YAML scanner (index, editor reads, folio check) against the full parser: when it answers, data,
// fields (with ranges), errors and warnings must be exactly the full parser's, with and without details.

/** Compares the fast path with the full one on `text`; true when the fast scanner answered. */
function agrees(text: string): boolean {
  const found = detectBlock(text)
  if (found.kind !== 'block' || found.block.format !== 'yaml') return false
  const isFast = scanPlainYaml(text, found.block.contentFrom, found.block.contentTo) !== null
  for (const withDetails of [true, false]) {
    const fast = parseYamlBlock(text, found.block, withDetails)
    const full = parseYamlBlockFully(text, found.block, withDetails)
    expect({ text, withDetails, ...fast }).toEqual({ text, withDetails, ...full })
    // NOTE: key order counts too (the form shows the keys in the file's order).
    expect(Object.keys(fast.data)).toEqual(Object.keys(full.data))
  }
  return isFast
}

const plain = [
  'title: "IS-K rising? UN warns"\ndate: "2025-02-11 17:15:27"\n',
  'title: plain words here\nf: 1.5\ne: 1e3\nd: 2024-01-01\nb: True\nz: ~\nnil: NULL\nnum: 10\n',
  "q: 'it s'\nurl: http://example.com/a#b\nbr: a[1]\n",
  'tags:\n  - "a"\n  - b\n  - 3\ncats:\n- x\nflow: []\nobj: {}\n# comment\n\nlast: end\n',
  'tags: [a, "b", 3]\ndraft: false\nweight: 10\n',
]

const notPlain = [
  'title: a # comment\n', 'params:\n  x: 1\n', 'hex: 0x1F\n', 'oct: 0o17\n', 'inf: .inf\n', 'text: |\n  block\n', 'dup: 1\ndup: 2\n',
  'Title: a\ntitle: b\n', 'anchor: &a 1\n', 'alias: *a\n', 'tag: !!str 1\n', '<<: {a: 1}\n', 'esc: "\\x41"\n',
  'multi: first\n  second\n', 'True: x\n', 'y: 1\n', '"quoted key": 1\n', 'list:\n  - a\n - b\n', 'list:\n- a\n  - b\n', 'list:\n  - [a]\n', 'title: "a" b\n',
  'x: -\n', 'comments: yes\n', 'n: 010\n', 'n: 1_000\n', 'empty:\n', 'empty:\nnext: 1\n', 'a: 1\r\nb: 2\r\n', 'neg: -7\n',
  "q: 'it''s'\n", 'u: "caf\\u00e9"\n', 'trailing: x  \n', 'flow: [a:b]\n', 'flow: [a, ]\n', 'list:\n  - a\n# c\n  - b\n',
]

describe('the fast YAML scanner agrees with the full parser', () => {
  it.each(plain)('reads %j, as the full parser does', (block) => {
    expect(agrees(`---\n${block}---\n`)).toBe(true)
  })

  it.each(notPlain)('leaves %j to the full parser', (block) => {
    expect(agrees(`---\n${block}---\nbody\n`)).toBe(false)
  })

  it('on every recorded Hugo case', () => {
    let fast = 0
    for (const [, { text }] of loadCases()) if (agrees(text)) fast++
    expect(fast).toBeGreaterThan(0)
  })

  describe('on make-corpus output (with broken files)', () => {
    let dir = ''
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-yaml-fast-'))
      execFileSync(process.execPath, [makeCorpusTool, dir, '--articles', '600', '--broken', '24', '--seed', '11'], { stdio: 'ignore' })
    })
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

    it('agrees on every file, and serves most YAML files', () => {
      let yaml = 0
      let fast = 0
      const walk = (d: string): void => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
          const p = path.join(d, e.name)
          if (e.isDirectory()) walk(p)
          else if (e.name.endsWith('.md')) {
            const text = fs.readFileSync(p, 'utf8').replace(/^\ufeff/, '').replace(/\r\n/g, '\n')
            if (parseFrontMatter(text).format === 'yaml') yaml++
            if (agrees(text)) fast++
          }
        }
      }
      walk(dir)
      expect(yaml).toBeGreaterThan(100)
      expect(fast).toBeGreaterThan(yaml * 0.5)
    })
  })
})

import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { detectBlock } from '@shared/front-matter'
import { summarizeForIndex, summaryValuesByParser, countWords } from '../../../../src/core/index/article-record'
import { readIndexedText } from '../../../../src/core/index/shard-files'
import { scanJsonBlock, scanTomlBlock, scanYamlBlock } from '../../../../src/core/index/summary-scan'
import { listAllFiles, makeTempDir, removeTempDir } from '../corpus'
import { makeCorpusTool } from '../../../support/corpus-tool'

const now = Date.parse('2025-06-01T00:00:00Z')

/** The summary fields as the full parser reads them: the reference the fast path must match. */
function reference(text: string) {
  const { values, error } = summaryValuesByParser(text)
  return { title: values.title, date: values.date, lastmod: values.lastmod, isDraft: values.isDraft, tags: values.tags, categories: values.categories, error: error ?? undefined }
}

function fast(text: string) {
  const s = summarizeForIndex('x.md', text, now)
  return { title: s.title, date: s.date, lastmod: s.lastmod, isDraft: s.isDraft, tags: s.tags, categories: s.categories, error: s.error }
}

function isFastPath(text: string): boolean {
  const found = detectBlock(text)
  if (found.kind !== 'block') return found.kind === 'none'
  if (found.block.format === 'yaml') return scanYamlBlock(text, found.block) !== null
  if (found.block.format === 'toml') return scanTomlBlock(text, found.block) !== null
  return scanJsonBlock(text, found.block) !== null
}

describe('index summaries agree with the full front-matter parser', () => {
  for (const seed of [1, 7, 42]) {
    it(`over a generated corpus (seed ${seed}, with broken files)`, () => {
      const dir = makeTempDir('folio-index-corpus-')
      try {
        const tool = makeCorpusTool
        execFileSync(process.execPath, [tool, dir, '--articles', '400', '--broken', '24', '--seed', String(seed)], { stdio: 'ignore' })
        const files = listAllFiles(dir).filter((f) => f.endsWith('.md'))
        let fastCount = 0
        for (const rel of files) {
          const read = readIndexedText(path.join(dir, rel), dir)
          if (read.kind !== 'text') continue
          if (isFastPath(read.text)) fastCount++
          expect({ rel, ...fast(read.text) }).toEqual({ rel, ...reference(read.text) })
        }
        // NOTE: the point of the scanners is that they serve nearly every generated article.
        expect(fastCount).toBeGreaterThan(files.length * 0.9)
      } finally {
        removeTempDir(dir)
      }
    })
  }

  const tricky: Record<string, string> = {
    escapes: '---\ntitle: "a \\"quoted\\" word"\ndate: 2024-01-02\n---\n',
    comment: '---\ntitle: Hello # not part of it\ntags: [a, b] # c\n---\n',
    numberTitle: '---\ntitle: 2024\ndate: 2024-01-02\n---\n',
    nullTitle: '---\ntitle: ~\ndraft: yes\n---\n',
    quotedBool: '---\ndraft: "true"\ntitle: x\n---\n',
    nested: '---\ntitle: x\nparams:\n  a: 1\n  b: [1, 2]\n---\n',
    multiline: '---\ntitle: >\n  folded\n  text\ndate: 2020-01-01\n---\n',
    anchors: '---\ntags: &t [a, b]\ncategories: *t\n---\n',
    duplicate: '---\ntitle: a\ntitle: b\n---\n',
    singleQuoted: "---\ntitle: 'it''s'\ncategories: 'news'\n---\n",
    tabIndent: '---\ntitle: x\ntags:\n\t- a\n---\n',
    emptyValue: '---\ntitle:\ntags:\n---\n',
    listOfNumbers: '---\ntags:\n  - 1\n  - two\n---\n',
    mixedIndent: '---\ntags:\n  - a\n    - b\n---\n',
    unterminated: '---\ntitle: x\n',
    tomlDate: '+++\ntitle = "T"\ndate = 2024-01-02T03:04:05Z\ndraft = true\n+++\n',
    tomlTable: '+++\ntitle = "T"\n[params]\ntags = ["x"]\n+++\n',
    tomlEscapes: '+++\ntitle = "a\\tb"\ntags = ["a,b", "c"]\n+++\n',
    tomlBad: '+++\ntitle = "open\n+++\n',
    json: '{\n  "title": "J",\n  "date": "2024-01-01",\n  "tags": ["a", 3]\n}\nbody\n',
    jsonDuplicate: '{ "title": "a", "title": "b" }\n',
    jsonNestedDuplicate: '{ "title": "a", "params": { "x": 1, "x": 2 } }\n',
    jsonColonInList: '{ "tags": ["x", ":y"], "title": "t" }\n',
    jsonNumberDate: '{ "date": 2024, "lastmod": 1e3, "title": 5 }\n',
    jsonOddTypes: '{ "title": true, "date": null, "draft": "true", "tags": "solo", "categories": [1, {"a": 2}, "c"] }\n',
    jsonEscapes: '{ "title": "a \\"b\\"", "date": "2024\\u002d01-01" }\n',
    jsonProto: '{ "__proto__": { "title": "hidden" }, "draft": true }\n',
    jsonNotObject: '[ "title" ]\n',
    jsonTrailingComma: '{ "title": "a", }\n',
    jsonControl: '{ "title": "a\tb" }\n',
    none: 'just a body\n',
    protoKey: '---\n__proto__: x\ntitle: y\n---\n',
    colonInValue: '---\ntitle: a: b\n---\n',
    keyLikeBool: '---\ntrue: 1\nTrue: 2\n---\n',
    c1Control: '---\ntitle: a\u0086b\n---\n',
    delInQuotes: '---\ntitle: "a\u007fb"\n---\n',
    fourDashFence: '---\ntitle: four\n----\nbody\n',
    tomlInlineTrailingComma: '+++\ntitle = "t"\nparams = { a = 1, }\n+++\n',
    tomlXEscapeLiteral: "+++\ntitle = 'C:\\x41'\n+++\n",
    tomlBigInt: '+++\ntitle = "t"\nid = 9007199254740993\n+++\n',
    jsonHugeNumber: '{ "title": "t", "x": 1e400 }\n',
  }
  for (const [name, text] of Object.entries(tricky)) {
    it(`agrees on a tricky block: ${name}`, () => {
      expect(fast(text)).toEqual(reference(text))
    })
  }

  it('agrees on randomly damaged blocks of each format (quotes, colons, comments, tabs, escapes, indentation)', () => {
    const base = '---\ntitle: "Summit talks"\ndate: "2024-01-02 10:00:00"\nlastmod: 2024-02-03\ndraft: false\ntags:\n  - "a"\n  - b\ncategories: [x, "y"]\nweight: 3\n---\nbody\n'
    const tomlBase = '+++\ntitle = "Summit"\ndate = "2024-01-02"\ndraft = true\ntags = ["a", "b"]\n+++\nbody\n'
    const jsonBase = '{\n  "title": "Summit",\n  "date": "2024-01-02",\n  "draft": true,\n  "tags": ["a", "b"],\n  "params": { "x": [1, "y"] }\n}\nbody\n'
    const inserts = ['"', "'", ': ', ' #', '\t', '\\', '&a ', '*a', '[', ']', '{', ',', '- ', '  ', '\n', '~', '1', 'true', '\u2028', '\r']
    let state = 12345
    const rnd = (n: number): number => {
      state = (state * 1103515245 + 12345) & 0x7fffffff
      return state % n
    }
    for (let i = 0; i < 2500; i++) {
      const source = [base, tomlBase, jsonBase][i % 3]
      const end = source === jsonBase ? source.lastIndexOf('}') : source.indexOf(source === base ? '\n---' : '\n+++', 4)
      let text = source
      for (let k = rnd(3) + 1; k > 0; k--) {
        const at = 4 + rnd(end - 4)
        const cut = rnd(3)
        text = text.slice(0, at) + (inserts[rnd(inserts.length)]) + text.slice(at + cut)
      }
      expect({ text, ...fast(text) }).toEqual({ text, ...reference(text) })
    }
  })

  it('takes the fast path for the simple shapes it is meant for', () => {
    // NOTE: `- y` would not be plain: Hugo's YAML 1.1 reads y as true (the scanner leaves it to the parser, which warns).
    expect(isFastPath('---\ntitle: "A"\ndate: 2024-01-02 10:00:00\ndraft: true\ntags:\n  - "x"\n  - z\ncategories: [a, "b"]\nweight: 3\n---\n')).toBe(true)
    expect(isFastPath('+++\ntitle = "A"\ntags = ["x", "y"]\ndraft = false\n+++\n')).toBe(true)
    expect(fast('---\ntitle: "A"\ndate: 2024-01-02 10:00:00\ndraft: true\ntags:\n  - "x"\n  - y\n---\n')).toEqual({
      title: 'A', date: '2024-01-02 10:00:00', lastmod: null, isDraft: true, tags: ['x', 'y'], categories: [], error: undefined,
    })
  })

  it('a nested draft is not Hugo\'s draft switch, in every format (the fast path and the parser agree)', () => {
    for (const text of ['---\ntitle: x\nparams:\n  draft: true\n---\n', '+++\ntitle = "x"\n[params]\ndraft = true\n+++\n', '{ "title": "x", "params": { "draft": true } }\n']) {
      expect(summarizeForIndex('a.md', text, now).buildStatus).toBe('published')
      expect(reference(text).isDraft).toBe(false)
    }
  })

  it('counts words in the body only and works out build status', () => {
    const text = '---\ntitle: x\npublishDate: 2999-01-01\n---\none two\u00a0three\n\nfour\n'
    const s = summarizeForIndex('a.md', text, now)
    expect(s.wordCount).toBe(4)
    expect(countWords('  a  b ', 0)).toBe(2)
    expect(s.buildStatus).toBe('future')
    expect(summarizeForIndex('a.md', '---\ndraft: true\n---\n', now).buildStatus).toBe('draft')
    expect(summarizeForIndex('a.md', '---\nexpiryDate: 2001-01-01\n---\n', now).buildStatus).toBe('expired')
    expect(summarizeForIndex('a.md', '---\ndate: 2001-01-01\n---\n', now).buildStatus).toBe('published')
  })

  it('reads files as LF text without BOM', () => {
    const dir = makeTempDir()
    try {
      fs.writeFileSync(path.join(dir, 'a.md'), '\ufeff---\r\ntitle: "A"\r\n---\r\nbody\r\n')
      const read = readIndexedText(path.join(dir, 'a.md'), dir)
      expect(read.kind === 'text' && read.text).toBe('---\ntitle: "A"\n---\nbody\n')
      expect(readIndexedText(path.join(dir, 'missing.md'), dir).kind).toBe('missing')
    } finally {
      removeTempDir(dir)
    }
  })
})

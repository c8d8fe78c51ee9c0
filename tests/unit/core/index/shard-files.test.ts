import fs from 'node:fs'
import path from 'node:path'
import { summarizeWithDates } from '../../../../src/core/index/article-record'
import { listArticleFiles } from '../../../../src/core/article-files'
import { frontMatterEnd, listArticleChunks, readForSummary, readIndexedText } from '../../../../src/core/index/shard-files'
import { listAllFiles, makeCorpus, makeTempDir, removeTempDir } from '../corpus'

const now = Date.parse('2025-06-01T00:00:00Z')

/** The summary pass's reading (front matter only, no word count) next to the same from the whole text. */
function bothReadings(file: string) {
  const head = readForSummary(file, path.dirname(file))
  const whole = readIndexedText(file, path.dirname(file))
  if (head.kind !== 'text' || whole.kind !== 'text') throw new Error(`not read: ${file}`)
  return { fromHead: summarizeWithDates('a.md', head.text, now, false), fromWhole: summarizeWithDates('a.md', whole.text, now, false), headText: head.text, wholeText: whole.text }
}

describe('reading an article for its summary', () => {
  it('tells bytes that are not UTF-8 text, the same from the front matter read as from the whole file', () => {
    const dir = makeTempDir()
    try {
      const latin1 = path.join(dir, 'latin1.md')
      fs.writeFileSync(latin1, Buffer.concat([Buffer.from('---\ntitle: "Caf'), Buffer.from([0xe9]), Buffer.from('"\n---\nbody\n')]))
      const binary = path.join(dir, 'binary.md')
      fs.writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]))
      const clean = path.join(dir, 'clean.md')
      fs.writeFileSync(clean, '---\ntitle: "Café"\n---\nbody\n')
      for (const read of [readForSummary, readIndexedText]) {
        expect(read(latin1, dir)).toMatchObject({ kind: 'text', problem: { code: 'ENCODING', line: 2, column: 12 } })
        expect(read(binary, dir)).toMatchObject({ kind: 'text', problem: { code: 'BINARY', line: 3, column: 1 } })
        expect(read(clean, dir)).toMatchObject({ kind: 'text', problem: null })
      }
    } finally {
      removeTempDir(dir)
    }
  })

  const shapes: Record<string, string> = {
    yaml: '---\ntitle: "A"\ntags:\n  - x\n---\nbody words here\n',
    crlfBom: '\ufeff---\r\ntitle: A\r\n---\r\nbody\r\n',
    blankLinesFirst: '\n\n  \n---\ntitle: A\n---\nbody\n',
    trailingBlanksOnFence: '---\ntitle: A\n--- \t\nbody\n',
    fenceLikeLines: '---\ntitle: A\n----\n--- x\n---\nbody\n',
    toml: '+++\ntitle = "T"\n+++\nbody\n',
    json: '{\n  "title": "J { not a brace }",\n  "x": "\\"}"\n}\nbody }\n',
    jsonSameLine: '{ "title": "J" } trailing\nbody\n',
    unterminated: '---\ntitle: A\nbody without a fence\n',
    none: 'just a body\n---\ntitle: no\n---\n',
    wideChars: '---\ntitle: "Über ünïcödé 日本語"\n---\n本文\n',
    noFinalNewline: '---\ntitle: A\n---',
    fourDashes: '----\ntitle: A\n---\n',
  }
  for (const [name, text] of Object.entries(shapes)) {
    it(`gives the summary the whole text gives: ${name}`, () => {
      const dir = makeTempDir()
      try {
        const file = path.join(dir, 'a.md')
        fs.writeFileSync(file, text)
        const { fromHead, fromWhole, headText, wholeText } = bothReadings(file)
        expect(fromHead).toEqual(fromWhole)
        // NOTE: the head is always a prefix of the whole text, ending at a line's end.
        expect(wholeText.startsWith(headText)).toBe(true)
      } finally {
        removeTempDir(dir)
      }
    })
  }

  it('decodes only the front matter when its end is found', () => {
    const dir = makeTempDir()
    try {
      const file = path.join(dir, 'a.md')
      fs.writeFileSync(file, `---\ntitle: A\n---\n${'word '.repeat(5000)}\n`)
      const read = readForSummary(file, dir)
      expect(read.kind === 'text' && read.text).toBe('---\ntitle: A\n---\n')
    } finally {
      removeTempDir(dir)
    }
  })

  it('finds where a block ends in bytes', () => {
    const bytes = (s: string) => Buffer.from(s, 'utf8')
    const end = (s: string) => frontMatterEnd(bytes(s), bytes(s).length)
    expect(end('---\na: 1\n---\nbody')).toBe(13)
    expect(end('+++\na = 1\n+++\r\nbody')).toBe(15)
    expect(end('{"a": "}"}\nbody')).toBe(11)
    expect(end('no block')).toBe(8)
    expect(end('---\na: 1\n')).toBe(9)
  })

  it('agrees with the whole text over a generated corpus with broken files', () => {
    const dir = makeCorpus(300, 20)
    try {
      for (const rel of listAllFiles(dir).filter((f) => f.endsWith('.md'))) {
        const { fromHead, fromWhole } = bothReadings(path.join(dir, rel))
        expect({ rel, ...fromHead }).toEqual({ rel, ...fromWhole })
      }
    } finally {
      removeTempDir(dir)
    }
  })

describe('listing a folder in chunks', () => {
  it('hands over every article once, a small chunk first, with the rules of the async listing', async () => {
    const dir = makeTempDir()
    try {
      for (let d = 0; d < 30; d++) {
        fs.mkdirSync(path.join(dir, 'posts', `d${d}`), { recursive: true })
        for (let f = 0; f < 40; f++) fs.writeFileSync(path.join(dir, 'posts', `d${d}`, `a${f}.md`), '')
      }
      for (const skipped of ['.git', 'node_modules', 'public', path.join('resources', '_gen')]) {
        fs.mkdirSync(path.join(dir, skipped), { recursive: true })
        fs.writeFileSync(path.join(dir, skipped, 'x.md'), '')
      }
      fs.writeFileSync(path.join(dir, 'notes.txt'), '')
      const chunks: string[][] = []
      expect(listArticleChunks(dir, (paths) => chunks.push(paths))).toBe(true)
      expect(chunks.length).toBeGreaterThan(2)
      expect(chunks[0]?.length).toBeLessThan(300)
      const all = chunks.flat()
      expect(new Set(all).size).toBe(all.length)
      const listed = await listArticleFiles(dir)
      expect(listed.ok && [...all].sort()).toEqual(listed.ok && listed.value)
      expect(listArticleChunks(path.join(dir, 'missing'), () => undefined)).toBe(false)
    } finally {
      removeTempDir(dir)
    }
  })
})
})

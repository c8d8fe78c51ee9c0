import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { folio, makeFolder } from './cli-harness'

// Numbers a double cannot hold exactly (issue #17): `get` prints them as typed (with --json as text and a warning
// naming what Hugo reads), `set` writes exactly what was typed, and a no-op set writes nothing.
const files: Record<string, string> = {
  'y.md': '---\ntitle: x\nbig: 12345678901234567890\nhuge: 123456789012345678901234\ninf: .inf\nneg: -.Inf\nnan: .nan\ndec: 0.12345678901234567890\nw: 5\nparams:\n  n: [1, 9007199254740993]\n---\nbody\n',
  't.md': '+++\nbig = 1234567890123456789\ninf = inf\nd = 3.14159265358979323846\nw = 1_000\n[p]\nx = -nan\n+++\n',
  'j.md': '{\n  "big": 12345678901234567890,\n  "d": 1.10000000000000000001,\n  "p": {"n": [9007199254740993]}\n}\n',
}

let root = ''
beforeAll(() => {
  root = makeFolder(files)
})
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

describe('folio get of numbers a double cannot hold', () => {
  it.each([
    ['y.md', 'big', '12345678901234567890'],
    ['y.md', 'huge', '123456789012345678901234'],
    ['y.md', 'inf', '.inf'],
    ['y.md', 'neg', '-.Inf'],
    ['y.md', 'nan', '.nan'],
    ['y.md', 'dec', '0.12345678901234567890'],
    ['y.md', 'params.n[1]', '9007199254740993'],
    ['t.md', 'big', '1234567890123456789'],
    ['t.md', 'inf', 'inf'],
    ['t.md', 'd', '3.14159265358979323846'],
    ['t.md', 'p.x', '-nan'],
    ['j.md', 'big', '12345678901234567890'],
    ['j.md', 'd', '1.10000000000000000001'],
    ['j.md', 'p.n[0]', '9007199254740993'],
  ])('%s %s prints %s as typed, and with --json as text with a warning', async (file, key, typed) => {
    expect(await folio(root, 'get', file, key)).toEqual({ code: 0, stdout: `${typed}\n`, stderr: '' })
    const json = await folio(root, 'get', file, key, '--json')
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout)).toBe(typed)
    expect(json.stderr).toMatch(new RegExp(`^${file.replace('.', '\\.')}:\\d+:\\d+: warning: .*${typed.replace(/[.+]/g, '\\$&')}.*Hugo reads .+\\n$`))
  })

  it('names what Hugo reads: the exact integer (YAML up to uint64, TOML), a float (JSON, past uint64), infinity, NaN', async () => {
    const y = (await folio(root, 'get', 'y.md', '--json')).stderr
    expect(y).toContain('big is 12345678901234567890, which a JSON number cannot hold exactly, so it is given as the text "12345678901234567890"; Hugo reads the exact integer 12345678901234567890')
    expect(y).toContain('huge is 123456789012345678901234')
    expect(y).toContain('Hugo reads the nearest 64-bit float, 1.2345678901234569e+23')
    expect(y).toContain('Hugo reads +Inf (infinity)')
    expect(y).toContain('Hugo reads -Inf (infinity)')
    expect(y).toContain('Hugo reads NaN')
    expect(y).toContain('Hugo reads the nearest 64-bit float, 0.12345678901234568')
    expect((await folio(root, 'get', 't.md', 'big', '--json')).stderr).toContain('Hugo reads the exact integer 1234567890123456789')
    expect((await folio(root, 'get', 'j.md', 'big', '--json')).stderr).toContain('Hugo reads the nearest 64-bit float, 12345678901234567000')
  })

  it('keeps the typed text inside a whole dump: as written, or as JSON strings with --json', async () => {
    const plain = (await folio(root, 'get', 'j.md')).stdout
    expect(plain).toContain('"big": 12345678901234567890,')
    expect(plain).toContain('"d": 1.10000000000000000001,')
    const strict = await folio(root, 'get', 'y.md', '--json')
    expect(JSON.parse(strict.stdout)).toMatchObject({ title: 'x', big: '12345678901234567890', inf: '.inf', nan: '.nan', w: 5, params: { n: [1, '9007199254740993'] } })
    expect(strict.stderr.split('\n').filter(Boolean)).toHaveLength(7)
    expect((await folio(root, 'get', 'y.md', 'w', '--json'))).toEqual({ code: 0, stdout: '5\n', stderr: '' })
  })
})

describe('folio set of numbers a double cannot hold', () => {
  const cases: [string, string, string, string][] = [
    // file, assignment, text before, text after
    ['y.md', 'big=12345678901234567891', 'big: 12345678901234567890', 'big: 12345678901234567891'],
    ['y.md', 'big=9007199254740993', 'big: 12345678901234567890', 'big: 9007199254740993'],
    ['y.md', 'big=12345678901234567000', 'big: 12345678901234567890', 'big: 12345678901234567000'],
    ['y.md', 'w=12345678901234567890', 'w: 5', 'w: 12345678901234567890'],
    ['y.md', 'dec=0.12345678901234567891', 'dec: 0.12345678901234567890', 'dec: 0.12345678901234567891'],
    ['y.md', 'inf=-.inf', 'inf: .inf', 'inf: -.inf'],
    ['y.md', 'params.n[1]=9007199254740995', 'n: [1, 9007199254740993]', 'n: [1, 9007199254740995]'],
    ['y.md', 'added=9007199254740993', '9007199254740993]\n', '9007199254740993]\nadded: 9007199254740993\n'],
    ['t.md', 'big=1234567890123456788', 'big = 1234567890123456789', 'big = 1234567890123456788'],
    ['t.md', 'd=3.14159265358979323847', 'd = 3.14159265358979323846', 'd = 3.14159265358979323847'],
    ['t.md', 'inf=-.inf', 'inf = inf', 'inf = -inf'],
    ['t.md', 'p.x=.inf', 'x = -nan', 'x = inf'],
    ['j.md', 'big=12345678901234567891', '"big": 12345678901234567890', '"big": 12345678901234567891'],
    ['j.md', 'p.n[0]=9007199254740995', '[9007199254740993]', '[9007199254740995]'],
  ]
  it.each(cases)('%s: set %s writes exactly what was typed', async (file, assignment, before, after) => {
    const dir = makeFolder({ [file]: files[file] })
    try {
      expect(await folio(dir, 'set', file, assignment)).toEqual({ code: 0, stdout: '', stderr: '' })
      expect(fs.readFileSync(path.join(dir, file), 'utf8')).toBe(files[file].replace(before, after))
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it.each([
    ['y.md', ['big=12345678901234567890', 'huge=123456789012345678901234', 'inf=.inf', 'neg=-.inf', 'nan=.nan', 'dec=0.12345678901234567890', 'params.n[1]=9007199254740993', 'w=5']],
    ['t.md', ['big=1234567890123456789', 'inf=.inf', 'd=3.14159265358979323846', 'p.x=.nan', 'w=1000']],
    ['j.md', ['big=12345678901234567890', 'd=1.10000000000000000001', 'p.n[0]=9007199254740993']],
  ])('%s: a set of the value already there writes nothing', async (file, assignments) => {
    const before = fs.statSync(path.join(root, file)).mtimeMs
    expect(await folio(root, 'set', file, ...assignments)).toEqual({ code: 0, stdout: '', stderr: '' })
    expect(fs.readFileSync(path.join(root, file), 'utf8')).toBe(files[file])
    expect(fs.statSync(path.join(root, file)).mtimeMs).toBe(before)
  })

  it('refuses what the format cannot spell instead of writing a rounded or null value', async () => {
    const run = await folio(root, 'set', 'j.md', 'd=.inf')
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('cannot write .inf at d exactly in JSON')
    expect(fs.readFileSync(path.join(root, 'j.md'), 'utf8')).toBe(files['j.md'])
  })
})

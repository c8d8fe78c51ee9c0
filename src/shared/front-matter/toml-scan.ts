/** One statement of a TOML document, with offsets into the scanned source. */
export type TomlStatement =
  | { kind: 'pair'; table: string[]; key: string[]; from: number; keyFrom: number; keyTo: number; valueFrom: number; valueTo: number; to: number }
  | { kind: 'table'; key: string[]; isArray: boolean; from: number; to: number }

/**
 * Splits TOML source into key/value pairs and table headers with their ranges (`to` is just after the line break).
 * It does not validate: run a real parser first; on text it cannot follow it returns what it found so far.
 */
export function scanToml(source: string): TomlStatement[] {
  const out: TomlStatement[] = []
  let table: string[] = []
  let pos = 0
  while (pos < source.length) {
    pos = skipSpace(source, pos)
    const ch = source[pos]
    if (ch === undefined) break
    if (ch === '\n' || ch === '\r' || ch === '#') {
      pos = nextLine(source, pos)
      continue
    }
    if (ch === '[') {
      const isArray = source[pos + 1] === '['
      const key = readKey(source, pos + (isArray ? 2 : 1))
      if (!key) break
      table = key.parts
      const to = nextLine(source, key.end)
      out.push({ kind: 'table', key: key.parts, isArray, from: pos, to })
      pos = to
      continue
    }
    const key = readKey(source, pos)
    if (!key) break
    const eq = skipSpace(source, key.end)
    if (source[eq] !== '=') break
    const valueFrom = skipSpace(source, eq + 1)
    const valueTo = valueEnd(source, valueFrom)
    const to = nextLine(source, valueTo)
    out.push({ kind: 'pair', table, key: key.parts, from: pos, keyFrom: pos, keyTo: key.end, valueFrom, valueTo, to })
    pos = to
  }
  return out
}

function skipSpace(s: string, pos: number): number {
  let p = pos
  while (s[p] === ' ' || s[p] === '\t') p++
  return p
}

function nextLine(s: string, pos: number): number {
  const i = s.indexOf('\n', pos)
  return i === -1 ? s.length : i + 1
}

/** Reads a dotted key (`a."b c".d`) ending before `=` or `]`. */
export function readKey(s: string, start: number): { parts: string[]; end: number } | null {
  const parts: string[] = []
  let p = skipSpace(s, start)
  for (;;) {
    const ch = s[p]
    if (ch === '"' || ch === "'") {
      const str = readString(s, p)
      if (!str) return null
      parts.push(str.value)
      p = str.end
    } else {
      const m = /^[A-Za-z0-9_-]+/.exec(s.slice(p, p + 256))
      if (!m) return null
      parts.push(m[0])
      p += m[0].length
    }
    const after = skipSpace(s, p)
    if (s[after] !== '.') return { parts, end: p }
    p = skipSpace(s, after + 1)
  }
}

function readString(s: string, p: number): { value: string; end: number } | null {
  const q = s[p]
  let value = ''
  for (let i = p + 1; i < s.length; i++) {
    const c = s[i]
    if (c === q) return { value, end: i + 1 }
    if (c === '\\' && q === '"') {
      const esc = s[i + 1]
      const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\' }
      if (esc === 'u' || esc === 'U') {
        const len = esc === 'u' ? 4 : 8
        value += String.fromCodePoint(parseInt(s.slice(i + 2, i + 2 + len), 16))
        i += 1 + len
      } else {
        value += simple[esc ?? ''] ?? ''
        i++
      }
    } else if (c === '\n') return null
    else value += c
  }
  return null
}

/** The end of a value starting at `from`: strings, arrays and inline tables may span lines; a comment ends it. */
export function valueEnd(s: string, from: number): number {
  let depth = 0
  let lastContent = from
  let i = from
  while (i < s.length) {
    const c = s[i]
    if (c === '"' || c === "'") {
      const triple = s.startsWith(c.repeat(3), i)
      const close = triple ? closeTriple(s, i, c) : closeSingle(s, i, c)
      i = close
      lastContent = i
      continue
    }
    if (c === '#') {
      i = s.indexOf('\n', i)
      if (i === -1) i = s.length
      continue
    }
    if (c === '\n' || c === '\r') {
      if (depth === 0) break
    } else if (c === '[' || c === '{') depth++
    else if (c === ']' || c === '}') depth--
    i++
    if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') lastContent = i
  }
  return lastContent
}

function closeSingle(s: string, i: number, q: string): number {
  for (let j = i + 1; j < s.length; j++) {
    if (s[j] === '\\' && q === '"') j++
    else if (s[j] === q || s[j] === '\n') return j + 1
  }
  return s.length
}

function closeTriple(s: string, i: number, q: string): number {
  const triple = q.repeat(3)
  for (let j = i + 3; j < s.length; j++) {
    if (s[j] === '\\' && q === '"') j++
    else if (s.startsWith(triple, j)) {
      let end = j + 3
      // NOTE: up to two more quotes right before the closing delimiter belong to the string.
      while (s[end] === q && end < j + 5) end++
      return end
    }
  }
  return s.length
}

import type { FrontMatterValue } from './types'
import { hasControlChar } from './values'

const keyPattern = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]+(.*))?$/
const intPattern = /^[-+]?[0-9]+$/
const floatPattern = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/
const jsonEscapes = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/g

/** Marks "outside the subset": the caller falls back to the full YAML parser. */
const unsupported = Symbol('unsupported')

/** Reads one scalar the way the YAML 1.2 core schema does, or gives up on anything unusual. */
function scalar(raw: string): FrontMatterValue | typeof unsupported {
  const text = raw.replace(/[ \t]+$/, '')
  const first = text[0]
  if (first === '"') {
    const end = text.lastIndexOf('"')
    if (end === 0 || text.slice(end + 1).trim() !== '') return unsupported
    const body = text.slice(1, end)
    const unescaped = body.replace(jsonEscapes, '')
    if (unescaped.includes('"') || unescaped.includes('\\') || hasControlChar(body)) return unsupported
    return JSON.parse(text.slice(0, end + 1)) as string
  }
  if (first === "'") {
    const body = text.slice(1, -1)
    if (text.length < 2 || !text.endsWith("'") || body.replace(/''/g, '').includes("'")) return unsupported
    return body.replace(/''/g, "'")
  }
  if (text === '[]') return []
  if (text === '{}') return {}
  if (text === '' || text === '~' || /^(?:null|Null|NULL)$/.test(text)) return null
  if (/^(?:true|True|TRUE)$/.test(text)) return true
  if (/^(?:false|False|FALSE)$/.test(text)) return false
  const isNegative = first === '-' && /^-[0-9]/.test(text)
  if (first === undefined || ('-?:,[]{}#&*!|>%@`'.includes(first) && !isNegative) || text.includes(': ') || text.includes(' #') || text.endsWith(':') || text.includes('\t')) {
    return unsupported
  }
  if (intPattern.test(text) || floatPattern.test(text)) return Number(text)
  if (/^[-+]?(?:0[xo]|\.)/i.test(text)) return unsupported
  return text
}

/**
 * A fast reader for the front matter most sites have: top-level `key: scalar` lines and block lists of scalars.
 * Returns null for anything else (flow collections, nesting, multi-line or escaped strings, anchors, duplicate keys),
 * and the caller then uses the full parser; when it answers, it answers exactly what the full parser would.
 */
export function readSimpleYaml(source: string): Record<string, FrontMatterValue> | null {
  const data: Record<string, FrontMatterValue> = {}
  let listKey: string | null = null
  let list: FrontMatterValue[] = []
  let listIndent = -1
  // NOTE: `key:` with no items below it is null, not an empty list.
  const closeList = (): void => {
    if (listKey !== null && list.length === 0) data[listKey] = null
    listKey = null
  }
  for (const line of source.split('\n')) {
    const content = line.endsWith('\r') ? line.slice(0, -1) : line
    if (content.trim() === '' || content.startsWith('#')) continue
    const key = keyPattern.exec(content)
    if (key) {
      closeList()
      const name = key[1] ?? ''
      if (Object.hasOwn(data, name) || /^(?:true|false|null)$/i.test(name)) return null
      const raw = key[2] ?? ''
      const value = raw.trim() === '' ? [] : scalar(raw)
      if (value === unsupported) return null
      Object.defineProperty(data, name, { value, enumerable: true, writable: true, configurable: true })
      if (raw.trim() === '') {
        listKey = name
        list = value as FrontMatterValue[]
        listIndent = -1
      }
      continue
    }
    const item = /^( *)- (.*)$/.exec(content)
    if (listKey === null || !item) return null
    const indent = item[1]?.length ?? 0
    if (listIndent === -1) listIndent = indent
    if (indent !== listIndent) return null
    const value = scalar(item[2] ?? '')
    if (value === unsupported || (value !== null && typeof value === 'object')) return null
    list.push(value)
  }
  closeList()
  return data
}

/**
 * How Hugo 0.111's YAML reader (gopkg.in/yaml.v2, YAML 1.1) types a plain (unquoted) scalar. Folio reads YAML 1.2,
 * where `yes`, `y`, `on`, `1_000`, `0b101` and `0777` are other things; this says what Hugo sees.
 */
export type Yaml11Value = { kind: 'null' } | { kind: 'bool'; value: boolean } | { kind: 'int'; value: bigint } | { kind: 'float'; value: number } | { kind: 'string'; value: string }

const trueWords = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE'])
const falseWords = new Set(['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE'])
const yamlStyleFloat = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/
const int64Max = 9223372036854775807n
const uint64Max = 18446744073709551615n

/** Go's strconv.ParseInt(s, 0, 64) / ParseUint: base prefixes 0x, 0o, 0b and a leading 0 for octal. */
function goInteger(text: string): bigint | null {
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(text)
  if (m === null) return null
  const body = m[2] ?? ''
  let n: bigint
  if (/^0[oO]/.test(body)) n = BigInt('0o' + body.slice(2))
  else if (/^0[0-7]+$/.test(body)) n = BigInt('0o' + body.slice(1))
  else n = BigInt(body)
  if (m[1] === '-') n = -n
  return n >= -int64Max - 1n && n <= uint64Max ? n : null
}

/** Hugo's reading of the plain scalar `text` (already trimmed, no quotes, no tag). */
export function readYaml11Plain(text: string): Yaml11Value {
  if (text === '' || text === '~' || text === 'null' || text === 'Null' || text === 'NULL') return { kind: 'null' }
  if (trueWords.has(text)) return { kind: 'bool', value: true }
  if (falseWords.has(text)) return { kind: 'bool', value: false }
  const first = text[0] ?? ''
  if (!/[-+.0-9]/.test(first)) return { kind: 'string', value: text }
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(text)) return { kind: 'float', value: text.startsWith('-') ? -Infinity : Infinity }
  if (/^\.(?:nan|NaN|NAN)$/.test(text)) return { kind: 'float', value: Number.NaN }
  const plain = text.replace(/_/g, '')
  const int = goInteger(plain)
  if (int !== null) return { kind: 'int', value: int }
  if (yamlStyleFloat.test(plain)) return { kind: 'float', value: Number(plain) }
  const binary = /^([-+]?)0b([01]+)$/.exec(plain)
  if (binary !== null) return { kind: 'int', value: (binary[1] === '-' ? -1n : 1n) * BigInt('0b' + (binary[2] ?? '0')) }
  return { kind: 'string', value: text }
}

/** How Hugo prints such a value in a message: `true`, `1000`, `"text"`. */
export function describeYaml11(value: Yaml11Value): string {
  switch (value.kind) {
    case 'null':
      return 'nothing (null)'
    case 'bool':
    case 'int':
      return String(value.value)
    case 'float':
      return Number.isNaN(value.value) ? 'NaN' : String(value.value)
    case 'string':
      return JSON.stringify(value.value)
  }
}

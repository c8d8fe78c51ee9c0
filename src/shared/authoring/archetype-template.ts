import { formatGoTime, rfc3339, type ZonedWallTime } from '../hugo/go-time'
import { hugoTitle } from '../hugo/title-case'
import { urlize } from '../hugo/urlize'

/** What an archetype template can see, as `hugo new` (0.111) gives it, plus `.Title` (newer Hugo). */
export interface ArchetypeContext {
  /** `.Name`: the file's base name without extension, or the bundle folder's name for `index.md`/`_index.md`. */
  name: string
  /** `.Title`: the writer's title (Hugo 0.111 itself refuses `.Title` in archetypes). */
  title: string
  /** `.Section`: the first folder under the content folder ('' at its root). */
  section: string
  /** `.Type`: the kind when one was asked for, else the section (`page` at the root). */
  type: string
  siteTitle: string
  /** `.File.Path`, relative to the content folder with `/` separators. */
  filePath: string
  now: ZonedWallTime
}

/** One `{{ action }}` that could not be rendered without Hugo, with its 1-based line in the archetype. */
export interface UnrenderedAction {
  action: string
  line: number
  reason: string
}

/** The rendered text; `unrendered` lists actions left out (rendered as nothing). `hasControl`: if/range/with/... were met. */
export interface TemplateOutcome {
  text: string
  unrendered: UnrenderedAction[]
  hasControl: boolean
}

type Value = string | { clock: ZonedWallTime }

class Unsupported extends Error {}

const controlWords = /^(if|else|end|range|with|define|block|template|break|continue)\b/

function fileFields(ctx: ArchetypeContext): Record<string, string> {
  const slash = ctx.filePath.lastIndexOf('/')
  const fileName = ctx.filePath.slice(slash + 1)
  const dot = fileName.lastIndexOf('.')
  const baseFileName = dot > 0 ? fileName.slice(0, dot) : fileName
  return {
    ContentBaseName: ctx.name,
    BaseFileName: baseFileName,
    TranslationBaseName: baseFileName,
    LogicalName: fileName,
    Ext: dot > 0 ? fileName.slice(dot + 1) : '',
    Dir: slash >= 0 ? ctx.filePath.slice(0, slash + 1) : '',
    Path: ctx.filePath,
    Section: ctx.section,
  }
}

function field(ctx: ArchetypeContext, chain: string[]): Value {
  const [head, ...rest] = chain
  const top: Record<string, Value> = { Name: ctx.name, Title: ctx.title, Section: ctx.section, Type: ctx.type, Date: rfc3339(ctx.now) }
  if (rest.length === 0 && head !== undefined && Object.hasOwn(top, head)) return top[head]
  if (head === 'Site' && rest.length === 1 && rest[0] === 'Title') return ctx.siteTitle
  const file = fileFields(ctx)
  if (head === 'File' && rest.length === 1 && Object.hasOwn(file, rest[0])) return file[rest[0]]
  throw new Unsupported(`.${chain.join('.')} is not known without Hugo`)
}

const asText = (v: Value | undefined): string => {
  if (typeof v === 'string') return v
  throw new Unsupported('a text value was expected')
}

const functions: Record<string, (ctx: ArchetypeContext, args: Value[]) => Value> = {
  replace: (_, [s, from, to]) => asText(s).split(asText(from)).join(asText(to)),
  title: (_, [s]) => hugoTitle(asText(s)),
  urlize: (_, [s]) => urlize(asText(s)),
  lower: (_, [s]) => asText(s).toLowerCase(),
  upper: (_, [s]) => asText(s).toUpperCase(),
  now: (ctx) => ({ clock: ctx.now }),
  'now.Format': (ctx, [layout]) => formatGoTime(ctx.now, asText(layout)),
}

const tokenPattern = /\s*("(?:[^"\\]|\\.)*"|`[^`]*`|\$?(?:\.[A-Za-z_]\w*)+|\$|\.|[A-Za-z_][\w.]*|\||\(|\)|\S+)/y

function tokenize(source: string): string[] {
  const tokens: string[] = []
  tokenPattern.lastIndex = 0
  for (let m = tokenPattern.exec(source); m; m = tokenPattern.exec(source)) tokens.push(m[1])
  return tokens
}

/** Evaluates a pipeline from `tokens` starting at `pos.i`, up to `)` or the end. */
function pipeline(ctx: ArchetypeContext, tokens: string[], pos: { i: number }): Value {
  let piped: Value | undefined
  for (;;) {
    const operands: { token: string; value?: Value }[] = []
    while (pos.i < tokens.length && tokens[pos.i] !== '|' && tokens[pos.i] !== ')') {
      const token = tokens[pos.i++]
      if (token === '(') {
        operands.push({ token, value: pipeline(ctx, tokens, pos) })
        if (tokens[pos.i++] !== ')') throw new Unsupported('unbalanced parentheses')
      } else operands.push({ token })
    }
    piped = command(ctx, operands, piped)
    if (tokens[pos.i] !== '|') return piped
    pos.i += 1
  }
}

function operandValue(ctx: ArchetypeContext, operand: { token: string; value?: Value }): Value {
  if (operand.value !== undefined) return operand.value
  const t = operand.token
  if (t.startsWith('"')) return JSON.parse(t) as string
  if (t.startsWith('`')) return t.slice(1, -1)
  if (t.startsWith('.') || t.startsWith('$.')) return field(ctx, t.replace(/^\$/, '').slice(1).split('.'))
  if (t === 'now') return { clock: ctx.now }
  throw new Unsupported(`${t} is not known without Hugo`)
}

function command(ctx: ArchetypeContext, operands: { token: string; value?: Value }[], piped: Value | undefined): Value {
  const head = operands[0]
  if (head === undefined) throw new Unsupported('an empty command')
  const fn = head.value === undefined && /^[A-Za-z_]/.test(head.token) && head.token !== 'now' ? functions[head.token] : undefined
  if (head.value === undefined && /^[A-Za-z_]/.test(head.token) && head.token !== 'now' && fn === undefined) throw new Unsupported(`the function ${head.token} is not known without Hugo`)
  if (fn) {
    const args = operands.slice(1).map((o) => operandValue(ctx, o))
    return fn(ctx, piped === undefined ? args : [...args, piped])
  }
  if (operands.length > 1 || piped !== undefined) throw new Unsupported('arguments to a value')
  return operandValue(ctx, head)
}

function evaluate(ctx: ArchetypeContext, source: string): string {
  const tokens = tokenize(source)
  const pos = { i: 0 }
  const value = pipeline(ctx, tokens, pos)
  if (pos.i !== tokens.length) throw new Unsupported('unbalanced parentheses')
  if (typeof value !== 'string') return formatGoTime(value.clock, '2006-01-02 15:04:05.999999999 -0700 MST')
  return value
}

const actionPattern = /\{\{(- )?([\s\S]*?)( -)?\}\}/g

/**
 * Renders an archetype with the template subset Folio knows (`.Name`, `.Date`, `.Title`, `.Section`, `.Type`,
 * `.Site.Title`, `.File.*`, `replace`, `title`, `urlize`, `lower`, `upper`, `now.Format`, pipes, parentheses,
 * comments, `{{-`/`-}}` trimming). Actions outside the subset render as nothing and are listed in `unrendered`.
 */
export function renderArchetype(template: string, ctx: ArchetypeContext): TemplateOutcome {
  const unrendered: UnrenderedAction[] = []
  let hasControl = false
  let out = ''
  let last = 0
  let trimNext = false
  for (const m of template.matchAll(actionPattern)) {
    let text = template.slice(last, m.index)
    if (trimNext) text = text.replace(/^\s+/, '')
    if (m[1]) text = text.replace(/\s+$/, '')
    out += text
    last = m.index + m[0].length
    trimNext = m[3] !== undefined
    const inner = m[2].trim()
    if (inner.startsWith('/*') && inner.endsWith('*/')) continue
    const line = template.slice(0, m.index).split('\n').length
    if (controlWords.test(inner)) {
      hasControl = true
      unrendered.push({ action: m[0], line, reason: 'conditions and loops need Hugo' })
      continue
    }
    try {
      out += evaluate(ctx, inner)
    } catch (error) {
      if (!(error instanceof Unsupported) && !(error instanceof SyntaxError)) throw error
      unrendered.push({ action: m[0], line, reason: error.message })
    }
  }
  let rest = template.slice(last)
  if (trimNext) rest = rest.replace(/^\s+/, '')
  return { text: out + rest, unrendered, hasControl }
}

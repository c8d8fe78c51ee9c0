/** One unit on the page: its top-level nodes, its elements with `data-source-line` (document order), its first line. */
export interface DomUnit {
  nodes: ChildNode[]
  marks: HTMLElement[]
  line: number
}

/**
 * A long unit's sanitized HTML in parts, so no one step sanitizes and parses all of it: `shell` is the unit with an
 * empty container (the first element matching the selector `into`), and each `next(maxChars)` answers the sanitized
 * HTML of the container's next children (about `maxChars` characters of them, at least one), null after the last.
 * In one string the parts go at `shell` index `at`.
 */
export interface UnitParts {
  shell: string
  into: string
  at: number
  next: (maxChars: number) => string | null
}

/** The HTML of `parts` in one string, every part taken: the shell with the parts where they go. */
export function joinParts(parts: UnitParts): string {
  const pieces: string[] = []
  for (let part = parts.next(Infinity); part !== null; part = parts.next(Infinity)) pieces.push(part)
  return parts.shell.slice(0, parts.at) + pieces.join('') + parts.shell.slice(parts.at)
}

/** The elements of `nodes` and under them that carry `data-source-line`, in document order. */
function marksIn(nodes: readonly ChildNode[]): HTMLElement[] {
  const marks: HTMLElement[] = []
  for (const node of nodes) {
    if (node.nodeType !== 1) continue
    const element = node as HTMLElement
    if (element.hasAttribute('data-source-line')) marks.push(element)
    marks.push(...element.querySelectorAll<HTMLElement>('[data-source-line]'))
  }
  return marks
}

/** The first element of `nodes` or under them that matches `selector`; null when none does. */
function containerIn(nodes: readonly ChildNode[], selector: string): Element | null {
  for (const node of nodes) {
    if (node.nodeType !== 1) continue
    const element = node as Element
    const found = element.matches(selector) ? element : element.querySelector(selector)
    if (found !== null) return found
  }
  return null
}

/** Sanitized `html` parsed (inert, in `doc`) into a unit starting at file line `line`. */
export function parseUnit(doc: Document, html: string, line: number): DomUnit {
  const template = doc.createElement('template')
  template.innerHTML = html
  const nodes = [...template.content.childNodes]
  return { nodes, marks: marksIn(nodes), line }
}

/**
 * A unit being built from its parts, off the page: the shell parsed at once, each part parsed into its container.
 * NOTE: the marks are gathered as the parts come (a long list's marks in one query at the end cost a long task): the
 * shell's own marks before and after the container, and each part's, keep document order.
 */
export class UnitInParts {
  private readonly inside: HTMLElement[] = []

  private constructor(
    private readonly unit: DomUnit,
    private readonly container: Element,
    readonly parts: UnitParts,
    private readonly before: HTMLElement[],
    private readonly after: HTMLElement[],
  ) {}

  /** Starts the unit of `parts`; null when its shell has no container (a sanitizer's bug: join the parts instead). */
  static start(doc: Document, parts: UnitParts, line: number): UnitInParts | null {
    const unit = parseUnit(doc, parts.shell, line)
    const container = containerIn(unit.nodes, parts.into)
    if (container === null) return null
    const isBefore = (mark: HTMLElement): boolean => mark === container || (mark.compareDocumentPosition(container) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0
    return new UnitInParts(unit, container, parts, unit.marks.filter(isBefore), unit.marks.filter((mark) => !isBefore(mark)))
  }

  /** Parses `part` (sanitized) into the container. */
  add(part: string): void {
    const template = this.container.ownerDocument.createElement('template')
    template.innerHTML = part
    this.inside.push(...marksIn([...template.content.childNodes]))
    this.container.append(template.content)
  }

  /** The whole unit, once every part is in. */
  finish(): DomUnit {
    return { ...this.unit, marks: [...this.before, ...this.inside, ...this.after] }
  }
}

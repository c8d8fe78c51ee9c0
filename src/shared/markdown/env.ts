import type { UrlPolicy } from './urls'

/** Per-render state that the markdown-it rules share through markdown-it's `env` argument. */
// NOTE: a type alias, not an interface, so it stays assignable to markdown-it's index-signature `Env`.
export type RenderEnv = {
  policy: UrlPolicy
  /** Lines in the file before the body's first line, added to every `data-source-line`. */
  lineOffset: number
  /** Heading ids already given out on this page, for Hugo's `-1`, `-2` suffixes. */
  headingIds: Set<string>
  /** Per shortcode name, the last line holding a closing tag, so unpaired tags need not scan to the end. */
  lastClosingLine: Map<string, number>
}

/** Builds a fresh env for one render. */
export function createEnv(policy: UrlPolicy, lineOffset: number): RenderEnv {
  return { policy, lineOffset, headingIds: new Set(), lastClosingLine: new Map() }
}

function isRenderEnv(value: unknown): value is RenderEnv {
  return typeof value === 'object' && value !== null && 'policy' in value && 'headingIds' in value
}

/**
 * Narrows markdown-it's untyped env. A render started without ours (plain `md.render(src)`) gets safe defaults
 * (remote images blocked), stored on markdown-it's env object so every rule of that render shares them.
 */
export function envOf(value: unknown): RenderEnv {
  if (isRenderEnv(value)) return value
  const defaults = createEnv({}, 0)
  return typeof value === 'object' && value !== null ? Object.assign(value, defaults) : defaults
}

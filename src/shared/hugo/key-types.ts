import { hugoDateKeys } from './page'

/** The type Hugo gives a front-matter key it knows, whatever the folder holds. */
export type HugoKeyType = 'boolean' | 'date' | 'number' | 'list'

const switches = new Set(['draft', 'headless'])
const lists = new Set(['tags', 'categories', 'keywords', 'aliases'])

/**
 * The type of a key Hugo reads itself (any case, aliases included): `draft`/`headless` switches, the date keys and
 * their aliases, `weight` a number, `tags`/`categories`/`keywords`/`aliases` lists; null for any other key.
 */
export function hugoKeyType(key: string): HugoKeyType | null {
  const lower = key.toLowerCase()
  if (switches.has(lower)) return 'boolean'
  if (hugoDateKeys.has(lower)) return 'date'
  if (lower === 'weight') return 'number'
  if (lists.has(lower)) return 'list'
  return null
}

/** What the writer asked for: a dialog, the article context menu at a point, or how to store an image in a plain article. */
export type AuthoringRequest =
  | { kind: 'new' }
  | { kind: 'terms' }
  | { kind: 'rename' | 'move' | 'delete' | 'duplicate' | 'insert-image'; path: string }
  | { kind: 'menu'; path: string; x: number; y: number }
  | { kind: 'image-target'; path: string; files: File[]; isClipboard: boolean }

const byCommand: Record<string, 'rename' | 'move' | 'delete' | 'duplicate' | 'insert-image'> = {
  'article.rename': 'rename',
  'article.move': 'move',
  'article.delete': 'delete',
  'article.duplicate': 'duplicate',
  'image.insert': 'insert-image',
}

/**
 * The authoring request for a command of the shared table (menu, palette or key), or null when the command is not an
 * authoring one or needs an open article and none is active. The one place these commands are mapped.
 */
export function authoringRequestFor(id: string, activePath: string | null): AuthoringRequest | null {
  if (id === 'article.new') return { kind: 'new' }
  if (id === 'terms.open') return { kind: 'terms' }
  const kind = byCommand[id]
  return kind === undefined || activePath === null ? null : { kind, path: activePath }
}

/** True for the path of a page bundle's article (`…/index.md`), whose images go into its folder. */
export const isBundlePath = (p: string): boolean => /(^|\/)index\.(md|markdown)$/i.test(p)
